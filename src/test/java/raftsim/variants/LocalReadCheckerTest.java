package raftsim.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The linearizability checker catches a real protocol error end to end. A leader that answers GET from
 * its own state machine, without the log or ReadIndex (RAFT-CHECKLIST rule 21), serves stale data once
 * it is deposed in a minority: on the stranded-leader-reads scenario the broken build's history is not
 * linearizable, while the real build's (ReadIndex) on the very same scenario and seed is.
 */
class LocalReadCheckerTest {
  static final String SCENARIO = "scenarios/stranded-leader-reads.json";

  /** The bug: a leader answers reads at once from its own state, with neither the log nor ReadIndex. */
  static CoreVariant localReads() {
    return CoreVariant.build("local-reads", new CoreVariant.Patch("Reads.java",
        "      admit(new LeaderRead(request, 0, 0), now, out);",
        "      answer(request, core.lastApplied, out);"));
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
