package raftsim.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what one input causes, then freezes it into a {@link Ready}. A core keeps one and reuses it
 * for every input (inputs never overlap); freezing hands the lists over to the Ready and starts afresh.
 */
final class Output {
  private boolean reportEvents = true;
  private List<Message> messages;
  private List<AppliedEntry> applied;
  private List<ClientReply> replies;
  private List<CoreEvent> events;
  private boolean hardStateChanged;
  private Snapshot snapshot;
  /** Lowest log index changed by this input; Long.MAX_VALUE when the log is untouched. */
  private long logChangedFrom = Long.MAX_VALUE;

  void reportEvents(boolean on) {
    reportEvents = on;
  }

  void send(Message m) {
    if (messages == null) {
      messages = new ArrayList<>(4);
    }
    messages.add(m);
  }

  void applied(AppliedEntry a) {
    if (applied == null) {
      applied = new ArrayList<>(4);
    }
    applied.add(a);
  }

  void reply(ClientReply r) {
    if (replies == null) {
      replies = new ArrayList<>(2);
    }
    replies.add(r);
  }

  void event(CoreEvent e) {
    if (!reportEvents) {
      return;
    }
    if (events == null) {
      events = new ArrayList<>(4);
    }
    events.add(e);
  }

  void snapshot(Snapshot s) {
    snapshot = s;
  }

  void hardStateChanged() {
    hardStateChanged = true;
  }

  void logChangedFrom(long index) {
    logChangedFrom = Math.min(logChangedFrom, index);
  }

  Ready freeze(long currentTerm, int votedFor, RaftLog log, long nextDeadline) {
    LogWrite write = null;
    if (logChangedFrom != Long.MAX_VALUE) {
      // A snapshot written by the same input covers whatever changed up to its index.
      long from = Math.max(logChangedFrom, log.snapshotIndex() + 1);
      write = new LogWrite(from, log.slice(from, log.lastIndex()));
    }
    Ready ready = new Ready(
        hardStateChanged ? new HardState(currentTerm, votedFor) : null,
        write,
        snapshot,
        orEmpty(messages),
        orEmpty(applied),
        orEmpty(replies),
        orEmpty(events),
        nextDeadline);
    messages = null;
    applied = null;
    replies = null;
    events = null;
    hardStateChanged = false;
    snapshot = null;
    logChangedFrom = Long.MAX_VALUE;
    return ready;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
