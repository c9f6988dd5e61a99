package raftsim.scenario;

import java.util.Objects;

/** The simulated disk: each write becomes durable a time drawn from {@code syncMs} after it is issued. */
public record DiskSettings(Range syncMs) {

  /** The disk of a file that has no {@code disk} object. */
  public static final DiskSettings DEFAULT = new DiskSettings(new Range(0, 2));

  public DiskSettings {
    Objects.requireNonNull(syncMs, "syncMs");
  }
}
