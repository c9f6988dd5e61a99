package raftsim.core;

/**
 * PreVote (Raft dissertation §9.6): a node whose election timer fires first asks the voters whether
 * they would vote for it in its next term, and increments its term only once a majority says yes.
 *
 * <p>A voter says yes only when the asker's log is at least as up to date as its own (§5.4.1) and it
 * has not heard from a current leader within the minimum election timeout. So a node that was cut off
 * — its timer firing again and again — never raises its term while it is away, and when it comes back
 * to a cluster with a healthy leader, that leader's followers refuse it: the leader is not deposed.
 * Answering a pre-vote changes nothing on the voter: not its term, not its vote, not its timer.
 */
final class PreVoting {
  private final RaftCore core;
  /** True while this node, a follower, waits for the answers to its pre-votes. */
  private boolean active;

  PreVoting(RaftCore core) {
    this.core = core;
  }

  boolean active() {
    return active;
  }

  /** The node stopped asking: it heard from a leader, adopted a term, or stands for election now. */
  void stop() {
    active = false;
  }

  /** The election timer fired: ask every voter for a pre-vote in currentTerm + 1, changing no persistent state. */
  void start(long now, Output out) {
    if (core.role != Role.FOLLOWER) {
      core.becomeFollower(HardState.NO_VOTE, now, out); // a candidate whose election failed asks afresh
    }
    core.forgetLeader(out);
    active = true;
    java.util.Arrays.fill(core.voteAnswered, false);
    core.votesGranted = 0;
    if (core.isVoter(core.id)) { // diss. §4.2.2: a server its configuration removes asks without its own vote
      core.voteAnswered[core.position(core.id)] = true;
      core.votesGranted = 1;
    }
    core.resetElectionTimer(now); // rule 4(c): the pre-vote round has a full timeout to succeed
    RaftLog log = core.log;
    out.event(new CoreEvent.PreVoteStarted(core.currentTerm + 1, log.lastIndex(), log.lastTerm()));
    if (core.votesGranted >= Quorum.majority(core.voters.length)) {
      core.election().start(now, out); // a single voter needs nobody's word; standing ends the round
      return;
    }
    retry(now, out);
  }

  /** Asks again every voter that has not answered: requests and replies get lost. */
  void retry(long now, Output out) {
    RaftLog log = core.log;
    for (int peer : core.peers) {
      if (!core.voteAnswered[core.position(peer)]) {
        out.send(new PreVote(core.id, peer, core.currentTerm + 1, log.lastIndex(), log.lastTerm()));
      }
    }
    core.voteRetryAt = now + core.config.heartbeatMs();
  }

  /**
   * A node asks whether this one would vote for it. Diss. §9.6: yes only if its log is at least as up
   * to date and this node has not heard from a current leader within the minimum election timeout.
   * Nothing here changes this node's state.
   */
  void onPreVote(PreVote pv, long now, Output out) {
    VoteRefusal refusal = null;
    if (pv.term() < core.currentTerm) {
      refusal = VoteRefusal.STALE_TERM; // §5.1: it asks about a term already past
    } else if (core.heardFromLeader(now)) {
      refusal = VoteRefusal.LEADER_HEARD; // diss. §9.6: a healthy leader is not to be replaced
    } else if (pv.term() == core.currentTerm && core.votedFor != HardState.NO_VOTE && core.votedFor != pv.from()) {
      refusal = VoteRefusal.ALREADY_VOTED; // §5.2: its vote in that very term is taken
    } else if (!core.election().upToDate(pv.lastLogIndex(), pv.lastLogTerm())) {
      refusal = VoteRefusal.CANDIDATE_LOG_BEHIND; // §5.4.1
    }
    RaftLog log = core.log;
    if (refusal != null) {
      out.event(new CoreEvent.PreVoteRefused(pv.from(), pv.term(), refusal, log.lastTerm(), log.lastIndex(),
          pv.lastLogTerm(), pv.lastLogIndex()));
      out.send(PreVoteReply.refuse(core.id, pv.from(), core.currentTerm, refusal));
      return;
    }
    out.event(new CoreEvent.PreVoteGranted(pv.from(), pv.term()));
    out.send(PreVoteReply.grant(core.id, pv.from(), pv.term()));
  }

  /**
   * An answer to this node's pre-vote. A grant carries the term asked about (currentTerm + 1); a refusal
   * the voter's term, which, when higher, already made this node a follower of it.
   *
   * @param adopted the reply raised this node's term
   */
  void onReply(PreVoteReply r, boolean adopted, long now, Output out) {
    if (adopted) {
      return;
    }
    if (!active) {
      out.event(new CoreEvent.Ignored(r.type(), r.from(), IgnoreReason.NOT_CANDIDATE));
      return;
    }
    boolean current = r.granted() ? r.term() == core.currentTerm + 1 : r.term() == core.currentTerm;
    if (!current || r.refusal() == VoteRefusal.STALE_TERM) {
      out.event(new CoreEvent.Ignored(r.type(), r.from(), IgnoreReason.STALE_REPLY));
      return;
    }
    if (!core.countVote(r, r.granted(), out)) {
      return;
    }
    int needed = Quorum.majority(core.voters.length);
    out.event(new CoreEvent.PreVoteCounted(r.from(), core.currentTerm + 1, r.granted(), core.votesGranted, needed));
    if (core.votesGranted >= needed) {
      core.election().start(now, out); // becoming a candidate ends the round (RaftCore.becomeCandidate)
    }
  }
}
