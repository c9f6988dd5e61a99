package raftsim.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The harness itself: it runs the derived seeds, and a failure names its seed and how to replay it. */
class PropertyHarnessTest {

  @Test
  void everySeedIsTriedUntilTheFirstFailure() {
    List<Long> tried = new ArrayList<>();
    Property.forAll("counting", 25, seed -> {
      tried.add(seed);
      return null;
    }, seed -> "");
    assertEquals(Seeds.forProperty("counting", 25), tried);
    assertEquals(25, tried.stream().distinct().count(), "the seeds differ");
  }

  @Test
  void aFailureReportsItsSeedTheCounterexampleAndTheReplayCommand() {
    long bad = Seeds.forProperty("fails-on-the-third", 10).get(2);
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Property.forAll("fails-on-the-third", 10,
        seed -> seed == bad ? "the counterexample" : null, seed -> "shrunk: here"));
    assertTrue(e.getMessage().contains("failed for seed " + bad + ": the counterexample"), e.getMessage());
    assertTrue(e.getMessage().contains("shrunk: here"), e.getMessage());
    assertTrue(e.getMessage().contains("-Draftsim.seed=" + bad), e.getMessage());
  }
}
