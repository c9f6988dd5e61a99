package raftsim.core;

import java.util.List;

/** Log replication and commitment: both the leader's side and the follower's (§5.3, §5.4.2). */
final class Replication {
  private final RaftCore core;

  Replication(RaftCore core) {
    this.core = core;
  }

  // ------------------------------------------------------------------------------- leader side

  /** Sends every follower what it is missing, as far as flow control allows. */
  void broadcast(long now, Output out) {
    for (Progress p : core.progress) {
      send(p, now, false, out);
    }
  }

  /**
   * The leader's timer: every follower not written to for a heartbeat interval gets an AppendEntries
   * (§5.2: heartbeats keep followers from standing for election).
   */
  void heartbeat(long now, Output out) {
    for (Progress p : core.progress) {
      if (now - p.lastSentAt() >= core.config.heartbeatMs()) {
        p.heartbeatDue();
        send(p, now, true, out);
      }
    }
  }

  /**
   * Sends one AppendEntries to the follower {@code p} tracks, from its nextIndex. While probing, one
   * request at a time; while replicating, as many as the in-flight window allows. A heartbeat always
   * sends something, if only an empty request, so the follower hears from its leader.
   */
  void send(Progress p, long now, boolean heartbeat, Output out) {
    RaftLog log = core.log;
    if (p.mode() == Progress.Mode.SNAPSHOT && p.matchIndex() >= log.snapshotIndex()) {
      p.snapshotInstalled(p.matchIndex()); // a late AppendEntries reply showed it no longer needs one
    }
    if (p.mode() != Progress.Mode.SNAPSHOT && p.nextIndex() <= log.snapshotIndex()) {
      p.startSnapshot(core.latestSnapshot); // §7: the entries it needs are compacted away
    } else if (p.mode() == Progress.Mode.SNAPSHOT && p.snapshotOffset() == 0
        && p.sending().index() < core.latestSnapshot.index()) {
      p.startSnapshot(core.latestSnapshot); // nothing sent has arrived yet: send the newest instead
    }
    if (p.mode() == Progress.Mode.SNAPSHOT) {
      core.snapshots().sendChunk(p, now, heartbeat, out);
      return;
    }
    if (p.mode() == Progress.Mode.PROBE) {
      if (p.canProbe()) {
        sendAppend(p, now, true, out);
      }
      return;
    }
    // Replicating: stream everything the window allows; a heartbeat always sends at least once.
    boolean sent = false;
    while (p.nextIndex() <= log.lastIndex() && !p.inflightFull()) {
      sendAppend(p, now, true, out);
      sent = true;
    }
    if (heartbeat && !sent) {
      sendAppend(p, now, false, out);
    }
  }

  /** One AppendEntries from {@code p}'s nextIndex, carrying entries or (as a bare heartbeat) none. */
  private void sendAppend(Progress p, long now, boolean withEntries, Output out) {
    RaftLog log = core.log;
    long next = p.nextIndex();
    List<LogEntry> entries = withEntries ? log.slice(next, next + core.config.maxEntriesPerAppend() - 1) : List.of();
    long prev = next - 1;
    core.round++;
    AppendEntries ae = new AppendEntries(core.id, p.peer(), core.currentTerm, prev, log.termAt(prev), entries,
        core.commitIndex, core.round);
    p.sent(now, ae.lastIndexCovered(), entries.size());
    core.lease().sent(core.round, now);
    out.send(ae);
  }

  /**
   * ReadIndex (diss. §6.4, rule 20(c)): one AppendEntries to every follower now, so that their answers
   * prove this node still led after a read arrived. Followers receiving a snapshot are skipped: its
   * chunks carry no round.
   */
  void heartbeatRound(long now, Output out) {
    for (Progress p : core.progress) {
      if (p.mode() != Progress.Mode.SNAPSHOT) {
        p.heartbeatDue();
        send(p, now, true, out);
      }
    }
  }

