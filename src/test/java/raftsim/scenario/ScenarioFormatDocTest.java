package raftsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The user documentation of the format says what the code does: its examples load, its messages are real. */
class ScenarioFormatDocTest {

  private static final Path DOC = Path.of("src/docs/scenario-format.md");
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyJsonExampleIsValid() throws IOException {
    List<String> blocks = blocks();
    assertTrue(blocks.size() >= 13, "expected the full examples and one per event kind, found " + blocks.size());
    for (String block : blocks) {
      // A block is either a whole scenario or event lines, which are checked inside a 5-node scenario.
      String json = block.contains("\"name\"") ? block
          : "{\"name\": \"doc\", \"nodes\": 5, \"durationMs\": 10000, \"clients\": {}, \"events\": [\n"
              + String.join(",\n", block.strip().split("\n")) + "\n]}";
      Examples.parse(json, "doc-example.json");
    }
  }

  @Test
  void everyEventKindHasAnExample() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    for (String kind : ScenarioEvent.KINDS) {
      assertTrue(doc.contains("### `" + kind + "`"), "a section for " + kind);
      assertTrue(doc.contains("\"do\": \"" + kind + "\""), "an example of " + kind);
    }
  }

  @Test
  void theErrorExamplesAreWhatTheLoaderSays() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String[][] mistakes = {
        {"\"node\": \"leader\" }", "\"node\": 7 }"},
        {"\"node\": \"crashed\"", "\"node\": \"leader\""},
        {"[[1, 2], [3, 4, 5]]", "[[1, 2], [3, 2, 5]]"},
        {"\"dropRate\": 0.1", "\"dropRate\": 1.5"},
        {"\"heartbeatMs\": 50", "\"heartbeat\": 50"},
        {"\"durationMs\": 10000", "\"durationMs\": \"10s\""},
        {"\"nodes\": 5,", "\"nodes\": 5,,"},
    };
    String example = blocks().get(0);
    for (String[] mistake : mistakes) {
      assertTrue(example.contains(mistake[0]), mistake[0]);
      String broken = example.replaceFirst(Pattern.quote(mistake[0]), Matcher.quoteReplacement(mistake[1]));
      ScenarioException e = assertThrows(ScenarioException.class,
          () -> ScenarioLoader.parse(broken, "leader-crash.json"));
      assertTrue(doc.contains("\n" + e.getMessage() + "\n"), "the page shows\n" + e.getMessage());
    }
  }

  @Test
  void theFirstExampleIsTheContractsExample() throws IOException {
    assertEquals(Examples.CONTRACT, blocks().get(0));
  }

  private static List<String> blocks() throws IOException {
    Matcher m = JSON_BLOCK.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }
}
