package raftsim.scenario;

/**
 * The final expectations of a scenario, checked after the events at {@code durationMs}. A null field
 * is not expected; a null {@code linearizable} means the default (checked whenever there were client
 * operations).
 */
public record Expectations(
    LinearizableExpectation linearizable,
    Boolean leaderAtEnd,
    Long minOkOps,
    Long maxLeaderChanges,
    Long maxTerm) {

  /** The expectations of a file without an {@code expect} object: nothing beyond the defaults. */
  public static final Expectations NONE = new Expectations(null, null, null, null, null);

  /** Whether every field is null, that is, the file needs no {@code expect} object. */
  public boolean isEmpty() {
    return equals(NONE);
  }
}
