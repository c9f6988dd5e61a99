package raftsim.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The linearizability checker catches a real protocol error end to end. A leader that answers GET from
 * its own state machine, without the log (or ReadIndex), serves stale data once it is deposed in a
 * minority: on the stranded-leader scenario the broken build's history is not linearizable, while the
 * real build's, on the very same scenario and seed, is.
 */
class LocalReadCheckerTest {
  static final String SCENARIO = "scenarios/stranded-leader-reads.json";

  /** The bug: a leader answers reads at once from local state. */
  static CoreVariant localReads() {
    return CoreVariant.build("local-reads", new CoreVariant.Patch("RaftCore.java",
        "LogEntry entry = new LogEntry(log.lastIndex() + 1, currentTerm, request.payload());",
        """
        if (request.command().startsWith("GET ")) {
          String local = stateMachine.apply(request.payload());
          out.reply(new ClientReply.Applied(request.clientId(), request.seq(), lastApplied, local));
          return finish(out);
        }
        LogEntry entry = new LogEntry(log.lastIndex() + 1, currentTerm, request.payload());"""));
  }

  @Test
  void localReadsOnAStrandedLeaderAreCaughtAsNotLinearizable() {
    CoreVariant.Result broken = localReads().run("run", SCENARIO, "--json");
    assertEquals(1, broken.code(), broken.out() + broken.err());
    assertTrue(broken.out().contains("\"linearizable\":false"), broken.out());
    assertTrue(broken.out().contains("\"counterexample\""), broken.out());
    assertTrue(broken.out().contains("\"violationCount\":0"), "no safety invariant notices: only the checker can");
  }

  @Test
  void theRealCoreOnTheSameScenarioIsLinearizable() {
    CoreVariant.Result real = CoreVariant.build("unpatched").run("run", SCENARIO, "--json");
    assertEquals(0, real.code(), real.out() + real.err());
    assertTrue(real.out().contains("\"linearizable\":true"), real.out());
  }
}