  /** A follower's answer to an AppendEntries this leader sent. */
  void onAppendReply(AppendEntriesReply r, boolean adopted, long now, Output out) {
    if (adopted) {
      return; // it carried a higher term: this node already stepped down (§5.1)
    }
    // Rule 2. A term refusal that did not raise our term answers a request from an earlier term of
    // ours: every other reply carries the very term of the request it answers.
    if (r.term() < core.currentTerm || r.rejection() == AppendRejection.STALE_TERM) {
      out.event(new CoreEvent.Ignored(r.type(), r.from(), IgnoreReason.STALE_REPLY));
      return;
    }
    if (core.role != Role.LEADER) {
      out.event(new CoreEvent.Ignored(r.type(), r.from(), IgnoreReason.NOT_LEADER));
      return;
    }
    RaftLog log = core.log;
    Progress p = core.progressOf(r.from());
    if (p == null) {
      out.event(new CoreEvent.Ignored(r.type(), r.from(), IgnoreReason.UNKNOWN_SENDER)); // no longer a member
      return;
    }
    p.heard(now); // CheckQuorum (diss. §6.2): any answer of this term shows the follower is there
    if (r.round() <= core.round) {
      // Any answer of this term shows the follower still took this node for its leader then.
      p.answeredRound(r.round(), core.lease().sentAt(r.round()));
      core.reads().confirm(out);
    }
    if (r.success()) {
      if (r.matchIndex() > log.lastIndex()) {
        out.event(new CoreEvent.Ignored(r.type(), r.from(), IgnoreReason.REPLY_BEYOND_LOG));
        return;
      }
      // Rule 13: matchIndex is what *that* request covered, and it only grows.
      if (p.acknowledged(r.matchIndex())) {
        maybeCommit(now, out);
        if (core.role != Role.LEADER) {
          return; // the commit removed this leader from the configuration (diss. §4.2.2)
        }
        core.transfer().onProgress(p, out);
        core.membership().onReplicated(p, now, out);
      }
      send(p, now, false, out);
      return;
    }
    if (r.rejectedIndex() > log.lastIndex()) {
      out.event(new CoreEvent.Ignored(r.type(), r.from(), IgnoreReason.REPLY_BEYOND_LOG));
      return;
    }
    long oldNext = p.nextIndex();
    if (!p.refused(r.rejectedIndex(), backOffHint(r))) {
      out.event(new CoreEvent.Ignored(r.type(), r.from(), IgnoreReason.STALE_REJECTION));
      return;
    }
    out.event(new CoreEvent.NextIndexBackedOff(r.from(), oldNext, p.nextIndex()));
    send(p, now, false, out);
  }

  /**
   * Fast back-off (§5.3, the paragraph after Figure 7; RAFT-CHECKLIST rule 12): when the leader holds
   * entries of the follower's conflicting term, the logs may match up to its last one of that term;
   * otherwise the follower's whole run of that term must go, so retry from its first index.
   */
  private long backOffHint(AppendEntriesReply r) {
    if (r.conflictTerm() > 0) {
      long last = core.log.lastIndexOfTerm(r.conflictTerm());
      if (last >= 0) {
        return last + 1;
      }
    }
    return Math.max(1, r.conflictIndex());
  }

  /**
   * §5.3, §5.4.2 (Figure 8; RAFT-CHECKLIST rule 14): commitIndex advances to the highest index a
   * majority holds durably, but only when that entry is of the current term; earlier-term entries are
   * committed indirectly, never by counting replicas. The leader counts itself only up to durableIndex,
   * and only while it is a voter of the configuration in force: a leader removing itself does not count
   * itself (diss. §4.2.2). The majority is of that configuration, appended or committed (§4.1).
   */
  void maybeCommit(long now, Output out) {
    long[] match = core.matchScratch;
    int i = 0;
    for (int voter : core.voters) {
      match[i++] = voter == core.id ? core.durableIndex : core.progressOf(voter).matchIndex();
    }
    long n = Quorum.majorityMatch(match);
    if (n > core.commitIndex && core.log.termAt(n) == core.currentTerm) {
      out.event(new CoreEvent.CommitAdvanced(core.commitIndex, n, core.currentTerm));
      core.commitIndex = n;
      core.reads().onCommit(now, out);
      core.membership().onCommit(now, out);
    }
  }

