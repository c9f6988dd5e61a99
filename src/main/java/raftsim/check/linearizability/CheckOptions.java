package raftsim.check.linearizability;

import java.time.Duration;

/**
 * Limits for one check.
 *
 * @param budget the wall-clock time the whole history may take; then the verdict is undecided
 * @param cacheCapBytes a cap on the (estimated) memory of all search caches; then the verdict is undecided
 * @param threads how many partitions may be searched at once
 */
public record CheckOptions(Duration budget, long cacheCapBytes, int threads) {

  public CheckOptions {
    if (budget.isNegative()) {
      throw new IllegalArgumentException("budget must not be negative");
    }
    if (cacheCapBytes <= 0 || threads <= 0) {
      throw new IllegalArgumentException("cacheCapBytes and threads must be positive");
    }
  }

  /** {@code budget}, half the JVM's maximum heap for the caches, and one thread per processor. */
  public static CheckOptions withBudget(Duration budget) {
    return new CheckOptions(
        budget, Runtime.getRuntime().maxMemory() / 2, Runtime.getRuntime().availableProcessors());
  }
}
