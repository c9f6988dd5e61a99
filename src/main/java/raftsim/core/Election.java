package raftsim.core;

/** Leader election: standing for election, voting, and counting votes (§5.2, §5.4.1). */
final class Election {
  private final RaftCore core;
  /** This candidacy was started by TimeoutNow (diss. §3.10). */
  private boolean transfer;
  /** This candidate wins by its own vote alone, and waits for that vote to be durable (rule 16). */
  private boolean ownVoteAwaited;

  Election(RaftCore core) {
    this.core = core;
  }

  /**
   * The election timer fired. With PreVote (diss. §9.6) the node first asks whether it could win;
   * without, it stands for election in a new term at once (§5.2).
   */
  void timeout(long now, Output out) {
    if (!core.mayStand()) {
      // A learner, a server not yet added or one removed does not stand (diss. §4.2.1, §4.2.3). Nor does
      // it go on pointing clients at a leader it has not heard from for a whole election timeout: two
      // servers could send a client back and forth between them for ever (diss. §6.2).
      core.forgetLeader(out);
      core.resetElectionTimer(now);
      return;
    }
    if (core.config.preVote()) {
      core.preVoting().start(now, out);
    } else {
      start(now, out);
    }
  }

  /** Stand for election in a new term (§5.2). */
  void start(long now, Output out) {
    start(now, false, out);
  }

  /**
   * Stand for election in a new term (§5.2); {@code transfer} when the leader handed over office
   * (diss. §3.10), which the RequestVotes say so that voters answer them at once.
   */
  void start(long now, boolean transfer, Output out) {
    core.becomeCandidate(now, out);
    this.transfer = transfer;
    RaftLog log = core.log;
    out.event(new CoreEvent.ElectionStarted(core.currentTerm, log.lastIndex(), log.lastTerm()));
    ownVoteAwaited = core.votesGranted >= Quorum.majority(core.voters.length);
    if (ownVoteAwaited) {
      // The only voter elects itself — once its vote is durable (rule 16), not before: a crash would
      // take the vote back with the term, and the node, restarted in the term before, could vote again
      // in this term for another candidate that its configuration does not know (a server being
      // removed, or one with an older configuration): two leaders of one term.
      core.voteRetryAt = Long.MAX_VALUE;
      return;
    }
    askUnanswered(now, out);
  }

  /**
   * Storage made ({@code term}, {@code votedFor}) durable: a candidate that wins by its own vote alone
   * takes office now (RAFT-CHECKLIST rule 16: its vote counts only once durable).
   */
  void onHardStatePersisted(long term, int votedFor, long now, Output out) {
    if (ownVoteAwaited && core.role == Role.CANDIDATE && term == core.currentTerm && votedFor == core.id) {
      ownVoteAwaited = false;
      core.becomeLeader(now, out);
    }
  }

  /** The candidate asks again every voter that has not answered yet: requests and replies get lost. */
  void retry(long now, Output out) {
    askUnanswered(now, out);
  }

  private void askUnanswered(long now, Output out) {
    RaftLog log = core.log;
    for (int peer : core.peers) {
      if (!core.voteAnswered[core.position(peer)]) {
        out.send(new RequestVote(core.id, peer, core.currentTerm, log.lastIndex(), log.lastTerm(), transfer));
      }
    }
    core.voteRetryAt = now + core.config.heartbeatMs();
  }

  /** RequestVote receiver implementation (Figure 2). The term was already brought up to date. */
  void onRequestVote(RequestVote rv, long now, Output out) {
    VoteRefusal refusal = null;
    if (rv.term() < core.currentTerm) {
      refusal = VoteRefusal.STALE_TERM; // §5.1
    } else if (core.votedFor != HardState.NO_VOTE && core.votedFor != rv.from()) {
      refusal = VoteRefusal.ALREADY_VOTED; // §5.2: at most one vote per term
    } else if (!candidateUpToDate(rv)) {
      refusal = VoteRefusal.CANDIDATE_LOG_BEHIND; // §5.4.1
    }
    if (refusal != null) {
      RaftLog log = core.log;
      out.event(new CoreEvent.VoteRefused(rv.from(), rv.term(), refusal, log.lastTerm(), log.lastIndex(),
          rv.lastLogTerm(), rv.lastLogIndex(), core.votedFor));
      // Rule 4: refusing a vote does not reset the election timer.
      out.send(RequestVoteReply.refuse(core.id, rv.from(), core.currentTerm, refusal));
      return;
    }
    if (core.votedFor != rv.from()) {
      core.votedFor = rv.from();
      out.hardStateChanged(); // rule 16: the vote is durable before the reply leaves
    }
    core.resetElectionTimer(now); // rule 4(a)
    out.event(new CoreEvent.VoteGranted(rv.from(), rv.term()));
    out.send(RequestVoteReply.grant(core.id, rv.from(), core.currentTerm));
  }

  /**
   * §5.4.1: the candidate's log is at least as up to date as ours when its last term is higher, or
   * equal with a last index at least ours (with snapshots, "last" includes the snapshot's).
   */
  private boolean candidateUpToDate(RequestVote rv) {
    return upToDate(rv.lastLogIndex(), rv.lastLogTerm());
  }

  /** §5.4.1 for a log that ends at ({@code lastIndex}, {@code lastTerm}). */
  boolean upToDate(long lastIndex, long lastTerm) {
    long ownLastTerm = core.log.lastTerm();
    if (lastTerm != ownLastTerm) {
      return lastTerm > ownLastTerm;
    }
    return lastIndex >= core.log.lastIndex();
  }

  /**
   * A vote reply. Only replies of the current term count, and each voter once (RAFT-CHECKLIST rule 6).
   *
   * @param adopted the reply carried a higher term, which already made this node a follower
   */
  void onVoteReply(RequestVoteReply r, boolean adopted, long now, Output out) {
    if (adopted) {
      return;
    }
    // Rule 2. A term refusal that did not raise our term answers our request of an earlier election;
    // grants and other refusals always carry the term of the request they answer.
    if (r.term() < core.currentTerm || r.refusal() == VoteRefusal.STALE_TERM) {
      out.event(new CoreEvent.Ignored(r.type(), r.from(), IgnoreReason.STALE_REPLY));
      return;
    }
    if (core.role != Role.CANDIDATE) {
      out.event(new CoreEvent.Ignored(r.type(), r.from(), IgnoreReason.NOT_CANDIDATE));
      return;
    }
    if (!core.countVote(r, r.granted(), out)) {
      return;
    }
    int needed = Quorum.majority(core.voters.length);
    out.event(new CoreEvent.VoteCounted(r.from(), r.term(), r.granted(), core.votesGranted, needed));
    if (core.votesGranted >= needed) {
      core.becomeLeader(now, out);
    }
  }
}
