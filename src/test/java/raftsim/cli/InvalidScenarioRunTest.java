package raftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code run} on every invalid scenario file: exit 2, nothing on stdout, and a message on stderr that
 * starts FILE:LINE:COLUMN and names the field (CONTRACT §2), as listed in expected.tsv.
 */
class InvalidScenarioRunTest {
  record Case(String file, String prefix, String messagePart) {
    @Override
    public String toString() {
      return file;
    }
  }

  static List<Case> cases() throws IOException, URISyntaxException {
    Path dir = Path.of(InvalidScenarioRunTest.class.getResource("/invalid-scenarios/expected.tsv").toURI()).getParent();
    List<Case> cases = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      Path file = dir.resolve(c[0]);
      String prefix = file + ":" + c[1] + ":" + c[2] + ": " + (c[3].equals("-") ? "" : c[3] + ": ");
      cases.add(new Case(file.toString(), prefix, c[4]));
    }
    assertTrue(cases.size() >= 15, "at least 15 invalid files");
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exitsTwoWithALocatedMessage(Case c) {
    Cli r = Cli.run("run", c.file(), "--json");
    assertEquals(2, r.code(), r.err());
    assertEquals("", r.out(), "nothing runs, so nothing is reported");
    assertTrue(r.err().startsWith(c.prefix()), r.err());
    assertTrue(r.err().contains(c.messagePart()), r.err());
  }
}
