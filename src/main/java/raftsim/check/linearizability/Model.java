package raftsim.check.linearizability;

/**
 * A sequential specification: what a single copy of the object would answer. The checker asks whether a concurrent
 * history can be explained by some order of its operations run one at a time against this model (Herlihy &amp; Wing
 * 1990).
 *
 * <p>States must be immutable and non-null, with {@code equals} and {@code hashCode} that compare values: the
 * search remembers (set of operations done, state) pairs it has already explored (Lowe 2017).
 *
 * @param <I> a parsed command
 * @param <O> a parsed result
 * @param <S> a state of one partition
 */
public interface Model<I, O, S> {

  /** A short name for reports. */
  String name();

  /** Parses a history's command text; throws {@link IllegalArgumentException} when it is not one of this model's. */
  I parseCommand(String command);

  /** Parses the result {@code command} completed with; throws {@link IllegalArgumentException} when it cannot be one. */
  O parseResult(I command, String result);

  /**
   * The partition the command belongs to. Commands of different partitions touch disjoint parts of the state, so
   * each partition can be checked on its own (P-compositionality, Horn &amp; Kroening 2015).
   */
  String partitionOf(I command);

  /**
   * True when the command, having answered {@code result} (null: unknown), leaves every state it can run in
   * unchanged: a read, a failed compare-and-set. With an unknown result such a command constrains nothing; with a
   * known one the search may linearize it as soon as it fits.
   */
  boolean isReadOnly(I command, O result);

  /** The state of every partition before any command. */
  S initialState();

  /** The state after {@code command} ran in {@code state} and answered {@code result}, or null when it cannot answer that there. */
  S step(S state, I command, O result);

  /** The state after {@code command} ran in {@code state} with its result unknown (an indeterminate operation). */
  S stepUnknown(S state, I command);

  /** The command as a person reads it, e.g. {@code SET k1 v3}. */
  String describeCommand(I command);

  /** The result as a person reads it, e.g. {@code VALUE v3}. */
  String describeResult(I command, O result);

  /** The state as a person reads it, e.g. {@code "v3"} or {@code absent}. */
  String describeState(S state);

  /** A rough size of a state in bytes, for the memory cap on the search's cache. */
  default long estimateBytes(S state) {
    return 16;
  }

  /**
   * When the model's writes store or append strings, a view that lets the search learn the order of writes from the
   * values reads saw (see {@link WriteOrder}); null otherwise.
   */
  default StringWrites<I, O> stringWrites() {
    return null;
  }
}
