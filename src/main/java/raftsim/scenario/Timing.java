package raftsim.scenario;

import java.util.Objects;

/** The Raft timers of every node: the range election timeouts are drawn from, and the heartbeat interval. */
public record Timing(Range electionTimeoutMs, long heartbeatMs) {

  /** The timing of a file that has no {@code timing} object, and of each field it leaves out. */
  public static final Timing DEFAULT = new Timing(new Range(150, 300), 50);

  public Timing {
    Objects.requireNonNull(electionTimeoutMs, "electionTimeoutMs");
    // A zero timeout or interval would make a timer fire again at the same instant, forever.
    if (electionTimeoutMs.min() < 1 || heartbeatMs < 1) {
      throw new IllegalArgumentException("election timeouts and the heartbeat interval must be at least 1 ms");
    }
  }
}
