package raftsim.scenario;

/**
 * An inclusive range [min, max] of whole milliseconds. The simulator draws a value uniformly from it
 * each time one is needed (one message delay, one disk write, one election timeout).
 */
public record Range(long min, long max) {

  public Range {
    if (min < 0 || min > max) {
      throw new IllegalArgumentException("a range needs 0 <= min <= max, got [" + min + ", " + max + "]");
    }
  }
}
