package raftsim.core;

import java.util.List;

/**
 * Screens every incoming message for what a faulty, confused or malicious peer could send, so that the
 * protocol handlers only ever see well-formed input from a member. A message that fails is ignored
 * with a reason; the core never throws on it.
 */
final class Validation {
  private Validation() {}

  /** Returns why {@code m} must be ignored, or null when it is fit to handle. */
  static IgnoreReason check(RaftCore core, Message m) {
    if (m.to() != core.id) {
      return IgnoreReason.NOT_ADDRESSED_TO_ME;
    }
    // Any other node may write: with membership changes a sender this node's configuration does not
    // name yet may lead a newer one (diss. §4.1). Handlers ignore replies from nodes they did not ask.
    if (m.from() < 1 || m.from() == core.id) {
      return IgnoreReason.UNKNOWN_SENDER;
    }
    if (m.term() < 0) {
      return IgnoreReason.MALFORMED;
    }
    boolean ok;
    if (m instanceof RequestVote rv) {
      ok = rv.lastLogIndex() >= 0 && rv.lastLogTerm() >= 0 && rv.lastLogTerm() <= rv.term();
    } else if (m instanceof RequestVoteReply r) {
      ok = r.granted() == (r.refusal() == null);
    } else if (m instanceof AppendEntries ae) {
      ok = wellFormed(ae);
    } else if (m instanceof AppendEntriesReply r) {
      ok = r.round() >= 0 && (r.success()
          ? r.matchIndex() >= 0
          : r.rejection() != null && r.rejectedIndex() >= 0 && r.conflictTerm() >= 0 && r.conflictIndex() >= 0);
    } else if (m instanceof InstallSnapshot s) {
      ok = s.lastIncludedIndex() >= 1 && s.lastIncludedTerm() >= 1 && s.lastIncludedTerm() <= s.term()
          && s.offset() >= 0 && s.offset() <= Integer.MAX_VALUE - s.length();
      // The configuration record checks its own shape when it is built.
    } else if (m instanceof InstallSnapshotReply r) {
      ok = r.lastIncludedIndex() >= 0 && r.nextOffset() >= 0;
    } else if (m instanceof ReadIndex r) {
      ok = r.readId() >= 0;
    } else if (m instanceof ReadIndexReply r) {
      ok = r.readIndex() >= 0 && r.leaderHint() >= 0;
    } else if (m instanceof PreVote pv) {
      // It asks about the asker's next term, so its last log term lies below that term.
      ok = pv.lastLogIndex() >= 0 && pv.lastLogTerm() >= 0 && pv.lastLogTerm() < pv.term();
    } else if (m instanceof PreVoteReply r) {
      ok = r.granted() == (r.refusal() == null);
    } else if (m instanceof TimeoutNow t) {
      ok = t.term() >= 1; // only a leader sends it, and there is no leader of term 0
    } else {
      ok = false;
    }
    return ok ? null : IgnoreReason.MALFORMED;
  }

  /** Entries must follow prevLogIndex one by one, with terms that never fall and never exceed the leader's. */
  private static boolean wellFormed(AppendEntries ae) {
    if (ae.prevLogIndex() < 0 || ae.prevLogTerm() < 0 || ae.prevLogTerm() > ae.term() || ae.leaderCommit() < 0) {
      return false;
    }
    if (ae.prevLogIndex() == 0 && ae.prevLogTerm() != 0) {
      return false;
    }
    List<LogEntry> entries = ae.entries();
    long expectedIndex = ae.prevLogIndex() + 1;
    long lowestTerm = ae.prevLogTerm();
    for (int i = 0; i < entries.size(); i++) {
      LogEntry e = entries.get(i);
      if (e.index() != expectedIndex || e.term() < lowestTerm || e.term() > ae.term()) {
        return false;
      }
      expectedIndex++;
      lowestTerm = e.term();
    }
    return true;
  }
}
