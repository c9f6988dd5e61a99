package raftsim.scenario;

import java.util.Objects;

/**
 * The closed-loop client load: {@code count} clients, each waiting {@code opIntervalMs} between
 * operations on keys {@code k0..k{keys-1}}, resending after {@code retryMs} without an answer and
 * giving up (the operation becomes indeterminate) after {@code timeoutMs}.
 */
public record ClientSettings(int count, int keys, long opIntervalMs, long retryMs, long timeoutMs, Mix mix) {

  /** The settings of an empty {@code clients} object, and of each field a {@code clients} object leaves out. */
  public static final ClientSettings DEFAULT = new ClientSettings(3, 5, 20, 100, 1000, Mix.DEFAULT);

  public ClientSettings {
    Objects.requireNonNull(mix, "mix");
    if (count < 1 || keys < 1 || opIntervalMs < 0 || retryMs < 1 || timeoutMs < retryMs) {
      throw new IllegalArgumentException("client settings out of range: " + count + " clients, " + keys
          + " keys, opIntervalMs " + opIntervalMs + ", retryMs " + retryMs + ", timeoutMs " + timeoutMs);
    }
  }
}
