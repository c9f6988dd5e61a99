package raftsim.sim;

/**
 * How the simulated network treats each message: a delay drawn uniformly from
 * [delayMinMs, delayMaxMs], lost with probability dropRate, delivered twice with probability
 * duplicateRate (each copy with its own delay, so duplicates also reorder).
 */
public record NetworkParams(long delayMinMs, long delayMaxMs, double dropRate, double duplicateRate) {
  public NetworkParams {
    if (delayMinMs < 0 || delayMaxMs < delayMinMs) {
      throw new IllegalArgumentException("delay must be 0 <= min <= max, got [" + delayMinMs + ", " + delayMaxMs + "]");
    }
    if (!(dropRate >= 0 && dropRate <= 1) || !(duplicateRate >= 0 && duplicateRate <= 1)) {
      throw new IllegalArgumentException("rates must lie in [0, 1]");
    }
  }

  public static NetworkParams reliable(long delayMinMs, long delayMaxMs) {
    return new NetworkParams(delayMinMs, delayMaxMs, 0, 0);
  }
}
