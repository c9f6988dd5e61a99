package raftsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import raftsim.check.history.History;
import raftsim.check.history.Operation;
import raftsim.check.history.Outcome;
import raftsim.scenario.Scenario;
import raftsim.scenario.ScenarioLoader;
import raftsim.trace.TraceWriter;

/** The scenario runner and its simulated clients, on details a generated scenario depends on. */
class ScenarioRunnerTest {

  private static ScenarioOutcome run(String json, HistoryRecorder history) throws Exception {
    Scenario s = ScenarioLoader.parse(json, "test.json");
    return ScenarioRunner.run(s, ScenarioRunner.options(s), TraceWriter.disabled(), history);
  }

  /**
   * A client that gets "not leader" without a hint tries the very next node, and so reaches every node
   * in turn, well within its operation's timeout. Here only node 1 is a member (initialMembers 1); nodes
   * 2..4 are spares that never learn of a leader and answer without a hint. The clients start once node
   * 1 leads, each at a node of its own drawing. A client that skipped a node after each hintless answer
   * would go 2, 4, 2, 4, ... and reach node 1 only after its operation timed out; none may time out.
   */
  @Test
  void hintlessRefusalsLeadTheClientToEveryNodeInTurn() throws Exception {
    for (long seed = 1; seed <= 4; seed++) {
      HistoryRecorder recorder = new HistoryRecorder("test");
      ScenarioOutcome o = run("""
          {"name": "spares", "seed": %d, "nodes": 4, "durationMs": 4000,
           "cluster": {"initialMembers": 1},
           "clients": {"count": 8, "keys": 2, "retryMs": 100, "timeoutMs": 1000},
           "events": [{"atMs": 0, "do": "clients", "active": false},
                      {"atMs": 1000, "do": "clients", "active": true}]}
          """.formatted(seed), recorder);
      History h = recorder.history();
      TreeSet<Integer> served = new TreeSet<>();
      h.operations().stream().filter(op -> op.outcome() == Outcome.OK).forEach(op -> served.add(op.clientId()));
      assertEquals(8, served.size(), "seed " + seed + ": clients with an operation done: " + served);
      List<Operation> timedOut = h.operations().stream()
          .filter(op -> op.outcome() != Outcome.OK && !op.completion().equals("pending at end")).toList();
      assertEquals(List.of(), timedOut, "seed " + seed + ": operations that timed out");
      assertTrue(o.clientOps().ok() > 100, o.clientOps().toString());
    }
  }

  /**
   * A {@code heal} disarms a next leader's crash set to strike {@code afterMs} after it took office, if
   * it has not struck yet. Leader 1 of three crashes at 2000 ms with a crash armed for the next leader
   * 600 ms into its term; the next leader takes office within an election timeout (150..300 ms), and the
   * heal at 2400 ms comes before its crash is due: it must still lead at the end.
   */
  @Test
  void aHealDisarmsANextLeadersDelayedCrash() throws Exception {
    ScenarioOutcome o = run("""
        {"name": "disarmed", "seed": 4, "nodes": 3, "durationMs": 5000,
         "clients": {"count": 2, "keys": 2},
         "events": [
           {"atMs": 2000, "do": "crash", "node": "nextLeader", "afterMs": 600},
           {"atMs": 2000, "do": "crash", "node": "leader"},
           {"atMs": 2400, "do": "heal"},
           {"atMs": 5000, "do": "expect", "leader": "any", "progressSinceMs": 3500}
         ]}
        """, new HistoryRecorder("test"));
    assertTrue(o.expectations().stream().allMatch(ExpectationResult::ok), o.expectations().toString());
    assertTrue(o.leader() != null, "a leader at the end");
  }
}
