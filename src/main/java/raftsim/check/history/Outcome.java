package raftsim.check.history;

/** How an operation ended. */
public enum Outcome {
  /** Completed with a result: it took effect exactly once, between its invocation and its completion. */
  OK,
  /** Certainly never applied. */
  FAIL,
  /** Indeterminate: it may take effect at any point after its invocation, or never. */
  INFO,
  /** No completion before the history ended: indeterminate, like {@link #INFO}. */
  PENDING;

  /** True when the operation may or may not have taken effect. */
  public boolean isIndeterminate() {
    return this == INFO || this == PENDING;
  }
}
