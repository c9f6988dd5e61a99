package raftsim.scenario;

import java.util.Objects;

/**
 * How the simulated network treats each message between nodes: a delay drawn from {@code delayMs},
 * and the probabilities (0 to 1) that it is dropped or delivered twice.
 */
public record NetworkSettings(Range delayMs, double dropRate, double duplicateRate) {

  /** The network of a file that has no {@code network} object, and of each field it leaves out. */
  public static final NetworkSettings DEFAULT = new NetworkSettings(new Range(1, 10), 0.0, 0.0);

  public NetworkSettings {
    Objects.requireNonNull(delayMs, "delayMs");
    Rates.check("dropRate", dropRate);
    Rates.check("duplicateRate", duplicateRate);
  }
}
