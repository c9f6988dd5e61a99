package raftsim.core;

/**
 * Counts of what a node did since it started, for summaries: snapshots taken, chunks sent, snapshots
 * installed, read indexes confirmed, reads served, and reads a leader answered from its lease.
 */
public record CoreStats(
    long snapshotsTaken, long snapshotChunksSent, long snapshotsInstalled, long readIndexConfirmed, long readsServed,
    long leaseReads) {

  public static final CoreStats ZERO = new CoreStats(0, 0, 0, 0, 0, 0);

  public CoreStats plus(CoreStats o) {
    return new CoreStats(snapshotsTaken + o.snapshotsTaken, snapshotChunksSent + o.snapshotChunksSent,
        snapshotsInstalled + o.snapshotsInstalled, readIndexConfirmed + o.readIndexConfirmed, readsServed + o.readsServed,
        leaseReads + o.leaseReads);
  }

  /** The running counts inside a core. */
  static final class Counter {
    long snapshotsTaken;
    long snapshotChunksSent;
    long snapshotsInstalled;
    long readIndexConfirmed;
    long readsServed;
    long leaseReads;

    CoreStats freeze() {
      return new CoreStats(snapshotsTaken, snapshotChunksSent, snapshotsInstalled, readIndexConfirmed, readsServed,
          leaseReads);
    }
  }
}
