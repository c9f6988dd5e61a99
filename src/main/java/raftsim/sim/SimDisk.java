package raftsim.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import raftsim.core.HardState;
import raftsim.core.LogEntry;
import raftsim.core.LogWrite;
import raftsim.core.PersistentState;
import raftsim.core.Snapshot;

/**
 * One node's simulated disk: hard state, the latest snapshot, and the log after it. Each write becomes
 * durable a drawn delay after it is issued, in issue order (one fsync after another, as on one log
 * file). Until then it is pending, and a crash loses it.
 */
final class SimDisk {
  private HardState hardState = HardState.INITIAL;
  private Snapshot snapshot;
  /** Durable entries after the snapshot: index snapshotIndex + 1 + i at position i. */
  private final ArrayList<LogEntry> log = new ArrayList<>();
  private final ArrayDeque<DiskWrite> pending = new ArrayDeque<>();
  private long lastCompletion;
  /** What a crash left of the oldest pending write when it tore it; null otherwise. */
  private byte[] tornTail;

  /** Issues a write at {@code now} that takes {@code syncMs}, but never completes before an earlier one. */
  DiskWrite issue(DiskWrite w, long now, long syncMs) {
    w.completeAt = Math.max(now + syncMs, lastCompletion);
    lastCompletion = w.completeAt;
    pending.addLast(w);
    return w;
  }

  /** The write {@code w}, the oldest pending one, is now durable: hard state, then snapshot, then log. */
  void complete(DiskWrite w) {
    if (pending.pollFirst() != w) {
      throw new IllegalStateException("disk writes must complete in issue order");
    }
    if (w.hardState != null) {
      hardState = w.hardState;
    }
    if (w.snapshot != null) {
      if (w.snapshot.index() < base()) {
        throw new IllegalStateException("a snapshot older than the stored one: " + w.snapshot.index() + " < " + base());
      }
      // The snapshot replaces the log up to its index; entries after it stay.
      log.subList(0, (int) Math.min(log.size(), w.snapshot.index() - base())).clear();
      snapshot = w.snapshot;
    }
    if (w.logWrite != null) {
      long keep = Math.max(0, Math.min(log.size(), w.logWrite.fromIndex() - 1 - base()));
      log.subList((int) keep, log.size()).clear();
      for (LogEntry e : w.logWrite.entries()) {
        if (e.index() > base()) {
          log.add(e);
        }
      }
    }
  }

  private long base() {
    return snapshot == null ? 0 : snapshot.index();
  }

  boolean hasPending() {
    return !pending.isEmpty();
  }

  /** True when a pending write carries hard state (a term or vote not yet durable). */
  boolean hardStatePending() {
    for (DiskWrite w : pending) {
      if (w.hardState != null) {
        return true;
      }
    }
    return false;
  }

  DiskWrite lastPending() {
    return pending.peekLast();
  }

  /**
   * A crash: every write not yet durable is lost. With {@code tear}, the oldest of them is left on
   * disk half-written. Returns the lost writes so their events can be cancelled.
   */
  List<DiskWrite> crash(boolean tear) {
    List<DiskWrite> lost = new ArrayList<>(pending);
    pending.clear();
    if (tear && !lost.isEmpty()) {
      tornTail = TornWrite.tear(TornWrite.frame(lost.get(0)));
    }
    return lost;
  }

  /**
   * Recovery at restart: a record at the end of the log that is not whole (its length or checksum
   * fails) was torn by the crash and is cut off; it was never durable, so nothing durable is lost.
   * Returns the size of the record cut off, or -1 when the tail was whole.
   */
  int recover() {
    byte[] tail = tornTail;
    tornTail = null;
    if (tail == null || TornWrite.whole(tail)) {
      return -1;
    }
    return tail.length;
  }

  /** What a node restarting now finds on this disk. */
  PersistentState durable() {
    return new PersistentState(hardState, snapshot, log);
  }

  HardState hardState() {
    return hardState;
  }

  long lastIndex() {
    return base() + log.size();
  }

  long snapshotIndex() {
    return base();
  }
}
