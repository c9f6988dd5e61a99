package raftsim.check.linearizability;

/** Where the search of one partition stands after a slice of work. */
sealed interface SearchOutcome {

  /** Every operation that completed was linearized. */
  record Linearized() implements SearchOutcome {}

  /**
   * No linearization exists. {@code prefix} holds the longest sequence of operations (indices into the partition,
   * in linearization order) the search could linearize.
   */
  record Violated(int[] prefix) implements SearchOutcome {}

  /** The time budget or the memory cap ran out. */
  record Stopped(String reason) implements SearchOutcome {}

  /** The slice of steps is used up; run the search again to go on. */
  record Paused() implements SearchOutcome {}
}
