package raftsim.check.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import raftsim.check.history.HistoryFiles;
import raftsim.check.history.HistoryParseException;

/** Every history of Porcupine's test data gets the verdict Porcupine's own tests assert (verdicts.tsv). */
class PorcupineCorpusTest {

  static Path corpus() throws URISyntaxException {
    return Path.of(PorcupineCorpusTest.class.getResource("/porcupine-test-data/verdicts.tsv").toURI()).getParent();
  }

  static List<Arguments> histories() throws IOException, URISyntaxException {
    List<Arguments> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(corpus().resolve("verdicts.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      if (!f[3].equals("none")) {
        rows.add(Arguments.of(f[0], Integer.parseInt(f[2]), f[3]));
      }
    }
    assertEquals(108, rows.size());
    return rows;
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("histories")
  void verdictMatchesPorcupine(String file, int operations, String expected)
      throws HistoryParseException, URISyntaxException {
    HistoryFiles.Loaded loaded = HistoryFiles.load(corpus().resolve(file), null);
    assertNotNull(loaded.format());
    assertEquals(operations, loaded.history().operations().size());
    Verdict v = TestChecks.check(loaded.history(), Models.forFormat(loaded.format()), Duration.ofSeconds(60));
    assertEquals(expected, v.word(), () -> v.toString());
  }
}
