package raftsim.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import raftsim.core.HardState;
import raftsim.core.LogEntry;
import raftsim.core.LogWrite;
import raftsim.core.PersistentState;

/**
 * One node's simulated disk. Each write becomes durable a drawn delay after it is issued, in issue
 * order (one fsync after another, as on one log file). Until then it is pending, and a crash loses it.
 */
final class SimDisk {
  private HardState hardState = HardState.INITIAL;
  /** Durable entries; index i at position i - 1. */
  private final ArrayList<LogEntry> log = new ArrayList<>();
  private final ArrayDeque<DiskWrite> pending = new ArrayDeque<>();
  private long lastCompletion;
  /** What a crash left of the oldest pending write when it tore it; null otherwise. */
  private byte[] tornTail;

  /** Issues a write at {@code now} that takes {@code syncMs}, but never completes before an earlier one. */
  DiskWrite issue(int node, HardState hs, LogWrite lw, long now, long syncMs) {
    long completeAt = Math.max(now + syncMs, lastCompletion);
    lastCompletion = completeAt;
    DiskWrite w = new DiskWrite(node, hs, lw, completeAt);
    pending.addLast(w);
    return w;
  }

  /** The write {@code w}, the oldest pending one, is now durable. */
  void complete(DiskWrite w) {
    if (pending.pollFirst() != w) {
      throw new IllegalStateException("disk writes must complete in issue order");
    }
    if (w.hardState != null) {
      hardState = w.hardState;
    }
    if (w.logWrite != null) {
      log.subList((int) Math.min(log.size(), w.logWrite.fromIndex() - 1), log.size()).clear();
      log.addAll(w.logWrite.entries());
    }
  }

  boolean hasPending() {
    return !pending.isEmpty();
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
    return new PersistentState(hardState, log);
  }

  HardState hardState() {
    return hardState;
  }

  long lastIndex() {
    return log.size();
  }
}
