package raftsim.check.linearizability;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Limits and means for one check.
 *
 * @param budget the time the whole history may take; then the verdict is undecided
 * @param cacheCapBytes a cap on the (estimated) memory of all search caches; then the verdict is undecided
 * @param parallelism how partitions may be searched at once
 * @param nanoClock the clock the budget is measured on, in nanoseconds (the caller's: this package reads none)
 */
public record CheckOptions(Duration budget, long cacheCapBytes, Parallelism parallelism, LongSupplier nanoClock) {

  public CheckOptions {
    if (budget.isNegative()) {
      throw new IllegalArgumentException("budget must not be negative");
    }
    if (cacheCapBytes <= 0) {
      throw new IllegalArgumentException("cacheCapBytes must be positive");
    }
    if (parallelism == null || nanoClock == null) {
      throw new IllegalArgumentException("parallelism and nanoClock are required");
    }
  }

  /** The same limits with another budget. */
  public CheckOptions withBudget(Duration newBudget) {
    return new CheckOptions(newBudget, cacheCapBytes, parallelism, nanoClock);
  }
}
