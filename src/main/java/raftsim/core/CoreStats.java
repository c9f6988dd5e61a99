package raftsim.core;

/**
 * Counts of what a node did since it started, for summaries: snapshots taken, chunks sent, snapshots
 * installed, read indexes confirmed and reads served.
 */
public record CoreStats(
    long snapshotsTaken, long snapshotChunksSent, long snapshotsInstalled, long readIndexConfirmed, long readsServed) {

  public static final CoreStats ZERO = new CoreStats(0, 0, 0, 0, 0);

  public CoreStats plus(CoreStats o) {
    return new CoreStats(snapshotsTaken + o.snapshotsTaken, snapshotChunksSent + o.snapshotChunksSent,
        snapshotsInstalled + o.snapshotsInstalled, readIndexConfirmed + o.readIndexConfirmed, readsServed + o.readsServed);
  }

  /** The running counts inside a core. */
  static final class Counter {
    long snapshotsTaken;
    long snapshotChunksSent;
    long snapshotsInstalled;
    long readIndexConfirmed;
    long readsServed;

    CoreStats freeze() {
      return new CoreStats(snapshotsTaken, snapshotChunksSent, snapshotsInstalled, readIndexConfirmed, readsServed);
    }
  }
}
