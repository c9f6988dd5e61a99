package raftsim.check.linearizability;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** What may stop a partition's search before it decides: the history's time budget, and the memory cap shared by all partitions' caches. */
final class SearchLimits {
  private final long deadlineNanos;
  private final LongSupplier nanoClock;
  private final Duration budget;
  private final long cacheCapBytes;
  private final AtomicLong cacheBytes = new AtomicLong();

  SearchLimits(Duration budget, long cacheCapBytes, LongSupplier nanoClock) {
    this.budget = budget;
    this.nanoClock = nanoClock;
    this.deadlineNanos = nanoClock.getAsLong() + Math.min(budget.toNanos(), Long.MAX_VALUE / 4);
    this.cacheCapBytes = cacheCapBytes;
  }

  /** Adds {@code bytes} to the shared cache total. */
  void addCacheBytes(long bytes) {
    cacheBytes.addAndGet(bytes);
  }

  /** Why the search must stop now, or null to go on. */
  String stopReason() {
    if (nanoClock.getAsLong() - deadlineNanos > 0) {
      return "the time budget of " + describe(budget) + " ran out";
    }
    if (cacheBytes.get() > cacheCapBytes) {
      return "the search cache reached its memory cap of " + (cacheCapBytes >> 20) + " MiB";
    }
    return null;
  }

  private static String describe(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }
}
