package raftsim.core;

/**
 * Timing and flow-control settings of one node. Times are in the node's local milliseconds.
 *
 * @param electionTimeoutMinMs lower bound of the randomised election timeout (§5.2)
 * @param electionTimeoutMaxMs upper bound, inclusive
 * @param heartbeatMs a leader sends AppendEntries to a follower at least this often
 * @param maxEntriesPerAppend bound on the entries one AppendEntries carries
 * @param maxInflightAppends bound on unacknowledged AppendEntries per follower while replicating
 */
public record RaftConfig(
    long electionTimeoutMinMs,
    long electionTimeoutMaxMs,
    long heartbeatMs,
    int maxEntriesPerAppend,
    int maxInflightAppends) {

  public RaftConfig {
    if (electionTimeoutMinMs < 1 || electionTimeoutMaxMs < electionTimeoutMinMs) {
      throw new IllegalArgumentException(
          "election timeout must be 1 <= min <= max, got [" + electionTimeoutMinMs + ", " + electionTimeoutMaxMs + "]");
    }
    if (heartbeatMs < 1 || maxEntriesPerAppend < 1 || maxInflightAppends < 1) {
      throw new IllegalArgumentException("heartbeatMs, maxEntriesPerAppend and maxInflightAppends must be >= 1");
    }
  }

  /** The contract's defaults: election timeout 150..300 ms, heartbeat 50 ms. */
  public static RaftConfig defaults() {
    return of(150, 300, 50);
  }

  public static RaftConfig of(long electionMin, long electionMax, long heartbeat) {
    return new RaftConfig(electionMin, electionMax, heartbeat, 64, 64);
  }
}
