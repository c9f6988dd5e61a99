package raftsim.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The fuzzer finds real bugs: for each classic Raft bug planted in a test build of the core, a
 * campaign finds it within 2,000 runs and shrinks it to a scenario of at most 10 timeline events,
 * which `run` then replays to the same failure.
 */
class FuzzFindsClassicBugsTest {
  static final java.util.List<ClassicBugs.Bug> BUGS = ClassicBugs.ALL;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @FieldSource("BUGS")
  void fuzzFindsAndShrinksIt(ClassicBugs.Bug bug) throws Exception {
    CoreVariant broken = bug.build();
    CoreVariant.Result r = broken.run("fuzz", "--runs", "2000", "--max-failures", "1", "--json", "--jobs", "2",
        "--out", dir.toString());
    assertEquals(1, r.code(), "the campaign must fail: " + r.err());
    String[] lines = r.out().strip().split("\n");
    ObjectMapper json = new ObjectMapper();
    JsonNode last = json.readTree(lines[lines.length - 1]);
    assertFalse(last.get("ok").asBoolean());
    assertTrue(lines.length <= 2000, "found within 2,000 runs: run " + lines.length);
    Path shrunk = Path.of(last.get("shrunk").asText());
    JsonNode scenario = json.readTree(Files.readString(shrunk));
    int events = scenario.get("events").size();
    assertTrue(events <= 10, "shrunk to at most 10 events, got " + events + ": " + shrunk);
    String check = last.get("failure").asText().split(":")[0];
    // Checked before the replay: `run` sets no event limit, so a runaway's replay would not end.
    assertTrue(check.startsWith("invariant") || check.startsWith("linearizability") || check.startsWith("liveness"), check);

    CoreVariant.Result replay = broken.run("run", shrunk.toString(), "--json");
    assertEquals(1, replay.code(), "the shrunk scenario replays to a failure: " + replay.out());
    System.out.printf("%s: found at run %d (%s), shrunk to %d events, %d nodes%n", bug.name(), lines.length,
        last.get("failure").asText(), events, scenario.get("nodes").asInt());
  }
}
