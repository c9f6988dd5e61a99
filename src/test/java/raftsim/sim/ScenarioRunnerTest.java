package raftsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import raftsim.check.history.History;
import raftsim.check.linearizability.CheckOptions;
import raftsim.check.linearizability.Parallelism;
import raftsim.check.linearizability.Verdict;
import raftsim.check.history.Operation;
import raftsim.check.history.Outcome;
import raftsim.scenario.Scenario;
import raftsim.scenario.ScenarioLoader;
import raftsim.trace.TraceWriter;

/** The scenario runner and its simulated clients, on details a generated scenario depends on. */
class ScenarioRunnerTest {

  private static final CheckOptions CHECK =
      new CheckOptions(Duration.ofSeconds(30), 1L << 28, Parallelism.SEQUENTIAL, System::nanoTime);

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
   * Every copy of a duplicated request counts while it is on its way. Here leader 1 is paused for two
   * seconds; requests sent to it wait there, and the clients try node 2 meanwhile, whose answers come
   * back duplicated. An operation is "failed" only when no copy is left anywhere: counting one copy per
   * send, the two answers of node 2 made a request still waiting at node 1 look gone, and when node 1
   * resumed and applied it, the history said a failed write had taken effect.
   */
  @Test
  void aRequestWaitingAtAPausedLeaderIsNotCountedFailed() throws Exception {
    Scenario s = ScenarioLoader.parse("""
        {"name": "x", "seed": 6672007102831035879, "nodes": 3, "durationMs": 4500,
         "network": {"delayMs": [1, 5], "dropRate": 0.0, "duplicateRate": 0.1},
         "disk": {"syncMs": [0, 0]}, "snapshot": {"everyEntries": 0, "chunkBytes": 512},
         "cluster": {"maxEntriesPerAppend": 4, "preVote": true, "initialMembers": 2},
         "clients": {"count": 5, "keys": 1, "opIntervalMs": 5, "retryMs": 600, "timeoutMs": 2400,
                     "mix": {"put": 0.76, "get": 0.24, "append": 0.48}},
         "events": [{"atMs": 845, "do": "pause", "node": 1, "forMs": 2070}]}
        """, "test.json");
    RunResult r = ScenarioRunner.runAndCheck(s, ScenarioRunner.options(s), TraceWriter.disabled(), CHECK);

    assertEquals(0, r.outcome().clientOps().failed(), "every request sent to the paused leader was applied later");
    assertTrue(r.verdict() instanceof Verdict.Linearizable, String.valueOf(r.verdict()));
  }

  /**
   * Answers to a try the client has moved on from change nothing. Leader 1 is asked to hand office to
   * node 2, which never hears of it (the link from 1 to 2 is cut): node 1 points clients at node 2, and
   * node 2, which still takes node 1 for its leader, points them back, until its timer fires. Every
   * client message is duplicated; a client that followed every copy of every answer doubled its requests
   * at each hop — millions of events within the transfer's few hundred milliseconds.
   */
  @Test
  void duplicatedAnswersDoNotMultiplyAClientsRequests() throws Exception {
    Scenario s = ScenarioLoader.parse("""
        {"name": "x", "seed": 3, "nodes": 2, "durationMs": 3000,
         "timing": {"electionTimeoutMs": [300, 400], "heartbeatMs": 50},
         "network": {"delayMs": [1, 2], "dropRate": 0.0, "duplicateRate": 1.0},
         "cluster": {"preVote": true},
         "clients": {"count": 2, "keys": 1, "retryMs": 200, "timeoutMs": 1000},
         "events": [
           {"atMs": 0, "do": "clockDrift", "node": 1, "ppm": 100000},
           {"atMs": 0, "do": "clockDrift", "node": 2, "ppm": -500000},
           {"atMs": 1000, "do": "clockDrift", "node": 1, "ppm": 0},
           {"atMs": 1000, "do": "clockDrift", "node": 2, "ppm": 0},
           {"atMs": 1500, "do": "expect", "leader": 1},
           {"atMs": 2000, "do": "transferLeader", "to": 2},
           {"atMs": 2000, "do": "cut", "from": 1, "to": 2}
         ]}
        """, "test.json");
    ScenarioOutcome o = ScenarioRunner.run(s, ScenarioRunner.options(s).withEventLimit(1_000_000),
        TraceWriter.disabled(), new HistoryRecorder("test"));

    assertTrue(o.expectations().stream().allMatch(ExpectationResult::ok), o.expectations().toString());
    assertTrue(o.events() < 50_000, o.events() + " events");
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
