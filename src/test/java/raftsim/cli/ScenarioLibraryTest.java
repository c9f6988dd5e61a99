package raftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario shipped in {@code scenarios/} runs to exit 0 with all its expectations met. */
class ScenarioLibraryTest {
  static Stream<Path> scenarios() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertTrue(list.size() >= 14, "the library has at least 14 scenarios, found " + list.size());
      return list.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void runsCleanly(Path scenario) throws IOException {
    Cli r = Cli.run("run", scenario.toString(), "--json");
    JsonNode summary = new ObjectMapper().readTree(r.out());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(summary.get("ok").asBoolean());
    assertEquals(0, summary.get("violationCount").asLong());
    for (JsonNode e : summary.get("expectations")) {
      assertTrue(e.get("ok").asBoolean(), e.toString());
    }
    JsonNode file = new ObjectMapper().readTree(scenario.toFile());
    long every = file.path("snapshot").path("everyEntries").asLong(1000);
    if (every > 0) {
      // Compaction keeps every in-memory log within about twice the snapshot threshold.
      assertTrue(summary.get("maxLogEntries").asLong() <= 2 * every, summary.get("maxLogEntries") + " entries");
    }
    String description = file.path("description").asText();
    assertTrue(description.length() > 100, "each scenario teaches something in its description");
  }
}
