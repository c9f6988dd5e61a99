package raftsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

  @Test
  void theContractExampleLoadsWithEveryFieldAsWritten() {
    Scenario s = Examples.parse(Examples.CONTRACT, "leader-crash.json");

    assertEquals("leader-crash", s.name());
    assertEquals("The leader crashes; the others elect a new one and keep committing.", s.description());
    assertEquals(42, s.seed());
    assertEquals(5, s.nodes());
    assertEquals(10000, s.durationMs());
    assertEquals(new Timing(new Range(150, 300), 50), s.timing());
    assertEquals(new NetworkSettings(new Range(1, 10), 0.0, 0.0), s.network());
    assertEquals(new DiskSettings(new Range(0, 2)), s.disk());
    assertEquals(new SnapshotSettings(1000, 65536), s.snapshot());
    assertEquals(new ClientSettings(3, 5, 20, 100, 1000, new Mix(0.4, 0.4, 0.2, 0.0, 0.0)), s.clients());
    assertEquals(new Expectations(LinearizableExpectation.TRUE, true, 100L, null, null), s.expect());
    assertEquals("leader-crash.json", s.file());

    assertEquals(List.of(
        new ScenarioEvent.Crash(2000, new NodeRef.Leader(), false, at(14, 5)),
        new ScenarioEvent.Expect(2500, new LeaderExpectation.Any(), null, null, null, null, at(15, 5)),
        new ScenarioEvent.Restart(4000, new NodeRef.Crashed(), at(16, 5)),
        new ScenarioEvent.Partition(5000, List.of(List.of(1, 2), List.of(3, 4, 5)), at(17, 5)),
        new ScenarioEvent.Cut(5000, 3, 1, at(18, 5)),
        new ScenarioEvent.Heal(6000, at(19, 5)),
        new ScenarioEvent.NetworkChange(6000, new Range(1, 50), 0.1, null, at(20, 5))),
        s.events());
  }

  private static SourcePosition at(int line, int column) {
    return new SourcePosition("leader-crash.json", line, column);
  }

  @Test
  void aMinimalFileGetsEveryDefault() {
    Scenario s = Examples.parse(Examples.MINIMAL, "x.json");

    assertEquals(Scenario.minimal("x", 3, 1000).withoutPositions(), s.withoutPositions());
    assertEquals("", s.description());
    assertEquals(1, s.seed());
    assertEquals(new Timing(new Range(150, 300), 50), s.timing());
    assertEquals(new NetworkSettings(new Range(1, 10), 0.0, 0.0), s.network());
    assertEquals(new DiskSettings(new Range(0, 2)), s.disk());
    assertEquals(new SnapshotSettings(1000, 65536), s.snapshot());
    assertNull(s.clients(), "no clients object means no client load");
    assertEquals(List.of(), s.events());
    assertEquals(new Expectations(null, null, null, null, null), s.expect());
  }

  @Test
  void objectsThatLeaveFieldsOutGetTheDefaultsOfThoseFields() {
    Scenario s = Examples.parse("""
        {"name": "x", "nodes": 3, "durationMs": 1000,
         "timing": {"heartbeatMs": 20}, "network": {"dropRate": 0.5}, "disk": {},
         "snapshot": {"everyEntries": 0}, "clients": {}, "events": [], "expect": {}}""", "x.json");

    assertEquals(new Timing(new Range(150, 300), 20), s.timing());
    assertEquals(new NetworkSettings(new Range(1, 10), 0.5, 0.0), s.network());
    assertEquals(new DiskSettings(new Range(0, 2)), s.disk());
    assertEquals(new SnapshotSettings(0, 65536), s.snapshot());
    assertEquals(new ClientSettings(3, 5, 20, 100, 1000, new Mix(0.4, 0.4, 0.2, 0, 0)), s.clients());
    assertEquals(Expectations.NONE, s.expect());
  }

  @Test
  void aMixLeavesOutTheWeightsThatAreZero() {
    Scenario s = Examples.parse("""
        {"name": "x", "nodes": 3, "durationMs": 1000, "clients": {"mix": {"cas": 3}}}""", "x.json");

    assertEquals(new Mix(0, 0, 0, 0, 3), s.clients().mix());
  }

  @Test
  void everyEventKindLoadsAndEventsAreSortedStablyByTime() {
    Scenario s = Examples.parse(Examples.EVERY_KIND, "every.json");

    List<ScenarioEvent> e = s.withoutPositions().events();
    assertEquals(34, e.size());
    assertEquals(new ScenarioEvent.Heal(0, SourcePosition.NONE), e.get(0));
    assertEquals(new ScenarioEvent.Crash(1000, new NodeRef.Id(2), true, SourcePosition.NONE), e.get(1));
    assertEquals(new ScenarioEvent.Crash(1000, new NodeRef.Random(), false, SourcePosition.NONE), e.get(2));
    assertEquals(new ScenarioEvent.Crash(1000, new NodeRef.Leader(), false, SourcePosition.NONE), e.get(3));
    assertEquals(new ScenarioEvent.Restart(1500, new NodeRef.Id(2), SourcePosition.NONE), e.get(4));
    assertEquals(new ScenarioEvent.Partition(2000, List.of(List.of(5), List.of(3, 1)), SourcePosition.NONE), e.get(6));
    assertEquals(new ScenarioEvent.Isolate(2100, new NodeRef.Id(4), SourcePosition.NONE), e.get(7));
    assertEquals(new ScenarioEvent.NetworkChange(2400, null, 0.3, null, SourcePosition.NONE), e.get(13));
    assertEquals(new ScenarioEvent.ClientsActive(2500, false, SourcePosition.NONE), e.get(15));
    assertEquals(new ScenarioEvent.Pause(3000, new NodeRef.Random(), 20000, SourcePosition.NONE), e.get(19));
    assertEquals(new ScenarioEvent.ClockDrift(3100, 1, -500000, SourcePosition.NONE), e.get(20));
    assertEquals(new ScenarioEvent.TransferLeader(3200, 2, SourcePosition.NONE), e.get(22));
    assertEquals(new ScenarioEvent.AddServer(3300, 5, SourcePosition.NONE), e.get(23));
    assertEquals(new ScenarioEvent.RemoveServer(3300, new NodeRef.Leader(), SourcePosition.NONE), e.get(24));
    assertEquals(new ScenarioEvent.Expect(3400, null, null, null, null, null, List.of(2, 3, 5), SourcePosition.NONE),
        e.get(26));
    assertEquals(new ScenarioEvent.Expect(4000, new LeaderExpectation.Node(3), 3, Role.LEADER, null, null,
        SourcePosition.NONE), e.get(28));
    assertEquals(new ScenarioEvent.Expect(4000, null, 4, Role.CRASHED, 4000L, null, SourcePosition.NONE), e.get(31));
    assertEquals(new ScenarioEvent.Expect(9000, null, null, null, null, 8000L, SourcePosition.NONE), e.get(32));
    assertEquals(new ScenarioEvent.Heal(20000, SourcePosition.NONE), e.get(33));
    assertEquals(new ClusterSettings(ClusterSettings.Reads.LEASE, 64, true, true, 500_000, 4), s.cluster());

    assertEquals(new Mix(1, 2.5, 0, 0.125, 1000000), s.clients().mix());
    assertEquals(new Expectations(LinearizableExpectation.SKIP, false, 0L, 3L, 1_000_000_000_000L), s.expect());
    assertEquals(-7, s.seed());
  }

  @Test
  void eachEventKnowsWhereItsObjectStarts() {
    Scenario s = Examples.parse("{\"name\":\"x\",\"nodes\":3,\"durationMs\":9,\n\"events\": [\n"
        + "  {\"atMs\": 5, \"do\": \"heal\"}, {\"atMs\": 1, \"do\": \"heal\"}]}", "dir/x.json");

    assertEquals(new SourcePosition("dir/x.json", 3, 30), s.events().get(0).at());
    assertEquals(new SourcePosition("dir/x.json", 3, 3), s.events().get(1).at());
  }

  @Test
  void columnsCountCharactersNotBytesOrUtf16Units() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(
        "{\"name\": \"\u00e9t\u00e9 \uD83C\uDF1E\", \"nodes\": 0}", "x.json"));

    assertEquals("x.json:1:28: nodes: 0 is out of range; valid: 1..15", e.getMessage());
  }

  @Test
  void theExceptionCarriesItsPartsAndJoinsThemGnuStyle() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse("""
        {"name": "x", "nodes": 5, "durationMs": 1000,
         "events": [{"atMs": 0, "do": "heal"}, {"atMs": 0, "do": "heal"}, {"atMs": 0, "do": "heal"},
                    {"atMs": 10, "do": "crash", "node": 7}]}""", "leader-crash.json"));

    assertEquals("leader-crash.json", e.file());
    assertEquals(3, e.line());
    assertEquals(49, e.column());
    assertEquals("events[3].node", e.path());
    assertEquals("7 is not a node of this 5-node cluster; valid: 1..5, \"leader\", \"random\" or \"nextLeader\"",
        e.reason());
    assertEquals("leader-crash.json:3:49: events[3].node: 7 is not a node of this 5-node cluster; "
        + "valid: 1..5, \"leader\", \"random\" or \"nextLeader\"", e.getMessage());
  }

  @Test
  void loadReadsAFileAndNamesItAsGiven(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("leader-crash.json");
    Files.writeString(file, Examples.CONTRACT, StandardCharsets.UTF_8);

    Scenario s = ScenarioLoader.load(file);

    assertEquals(Examples.parse(Examples.CONTRACT, file.toString()), s);
    assertEquals(file.toString(), s.events().get(0).at().file());
  }

  @Test
  void aByteOrderMarkIsSkipped(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bom.json");
    Files.write(file, ("\uFEFF" + Examples.MINIMAL).getBytes(StandardCharsets.UTF_8));

    assertEquals(Examples.parse(Examples.MINIMAL, file.toString()), ScenarioLoader.load(file));
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> ScenarioLoader.parse("\uFEFF{\"name\":\"x\",\"nodes\": 0}", "bom.json"));
    assertEquals("bom.json:1:22: nodes: 0 is out of range; valid: 1..15", e.getMessage());
  }

  @Test
  void aMissingFileCannotBeRead(@TempDir Path dir) {
    Path file = dir.resolve("nope.json");

    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));

    assertEquals(file + ":1:1: cannot read: no such file", e.getMessage());
    assertEquals("", e.path());
  }

  @Test
  void aDirectoryCannotBeRead(@TempDir Path dir) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir));

    assertEquals(dir + ":1:1: cannot read: it is a directory", e.getMessage());
  }

  @Test
  void bytesThatAreNotUtf8AreLocated(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.json");
    byte[] text = "{\"name\": \"x\",\n \"description\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(file, text);

    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));

    assertEquals(file + ":2:21: not UTF-8 text: byte 0xE9 cannot appear here", e.getMessage());
  }

  @Test
  void theSameFileAlwaysGivesTheSameFirstError() {
    String twoErrors = """
        {"name": "x", "nodes": 99, "durationMs": 0, "timing": {"heartbeat": 1}}""";
    ScenarioException first = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(twoErrors, "x"));
    for (int i = 0; i < 5; i++) {
      ScenarioException again = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(twoErrors, "x"));
      assertEquals(first.getMessage(), again.getMessage());
    }
    assertTrue(first.getMessage().startsWith("x:1:24: nodes: "), first.getMessage());
  }
}
