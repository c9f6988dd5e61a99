package raftsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioWriterTest {

  private static final SourcePosition NONE = SourcePosition.NONE;

  @Test
  void writesTheContractExampleCanonically() {
    String expected = """
        {
          "name": "leader-crash",
          "description": "The leader crashes; the others elect a new one and keep committing.",
          "seed": 42,
          "nodes": 5,
          "durationMs": 10000,
          "timing": { "electionTimeoutMs": [150, 300], "heartbeatMs": 50 },
          "network": { "delayMs": [1, 10], "dropRate": 0.0, "duplicateRate": 0.0 },
          "disk": { "syncMs": [0, 2] },
          "snapshot": { "everyEntries": 1000, "chunkBytes": 65536 },
          "cluster": {
            "reads": "readIndex",
            "maxEntriesPerAppend": 64,
            "preVote": false,
            "checkQuorum": false,
            "maxClockDriftPpm": 10000,
            "initialMembers": 5
          },
          "clients": {
            "count": 3,
            "keys": 5,
            "opIntervalMs": 20,
            "retryMs": 100,
            "timeoutMs": 1000,
            "mix": { "put": 0.4, "get": 0.4, "append": 0.2, "delete": 0.0, "cas": 0.0 }
          },
          "events": [
            { "atMs": 2000, "do": "crash", "node": "leader" },
            { "atMs": 2500, "do": "expect", "leader": "any" },
            { "atMs": 4000, "do": "restart", "node": "crashed" },
            { "atMs": 5000, "do": "partition", "groups": [[1, 2], [3, 4, 5]] },
            { "atMs": 5000, "do": "cut", "from": 3, "to": 1 },
            { "atMs": 6000, "do": "heal" },
            { "atMs": 6000, "do": "network", "delayMs": [1, 50], "dropRate": 0.1 }
          ],
          "expect": { "linearizable": true, "leaderAtEnd": true, "minOkOps": 100 }
        }
        """;

    assertEquals(expected, ScenarioWriter.toJson(Examples.parse(Examples.CONTRACT, "leader-crash.json")));
  }

  @Test
  void aMinimalScenarioWritesEverySettingButNoClientsEventsOrExpectations() {
    String expected = """
        {
          "name": "x",
          "seed": 1,
          "nodes": 3,
          "durationMs": 1000,
          "timing": { "electionTimeoutMs": [150, 300], "heartbeatMs": 50 },
          "network": { "delayMs": [1, 10], "dropRate": 0.0, "duplicateRate": 0.0 },
          "disk": { "syncMs": [0, 2] },
          "snapshot": { "everyEntries": 1000, "chunkBytes": 65536 },
          "cluster": {
            "reads": "readIndex",
            "maxEntriesPerAppend": 64,
            "preVote": false,
            "checkQuorum": false,
            "maxClockDriftPpm": 10000,
            "initialMembers": 3
          },
          "events": []
        }
        """;

    assertEquals(expected, ScenarioWriter.toJson(Scenario.minimal("x", 3, 1000)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"contract", "minimal", "every kind"})
  void theExamplesSurviveARoundTrip(String which) {
    String json = switch (which) {
      case "contract" -> Examples.CONTRACT;
      case "minimal" -> Examples.MINIMAL;
      default -> Examples.EVERY_KIND;
    };
    Scenario s = Examples.parse(json, "example.json");

    assertRoundTrip(s);
  }

  @Test
  void aScenarioBuiltInCodeWithEveryEventKindSurvivesARoundTrip() {
    List<ScenarioEvent> events = List.of(
        new ScenarioEvent.Crash(10, new NodeRef.Id(7), true, NONE),
        new ScenarioEvent.Crash(10, new NodeRef.Leader(), false, NONE),
        new ScenarioEvent.Restart(20, new NodeRef.Crashed(), NONE),
        new ScenarioEvent.Restart(20, new NodeRef.Id(7), NONE),
        new ScenarioEvent.Partition(30, List.of(List.of(7, 1), List.of(2, 3, 4), List.of(5)), NONE),
        new ScenarioEvent.Isolate(40, new NodeRef.Random(), NONE),
        new ScenarioEvent.Cut(50, 6, 2, NONE),
        new ScenarioEvent.Heal(60, NONE),
        new ScenarioEvent.NetworkChange(70, new Range(0, 1000), 1.0 / 3, 0.30000000000000004, NONE),
        new ScenarioEvent.NetworkChange(70, null, null, 1e-7, NONE),
        new ScenarioEvent.ClientsActive(80, false, NONE),
        new ScenarioEvent.Pause(90, new NodeRef.Leader(), 123, NONE),
        new ScenarioEvent.ClockDrift(100, 3, -1, NONE),
        new ScenarioEvent.TransferLeader(105, 6, NONE),
        new ScenarioEvent.AddServer(106, 7, NONE),
        new ScenarioEvent.RemoveServer(107, new NodeRef.Id(1), NONE),
        new ScenarioEvent.RemoveServer(107, new NodeRef.Leader(), NONE),
        new ScenarioEvent.Expect(108, null, null, null, null, null, List.of(7, 2, 3), NONE),
        new ScenarioEvent.Expect(110, new LeaderExpectation.None(), 2, Role.FOLLOWER, 0L, 110L, NONE),
        new ScenarioEvent.Expect(0, new LeaderExpectation.Node(7), null, null, null, null, NONE));
    Scenario s = new Scenario("hand \"built\"\n", "tab\there, \u00e9t\u00e9, \u0001", Long.MIN_VALUE, 7, 110,
        new Timing(new Range(1, 1), 1), new NetworkSettings(new Range(0, 0), 0.1, 0.7),
        new DiskSettings(new Range(5, 9)), new SnapshotSettings(0, 1), new ClusterSettings(ClusterSettings.Reads.LOG, 3),
        new ClientSettings(1, 1, 0, 1, 1, new Mix(0.1, 0.2, 0.3, 0.0, 1e-6)),
        events, new Expectations(LinearizableExpectation.FALSE, null, null, 0L, null), "");

    assertRoundTrip(s);
  }

  @Test
  void theCopyHelpersSurviveARoundTrip() {
    Scenario s = Examples.parse(Examples.CONTRACT, "x.json")
        .withSeed(Long.MAX_VALUE)
        .withClients(null)
        .withExpect(new Expectations(null, null, null, null, 5L))
        .withEvents(List.of(new ScenarioEvent.Heal(1, NONE)));

    assertRoundTrip(s);
  }

  @Test
  void writingIsAFixedPoint() {
    String once = ScenarioWriter.toJson(Examples.parse(Examples.EVERY_KIND, "x.json"));
    String twice = ScenarioWriter.toJson(Examples.parse(once, "x.json"));

    assertEquals(once, twice);
  }

  @Test
  void writeStoresUtf8Text(@TempDir Path dir) throws Exception {
    Scenario s = Scenario.minimal("\u00e9t\u00e9", 1, 1);
    Path file = dir.resolve("out.json");

    ScenarioWriter.write(s, file);

    assertEquals(ScenarioWriter.toJson(s), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    assertEquals(s, ScenarioLoader.load(file).withoutPositions());
  }

  private static void assertRoundTrip(Scenario s) {
    String json = ScenarioWriter.toJson(s);
    Scenario back = Examples.parse(json, "written.json");

    assertEquals(s.withoutPositions(), back.withoutPositions(), json);
  }
}
