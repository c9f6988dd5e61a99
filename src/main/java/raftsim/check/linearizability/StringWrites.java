package raftsim.check.linearizability;

/**
 * How a model's commands act on a partition that holds one string: set it, append to it, reset it, read it. With
 * this view and unique written values, a read's value names the writes that produced it, in order (see
 * {@link WriteOrder}).
 */
public interface StringWrites<I, O> {

  /** What a command does to the string. */
  enum Effect {
    /** Replaces the string with {@link #written}. */
    SET,
    /** Appends {@link #written} to the string (to "" when absent). */
    APPEND,
    /** Makes the string absent (or "", where the model has no absent). */
    RESET,
    /** Reads the string; {@link #observed} tells what it saw. */
    READ,
    /** Anything else (e.g. compare-and-set): the write order is not derived for its partition. */
    OTHER
  }

  /** What {@code command} does. */
  Effect effect(I command);

  /** The value a SET or APPEND writes. */
  String written(I command);

  /** The value a completed READ saw; "" when the string was absent or empty. */
  String observed(I command, O result);
}
