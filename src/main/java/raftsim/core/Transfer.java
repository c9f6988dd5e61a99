package raftsim.core;

/**
 * Leadership transfer (Raft dissertation §3.10). The leader stops accepting proposals, brings the
 * target's log up to date with its own, then sends it TimeoutNow; the target stands for election at
 * once, skipping PreVote, and its RequestVote carries a flag that lets voters answer although they
 * heard from the old leader a moment ago (diss. §4.2.3). With its log as long as the leader's and a
 * higher term, it wins, unless something fails; then after an election timeout the old leader aborts
 * the transfer and accepts proposals again.
 */
final class Transfer {
  private final RaftCore core;
  /** The node office is being handed to; 0 when no transfer is under way. */
  private int target;
  /** Local time at which an unfinished transfer is aborted. */
  private long deadline;
  private boolean timeoutNowSent;

  Transfer(RaftCore core) {
    this.core = core;
  }

  /** The node office is being handed to, or 0. */
  int target() {
    return target;
  }

  boolean active() {
    return target != 0;
  }

  /** A leader starts handing office to {@code to}; returns why not, or null when it has started. */
  AdminRefusal start(int to, long now, Output out) {
    if (core.role != Role.LEADER) {
      return AdminRefusal.NOT_LEADER;
    }
    if (to == core.id) {
      return AdminRefusal.TARGET_IS_SELF;
    }
    if (!core.isVoter(to)) {
      return AdminRefusal.NOT_A_VOTER;
    }
    target = to;
    deadline = now + core.config.electionTimeoutMinMs();
    core.lease().revoke(); // RAFT-CHECKLIST rule 22: a transfer ends the lease at once
    timeoutNowSent = false;
    out.event(new CoreEvent.TransferStarted(to, core.currentTerm, deadline));
    Progress p = core.progressOf(to);
    maybeSendTimeoutNow(p, out);
    if (!timeoutNowSent) {
      core.replication().send(p, now, false, out); // bring its log up to date first
    }
    return null;
  }

  /** A follower acknowledged entries: when it is the target and now holds the whole log, it is told to stand. */
  void onProgress(Progress p, Output out) {
    if (target == p.peer()) {
      maybeSendTimeoutNow(p, out);
    }
  }

  private void maybeSendTimeoutNow(Progress p, Output out) {
    if (timeoutNowSent || p.matchIndex() < core.log.lastIndex()) {
      return;
    }
    timeoutNowSent = true;
    out.event(new CoreEvent.TimeoutNowSent(target, core.currentTerm, core.log.lastIndex()));
    out.send(new TimeoutNow(core.id, target, core.currentTerm));
  }

  /** The leader's timer: a transfer that has not completed within an election timeout is aborted. */
  void checkTimeout(long now, Output out) {
    if (target != 0 && now >= deadline) {
      out.event(new CoreEvent.TransferAborted(target, core.currentTerm));
      target = 0;
    }
  }

  /** When an unfinished transfer is due to be aborted, or Long.MAX_VALUE. */
  long deadline() {
    return target == 0 ? Long.MAX_VALUE : deadline;
  }

  /** The node stopped leading: whatever transfer there was is over. */
  void clear() {
    target = 0;
  }

  /**
   * Diss. §3.10: the target, told by the leader of its term to stand, does so at once — with no
   * PreVote, and with a RequestVote that voters answer although they still hear from that leader.
   */
  void onTimeoutNow(TimeoutNow m, long now, Output out) {
    if (m.term() < core.currentTerm || core.role == Role.LEADER || !core.isVoter(core.id)) {
      out.event(new CoreEvent.Ignored(m.type(), m.from(), IgnoreReason.CANNOT_STAND));
      return;
    }
    out.event(new CoreEvent.TimeoutNowReceived(m.from(), m.term()));
    core.election().start(now, true, out);
  }
}
