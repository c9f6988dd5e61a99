package raftsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NemesisScheduleTest {

  @ParameterizedTest
  @ValueSource(ints = {3, 4, 5, 7, 9})
  void neverTakesDownMoreThanAMinority(int nodes) {
    for (long seed = 0; seed < 200; seed++) {
      NemesisSchedule plan = NemesisSchedule.plan(seed, 30_000, nodes);
      assertTrue(plan.mostDownAtOnce() <= (nodes - 1) / 2, "seed " + seed + ": " + plan);
    }
  }

  @Test
  void everyFaultFitsInTheRunAndStartsAfterTheWarmUp() {
    for (long seed = 0; seed < 200; seed++) {
      NemesisSchedule plan = NemesisSchedule.plan(seed, 20_000, 5);
      assertFalse(plan.faults().isEmpty(), "seed " + seed);
      long previousKill = 0;
      for (NemesisSchedule.Fault f : plan.faults()) {
        assertTrue(f.killAtMs() >= NemesisSchedule.WARM_UP_MS, f.toString());
        assertTrue(f.killAtMs() < f.restartAtMs() && f.restartAtMs() <= 20_000, f.toString());
        assertTrue(f.killAtMs() >= previousKill, "faults in the order they start");
        previousKill = f.killAtMs();
      }
    }
  }

  @Test
  void theSameSeedGivesTheSamePlan() {
    assertEquals(NemesisSchedule.plan(42, 20_000, 3), NemesisSchedule.plan(42, 20_000, 3));
    assertTrue(!NemesisSchedule.plan(42, 20_000, 3).equals(NemesisSchedule.plan(43, 20_000, 3)));
  }

  @Test
  void aimsAtRandomNodesAndLeadersAlike() {
    Set<NemesisSchedule.Target> seen = EnumSet.noneOf(NemesisSchedule.Target.class);
    int faults = 0;
    for (long seed = 0; seed < 20; seed++) {
      for (NemesisSchedule.Fault f : NemesisSchedule.plan(seed, 20_000, 3).faults()) {
        seen.add(f.target());
        faults++;
      }
    }
    assertEquals(EnumSet.allOf(NemesisSchedule.Target.class), seen);
    // A 20 s run on 3 nodes has one node down at a time, each for at most 3 s: several faults, not one.
    assertTrue(faults / 20 >= 4, "faults per run: " + faults / 20.0);
  }

  @Test
  void aClusterThatCannotLoseANodeGetsNoFaults() {
    assertTrue(NemesisSchedule.plan(1, 20_000, 2).faults().isEmpty());
    assertTrue(NemesisSchedule.plan(1, 20_000, 1).faults().isEmpty());
  }
}
