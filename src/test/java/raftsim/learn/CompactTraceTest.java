package raftsim.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import raftsim.scenario.Scenario;
import raftsim.scenario.ScenarioLoader;
import raftsim.sim.ClientHistory;
import raftsim.sim.ScenarioRunner;
import raftsim.trace.Explanations;
import raftsim.trace.TraceLine;
import raftsim.trace.TraceReader;
import raftsim.trace.TraceWriter;

/** The compact trace gives back every line, every change and every state exactly, from any chunk. */
class CompactTraceTest {

  static List<TraceLine> trace(String scenario) throws Exception {
    Scenario s = ScenarioLoader.load(Path.of("scenarios", scenario));
    List<TraceLine> lines = new ArrayList<>();
    try (TraceWriter w = TraceWriter.to(TraceReader.parsing(lines::add))) {
      ScenarioRunner.run(s, ScenarioRunner.options(s), w, ClientHistory.NONE);
    }
    return lines;
  }

  @ParameterizedTest
  @ValueSource(strings = {"isolated-leader-rejoins.json", "snapshot-catch-up.json", "leader-pause.json", "long-delays.json"})
  void givesBackEveryLineChangeAndState(String scenario) throws Exception {
    List<TraceLine> lines = trace(scenario);
    CompactTrace.Builder b = new CompactTrace.Builder();
    StateFold fold = null;
    List<List<StateOp>> ops = new ArrayList<>();
    List<ClusterState> states = new ArrayList<>();
    for (TraceLine l : lines) {
      if (fold == null) {
        fold = new StateFold((int) l.num("nodes"));
      }
      String explained = Explanations.explain(l, fold.state());
      ops.add(fold.apply(l));
      assertEquals(ops.get(ops.size() - 1), b.add(l));
      states.add(lines.size() - 1 == states.size() || states.size() % 997 == 0 ? fold.state().copy() : null);
      assertTrue(!explained.isEmpty());
    }
    CompactTrace t = b.build();
    assertEquals(lines.size(), t.size());
    assertTrue(t.chunks() > 2, "several chunks: " + t.chunks());
    // Backwards, so that echoes reach into chunks not decoded yet.
    for (int i = lines.size() - 1; i >= 0; i--) {
      assertEquals(lines.get(i), t.line(i), "line " + i);
      assertEquals(ops.get(i), t.ops(i), "ops of line " + i);
      assertEquals(lines.get(i).kind(), t.kind(i));
      if (states.get(i) != null) {
        assertEquals(states.get(i), t.stateAfter(i), "state after line " + i);
      }
    }
    assertTrue(t.encodedBytes() * 6L < lines.stream().mapToLong(l -> l.toJson().length() + 1).sum(),
        "at least six times smaller than the NDJSON: " + t.encodedBytes());
  }
}
