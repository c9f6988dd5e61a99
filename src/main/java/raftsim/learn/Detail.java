package raftsim.learn;

import java.util.List;

/**
 * How much the stepper shows: which lines a step visits, and how much of the state each screen holds.
 * The least detail visits only the protocol's decisions and the faults; the default adds messages and
 * clients; the most visits every line (timers, disk completions, every client message).
 */
public enum Detail {
  DECISIONS(10, 0, 1, List.of("boot", "role", "term", "election", "vote", "vote-counted", "append", "append-refused",
      "commit", "backoff", "snapshot-taken", "snapshot-chunk", "snapshot-installed", "snapshot-declined", "crash",
      "restart", "torn-write", "partition", "isolate", "cut", "heal", "pause", "resume", "network", "clock-drift",
      "leader", "expect", "violation", "skip", "armed", "clients", "pre-election", "pre-vote", "pre-vote-counted",
      "quorum-lost", "transfer", "timeout-now", "configuration", "configuration-proposed", "learner-caught-up",
      "leader-removed", "transfer-request", "membership-request", "membership-done")),
  MESSAGES(20, 8, 6, List.of("send", "deliver", "drop", "duplicate", "apply", "ignored", "read-forwarded",
      "read-index", "read-served", "read-lease", "client-invoke", "client-complete")),
  EVERYTHING(40, 30, 20, List.of());

  /** Log cells shown per node. */
  final int logCells;
  /** Messages in flight listed (the count is always shown). */
  final int flightShown;
  /** Lines of the current event shown. */
  final int eventLines;
  private final List<String> extraKinds;

  Detail(int logCells, int flightShown, int eventLines, List<String> extraKinds) {
    this.logCells = logCells;
    this.flightShown = flightShown;
    this.eventLines = eventLines;
    this.extraKinds = extraKinds;
  }

  /** The kinds a step visits at this level; null for every kind. */
  List<String> kinds() {
    if (this == EVERYTHING) {
      return null;
    }
    List<String> all = new java.util.ArrayList<>(DECISIONS.extraKinds);
    if (this == MESSAGES) {
      all.addAll(MESSAGES.extraKinds);
    }
    return all;
  }

  Detail more() {
    return this == DECISIONS ? MESSAGES : EVERYTHING;
  }

  Detail less() {
    return this == EVERYTHING ? MESSAGES : DECISIONS;
  }

  /** 1, 2 or 3. */
  int level() {
    return ordinal() + 1;
  }
}
