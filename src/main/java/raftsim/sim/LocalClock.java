package raftsim.sim;

/**
 * A node's own clock, which may run fast or slow against simulated time by a rate given in parts per
 * million. Integer arithmetic only, so every JVM computes the same times.
 */
final class LocalClock {
  private static final long MILLION = 1_000_000;
  private long baseGlobal;
  private long baseLocal;
  private long ppm;

  /** Local time at simulated time {@code global} (not before the last rate change). */
  long local(long global) {
    return baseLocal + Math.floorDiv((global - baseGlobal) * (MILLION + ppm), MILLION);
  }

  /** The earliest simulated time at or after {@code now} when the local clock reads at least {@code deadline}. */
  long globalWhen(long deadline, long now) {
    long wait = deadline - baseLocal;
    long global = baseGlobal + Math.floorDiv(wait * MILLION + (MILLION + ppm) - 1, MILLION + ppm);
    while (local(global) < deadline) {
      global++; // guards the ceiling division against rounding at the edge
    }
    return Math.max(global, now);
  }

  /** From {@code now} on, the clock runs at 1 + ppm/10^6 the rate of simulated time. */
  void setDrift(long now, long newPpm) {
    baseLocal = local(now);
    baseGlobal = now;
    ppm = newPpm;
  }

  long ppm() {
    return ppm;
  }
}
