package raftsim.scenario;

/**
 * The final {@code linearizable} expectation: {@code true} requires the client history to be
 * linearizable, {@code false} requires it not to be (to demonstrate a broken variant), and
 * {@code "skip"} does not check it.
 */
public enum LinearizableExpectation {
  TRUE,
  FALSE,
  SKIP
}
