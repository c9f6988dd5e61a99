package raftsim.core;

/**
 * Timing, flow-control and compaction settings of one node. Times are in the node's local milliseconds.
 *
 * @param electionTimeoutMinMs lower bound of the randomised election timeout (§5.2)
 * @param electionTimeoutMaxMs upper bound, inclusive
 * @param heartbeatMs a leader sends AppendEntries to a follower at least this often
 * @param maxEntriesPerAppend bound on the entries one AppendEntries carries
 * @param maxInflightAppends bound on unacknowledged AppendEntries per follower while replicating
 * @param snapshotEveryEntries a node snapshots its state machine and compacts its log once it has
 *     applied this many entries past its last snapshot (§7); 0 turns compaction off
 * @param snapshotChunkBytes InstallSnapshot sends a snapshot in chunks of at most this many bytes
 * @param preVote a node whose election timer fires first asks a majority whether it could win, and
 *     only then increments its term (diss. §9.6), so a rejoining node cannot depose a healthy leader
 * @param checkQuorum a leader that has not heard from a majority within the minimum election timeout
 *     steps down, and a node that heard from a current leader that recently refuses RequestVote without
 *     adopting its term (diss. §4.2.3, §6.2)
 * @param leaseReads a leader serves reads from a lease (diss. §6.4.1) instead of a heartbeat round per
 *     read; needs {@code checkQuorum}, whose vote rule is what makes the lease hold (RAFT-CHECKLIST 22)
 * @param maxClockDriftPpm the largest rate, in parts per million, at which any node's clock may run fast
 *     or slow (ρ): a lease lasts electionTimeoutMin × (1 − ρ) / (1 + ρ)
 */
public record RaftConfig(
    long electionTimeoutMinMs,
    long electionTimeoutMaxMs,
    long heartbeatMs,
    int maxEntriesPerAppend,
    int maxInflightAppends,
    long snapshotEveryEntries,
    int snapshotChunkBytes,
    boolean preVote,
    boolean checkQuorum,
    boolean leaseReads,
    long maxClockDriftPpm) {

  public RaftConfig {
    if (electionTimeoutMinMs < 1 || electionTimeoutMaxMs < electionTimeoutMinMs) {
      throw new IllegalArgumentException(
          "election timeout must be 1 <= min <= max, got [" + electionTimeoutMinMs + ", " + electionTimeoutMaxMs + "]");
    }
    if (heartbeatMs < 1 || maxEntriesPerAppend < 1 || maxInflightAppends < 1 || snapshotChunkBytes < 1) {
      throw new IllegalArgumentException(
          "heartbeatMs, maxEntriesPerAppend, maxInflightAppends and snapshotChunkBytes must be >= 1");
    }
    if (snapshotEveryEntries < 0) {
      throw new IllegalArgumentException("snapshotEveryEntries must be >= 0 (0: no compaction)");
    }
    if (maxClockDriftPpm < 0 || maxClockDriftPpm >= 1_000_000) {
      throw new IllegalArgumentException("maxClockDriftPpm must be 0..999999, got " + maxClockDriftPpm);
    }
    if (leaseReads && !checkQuorum) {
      // RAFT-CHECKLIST rule 22(a): without the vote rule a new leader can be elected during the lease.
      throw new IllegalArgumentException("lease reads need checkQuorum");
    }
  }

  /** Without the protocol extensions: no PreVote, no CheckQuorum. */
  public RaftConfig(
      long electionTimeoutMinMs, long electionTimeoutMaxMs, long heartbeatMs, int maxEntriesPerAppend,
      int maxInflightAppends, long snapshotEveryEntries, int snapshotChunkBytes) {
    this(electionTimeoutMinMs, electionTimeoutMaxMs, heartbeatMs, maxEntriesPerAppend, maxInflightAppends,
        snapshotEveryEntries, snapshotChunkBytes, false, false, false, 0);
  }

  /** The contract's defaults: election timeout 150..300 ms, heartbeat 50 ms, a snapshot every 1000 entries in 64 KiB chunks. */
  public static RaftConfig defaults() {
    return of(150, 300, 50).withSnapshots(1000, 65536);
  }

  /** The given timing, no log compaction. */
  public static RaftConfig of(long electionMin, long electionMax, long heartbeat) {
    return new RaftConfig(electionMin, electionMax, heartbeat, 64, 64, 0, 65536);
  }

  public RaftConfig withMaxEntriesPerAppend(int n) {
    return new RaftConfig(electionTimeoutMinMs, electionTimeoutMaxMs, heartbeatMs, n, maxInflightAppends,
        snapshotEveryEntries, snapshotChunkBytes, preVote, checkQuorum, leaseReads,
        maxClockDriftPpm);
  }

  public RaftConfig withSnapshots(long everyEntries, int chunkBytes) {
    return new RaftConfig(electionTimeoutMinMs, electionTimeoutMaxMs, heartbeatMs, maxEntriesPerAppend,
        maxInflightAppends, everyEntries, chunkBytes, preVote, checkQuorum, leaseReads, maxClockDriftPpm);
  }

  /** With PreVote (diss. §9.6) on or off. */
  public RaftConfig withPreVote(boolean on) {
    return new RaftConfig(electionTimeoutMinMs, electionTimeoutMaxMs, heartbeatMs, maxEntriesPerAppend,
        maxInflightAppends, snapshotEveryEntries, snapshotChunkBytes, on, checkQuorum, leaseReads, maxClockDriftPpm);
  }

  /** With CheckQuorum (diss. §4.2.3, §6.2) on or off. */
  public RaftConfig withCheckQuorum(boolean on) {
    return new RaftConfig(electionTimeoutMinMs, electionTimeoutMaxMs, heartbeatMs, maxEntriesPerAppend,
        maxInflightAppends, snapshotEveryEntries, snapshotChunkBytes, preVote, on, leaseReads && on, maxClockDriftPpm);
  }

  /**
   * With lease reads (diss. §6.4.1) for a maximum clock drift of {@code driftPpm} parts per million, or
   * without ({@code on} false). Turning them on turns CheckQuorum on too: leases rely on it.
   */
  public RaftConfig withLeaseReads(boolean on, long driftPpm) {
    return new RaftConfig(electionTimeoutMinMs, electionTimeoutMaxMs, heartbeatMs, maxEntriesPerAppend,
        maxInflightAppends, snapshotEveryEntries, snapshotChunkBytes, preVote, checkQuorum || on, on, driftPpm);
  }

  /**
   * How long a lease lasts after the heartbeat round that grants it was sent: electionTimeoutMin × (1 − ρ)
   * / (1 + ρ) for a drift rate ρ (RAFT-CHECKLIST rule 22(c)), in whole milliseconds rounded down. The
   * leader's clock may run slow by ρ and a follower's fast by ρ, so a follower's minimum election timeout,
   * measured on its clock, may pass in as little as min / (1 + ρ) real time, while the leader's lease,
   * measured on its own clock, lasts up to lease / (1 − ρ) real time.
   */
  public long leaseMs() {
    return electionTimeoutMinMs * (1_000_000 - maxClockDriftPpm) / (1_000_000 + maxClockDriftPpm);
  }
}