  // ----------------------------------------------------------------------------- follower side

  /** AppendEntries receiver implementation (Figure 2). The term was already brought up to date. */
  void onAppendEntries(AppendEntries ae, long now, Output out) {
    if (ae.term() < core.currentTerm) {
      refuse(ae, AppendRejection.STALE_TERM, 0, 0, out); // §5.1; no timer reset (rule 4)
      return;
    }
    if (core.role == Role.LEADER) {
      out.event(new CoreEvent.Ignored(ae.type(), ae.from(), IgnoreReason.SECOND_LEADER_IN_TERM));
      return;
    }
    // Rule 3: a candidate that hears from a leader of its own term follows it.
    if (core.role == Role.CANDIDATE || core.leaderId != ae.from()) {
      core.becomeFollower(ae.from(), now, out);
    }
    core.resetElectionTimer(now); // rule 4(b)
    core.leaderContactAt = now;

    RaftLog log = core.log;
    long prev = ae.prevLogIndex();
    if (prev > log.lastIndex()) {
      refuse(ae, AppendRejection.LOG_TOO_SHORT, 0, log.lastIndex() + 1, out);
      return;
    }
    if (prev >= log.snapshotIndex() && log.termAt(prev) != ae.prevLogTerm()) {
      long conflictTerm = log.termAt(prev);
      refuse(ae, AppendRejection.PREV_TERM_MISMATCH, conflictTerm, log.firstIndexOfTermAt(prev), out);
      return;
    }
    // §5.3 step 3-4 (rule 10): skip entries already held with the same term — never truncate on a
    // match, or a delayed short request would cut off what a later one appended; at the first entry
    // whose term differs, delete it and all after it, then append the rest.
    List<LogEntry> entries = ae.entries();
    int firstNew = 0;
    while (firstNew < entries.size()) {
      LogEntry e = entries.get(firstNew);
      if (e.index() > log.snapshotIndex() && (e.index() > log.lastIndex() || log.termAt(e.index()) != e.term())) {
        break;
      }
      firstNew++;
    }
    if (firstNew < entries.size()) {
      long from = entries.get(firstNew).index();
      long truncated = 0;
      if (from <= log.lastIndex()) {
        if (from <= core.commitIndex) {
          // Committed entries are never removed (§5.4); a correct leader cannot ask for it.
          out.event(new CoreEvent.Ignored(ae.type(), ae.from(), IgnoreReason.CONFLICTS_WITH_COMMITTED));
          return;
        }
        log.truncateFrom(from);
        core.durableIndex = Math.min(core.durableIndex, from - 1);
        truncated = from;
      }
      for (int k = firstNew; k < entries.size(); k++) {
        log.append(entries.get(k));
      }
      out.logChangedFrom(from);
      out.event(new CoreEvent.EntriesAppended(from, log.lastIndex(), log.lastTerm(), truncated,
          TermRun.of(entries, firstNew)));
    }
    // §5.3 step 5 (rule 11): learn the commit index, but only as far as this request proved the logs match.
    long lastNew = ae.lastIndexCovered();
    long newCommit = Math.min(ae.leaderCommit(), lastNew);
    if (newCommit > core.commitIndex) {
      out.event(new CoreEvent.CommitAdvanced(core.commitIndex, newCommit, core.currentTerm));
      core.commitIndex = newCommit;
    }
    out.send(AppendEntriesReply.accept(core.id, ae.from(), core.currentTerm, lastNew, ae.round()));
  }

  private void refuse(AppendEntries ae, AppendRejection why, long conflictTerm, long conflictIndex, Output out) {
    out.event(new CoreEvent.AppendRefused(ae.from(), ae.term(), why, ae.prevLogIndex(), ae.prevLogTerm(),
        conflictTerm, conflictIndex));
    out.send(AppendEntriesReply.reject(core.id, ae.from(), core.currentTerm, why, ae.prevLogIndex(), conflictTerm,
        conflictIndex, ae.round()));
  }
}
