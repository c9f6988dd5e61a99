package raftsim.core;

/**
 * Membership changes one server at a time (Raft dissertation §4.1–§4.2; RAFT-CHECKLIST rules 26–28).
 *
 * <ul>
 *   <li>A configuration travels as a log entry holding the whole new configuration, and is in force on
 *       each node as soon as that node appends it — committed or not (§4.1); a truncated one is undone.
 *       The log keeps track of it ({@link RaftLog#configuration()}).
 *   <li>Each change adds or removes one voter at most, so every majority of the old configuration
 *       overlaps every majority of the new one (§4.1).
 *   <li>A leader proposes a change only once an entry of its own term has committed, and never while
 *       another change is uncommitted: this is the fix of the single-server bug, without which two
 *       changes in flight across a leader change let two disjoint majorities form (§4.1).
 *   <li>A new server first joins as a learner: it receives entries but neither votes nor counts. The
 *       leader makes it a voter once it has caught up, by the rounds of §4.2.1: a round replicates
 *       everything the leader held when it began, and a round that finishes within the minimum
 *       election timeout means the learner is close enough to count without stalling commits.
 *   <li>A leader that removes itself keeps leading until that configuration commits, without counting
 *       itself in any majority meanwhile, then steps down (§4.2.2), handing office to the most
 *       up-to-date voter. Removed servers get nothing more from the leader; their votes are answered by
 *       PreVote and CheckQuorum (§4.2.3).
 * </ul>
 */
final class Membership {
  private final RaftCore core;

  Membership(RaftCore core) {
    this.core = core;
  }

  /** Why this node may not propose a configuration change now, or null when it may. */
  AdminRefusal changeRefusal() {
    if (core.role != Role.LEADER) {
      return AdminRefusal.NOT_LEADER;
    }
    if (core.transfer().active()) {
      return AdminRefusal.TRANSFER_IN_PROGRESS;
    }
    if (core.log.termAt(core.commitIndex) != core.currentTerm) {
      return AdminRefusal.NO_COMMIT_IN_TERM; // diss. §4.1: the fix of the single-server bug
    }
    if (core.log.configurationIndex() > core.commitIndex) {
      return AdminRefusal.CHANGE_IN_PROGRESS; // diss. §4.1: one change at a time
    }
    return null;
  }

  /** Adds {@code server} as a learner (diss. §4.2.1); it becomes a voter once caught up. */
  AdminRefusal add(int server, String address, long now, Output out) {
    AdminRefusal refusal = changeRefusal();
    if (refusal != null) {
      return refusal;
    }
    Configuration c = core.configuration;
    if (c.isMember(server)) {
      return AdminRefusal.ALREADY_MEMBER;
    }
    propose(c.withLearner(server, address), now, out);
    return null;
  }

  /** Removes {@code server}, voter or learner, the leader itself included (diss. §4.2.2). */
  AdminRefusal remove(int server, long now, Output out) {
    AdminRefusal refusal = changeRefusal();
    if (refusal != null) {
      return refusal;
    }
    Configuration c = core.configuration;
    if (!c.isMember(server)) {
      return AdminRefusal.NOT_MEMBER;
    }
    if (c.voters().size() == 1 && c.isVoter(server)) {
      return AdminRefusal.LAST_VOTER;
    }
    propose(c.without(server), now, out);
    return null;
  }

  /** Appends {@code next} and sends it to everyone: in force here at once (diss. §4.1). */
  private void propose(Configuration next, long now, Output out) {
    LogEntry entry = new LogEntry(core.log.lastIndex() + 1, core.currentTerm, new Payload.Config(next));
    out.event(new CoreEvent.ConfigurationProposed(entry.index(), next.voters(), next.learners()));
    core.appendOwn(entry, out);
    core.syncConfiguration(now, out);
    core.replication().broadcast(now, out);
    core.replication().maybeCommit(now, out); // a leader that is no longer a voter may need nobody's word
  }

  /**
   * A learner acknowledged entries (diss. §4.2.1): when it has replicated everything the leader held
   * when its round began, the round ends; ended within the minimum election timeout, the learner has
   * caught up, otherwise a new round starts from the leader's log now.
   */
  void onReplicated(Progress p, long now, Output out) {
    if (!core.configuration.isLearner(p.peer())) {
      return;
    }
    if (!p.caughtUp() && p.matchIndex() >= p.catchUpTarget()) {
      if (now - p.catchUpStart() <= core.config.electionTimeoutMinMs()) {
        p.caughtUp(true);
      } else {
        p.startCatchUp(now, core.log.lastIndex());
      }
    }
    maybePromote(now, out);
  }

  /** A learner that has caught up becomes a voter, when a change may be proposed (diss. §4.2.1). */
  void maybePromote(long now, Output out) {
    if (core.role != Role.LEADER || core.configuration.learners().isEmpty() || changeRefusal() != null) {
      return;
    }
    for (int learner : core.configuration.learners()) {
      Progress p = core.progressOf(learner);
      if (p != null && p.caughtUp()) {
        out.event(new CoreEvent.LearnerCaughtUp(learner, p.matchIndex()));
        propose(core.configuration.promoted(learner), now, out);
        return;
      }
    }
  }

  /**
   * The commit index moved. Diss. §4.2.2: a leader no longer in the configuration steps down once that
   * configuration has committed, handing office to the voter with the longest log when it holds
   * everything; otherwise the remaining voters elect one when their timers fire. Else a learner that
   * waited for the previous change may now be promoted.
   */
  void onCommit(long now, Output out) {
    if (core.role != Role.LEADER) {
      return;
    }
    Configuration c = core.configuration;
    if (!c.isVoter(core.id) && core.log.configurationIndex() <= core.commitIndex) {
      Progress best = null;
      for (int v : core.voters) {
        Progress p = core.progressOf(v);
        if (best == null || p.matchIndex() > best.matchIndex()) {
          best = p;
        }
      }
      out.event(new CoreEvent.LeaderRemoved(core.currentTerm, core.log.configurationIndex()));
      if (best != null && best.matchIndex() >= core.log.lastIndex()) {
        out.event(new CoreEvent.TimeoutNowSent(best.peer(), core.currentTerm, core.log.lastIndex()));
        out.send(new TimeoutNow(core.id, best.peer(), core.currentTerm));
      }
      core.becomeFollower(HardState.NO_VOTE, now, out);
      return;
    }
    maybePromote(now, out);
  }
}
