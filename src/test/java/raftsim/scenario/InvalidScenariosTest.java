package raftsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code src/test/resources/invalid-scenarios/} is rejected with the location, field
 * and message that {@code expected.tsv} lists for it.
 */
class InvalidScenariosTest {

  /** One line of expected.tsv. */
  record Expected(String file, int line, int column, String path, String messagePart) {
    @Override
    public String toString() {
      return file;
    }
  }

  static List<Expected> table() throws IOException, URISyntaxException {
    List<Expected> rows = new ArrayList<>();
    for (String line : Files.readAllLines(directory().resolve("expected.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      assertEquals(5, cells.length, "expected.tsv needs 5 tab-separated cells: " + line);
      rows.add(new Expected(cells[0], Integer.parseInt(cells[1]), Integer.parseInt(cells[2]),
          cells[3].equals("-") ? "" : cells[3], cells[4]));
    }
    return rows;
  }

  static Path directory() throws URISyntaxException {
    return Path.of(InvalidScenariosTest.class.getResource("/invalid-scenarios/expected.tsv").toURI()).getParent();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void isRejectedAtTheRightPlaceNamingTheField(Expected expected) throws URISyntaxException {
    Path file = directory().resolve(expected.file());

    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));

    String prefix = file + ":" + expected.line() + ":" + expected.column() + ": "
        + (expected.path().isEmpty() ? "" : expected.path() + ": ");
    assertTrue(e.getMessage().startsWith(prefix), () -> "expected a message starting\n  " + prefix + "\ngot\n  "
        + e.getMessage());
    assertTrue(e.reason().contains(expected.messagePart()), () -> "expected the message to contain\n  "
        + expected.messagePart() + "\ngot\n  " + e.getMessage());
    assertEquals(expected.path(), e.path());
  }

  @Test
  void everyFileIsInTheTableAndEveryRowHasAFile() throws IOException, URISyntaxException {
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> listing = Files.list(directory())) {
      listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).forEach(files::add);
    }
    TreeSet<String> rows = new TreeSet<>();
    for (Expected row : table()) {
      assertTrue(rows.add(row.file()), "listed twice: " + row.file());
    }
    assertEquals(files, rows);
    assertTrue(files.size() >= 20, "at least 20 invalid files");
  }
}
