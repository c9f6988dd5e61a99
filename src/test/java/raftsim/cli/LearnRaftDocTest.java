package raftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * The tutorial (src/docs/learn-raft.md) says what its commands show: each {@code step ... --script} command
 * followed by a {@code text} block is run, and every line of the block must appear in its output. The
 * scenarios it names exist.
 */
class LearnRaftDocTest {
  static final Path DOC = Path.of("src", "docs", "learn-raft.md");

  record Block(String lang, String body) {}

  static List<Block> blocks(String md) {
    List<Block> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```$").matcher(md);
    while (m.find()) {
      out.add(new Block(m.group(1), m.group(2)));
    }
    return out;
  }

  /** Splits a command line as a shell would for these simple commands: words, or double-quoted strings. */
  static List<String> words(String line) {
    List<String> w = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
    while (m.find()) {
      w.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return w;
  }

  @Test
  void everyWalkthroughShowsWhatTheTutorialSays() throws IOException {
    List<Block> blocks = blocks(Files.readString(DOC, StandardCharsets.UTF_8));
    int checked = 0;
    for (int i = 0; i + 1 < blocks.size(); i++) {
      String command = blocks.get(i).body().strip();
      if (!blocks.get(i).lang().equals("sh") || !command.startsWith("java -jar target/raftsim.jar step ")
          || !blocks.get(i + 1).lang().equals("text")) {
        continue;
      }
      List<String> args = words(command).subList(3, words(command).size());
      Cli r = Cli.run(args.toArray(String[]::new));
      assertEquals(0, r.code(), command + "\n" + r.err());
      for (String expected : blocks.get(i + 1).body().split("\n")) {
        if (!expected.isBlank()) {
          assertTrue(r.out().contains(expected), command + "\nshould show:\n" + expected);
        }
      }
      checked++;
    }
    assertEquals(5, checked, "five walkthroughs, each with its expected lines");
  }

  @Test
  void theScenariosItNamesExist() throws IOException {
    Matcher m = Pattern.compile("scenarios/[a-z0-9-]+\\.json").matcher(Files.readString(DOC, StandardCharsets.UTF_8));
    int n = 0;
    while (m.find()) {
      assertTrue(Files.isRegularFile(Path.of(m.group())), m.group());
      n++;
    }
    assertTrue(n >= 5, "names the scenarios it walks through");
  }
}
