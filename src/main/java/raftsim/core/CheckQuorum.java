package raftsim.core;

/**
 * CheckQuorum (Raft dissertation §6.2, §4.2.3), both halves:
 *
 * <ul>
 *   <li>A leader that has not heard from a majority of the voters (itself included) within the
 *       minimum election timeout steps down. A leader stranded in a minority learns so, answers its
 *       waiting clients "outcome unknown" and stops serving; without this it would keep the leader
 *       role until it hears of a higher term.
 *   <li>A node that has heard from a current leader within the minimum election timeout refuses a
 *       RequestVote of a higher term <em>without adopting that term</em>, so a server that is partitioned
 *       or removed from the configuration cannot depose a healthy leader. This is also what makes
 *       leader leases safe (RAFT-CHECKLIST rule 22(a)).
 * </ul>
 */
final class CheckQuorum {
  private final RaftCore core;

  CheckQuorum(RaftCore core) {
    this.core = core;
  }

  /**
   * Diss. §4.2.3: a RequestVote of a higher term reached a node that heard from a current leader within
   * the minimum election timeout: it refuses, keeps its term, and does not reset its timer (rule 4).
   * Returns false, doing nothing, when the rule does not apply.
   */
  boolean refusesVote(RequestVote rv, long now, Output out) {
    if (!core.config.checkQuorum() || rv.transfer() || !core.heardFromLeader(now)) {
      return false; // diss. §4.2.3: a transfer's election is the leader's own wish, answered at once
    }
    RaftLog log = core.log;
    out.event(new CoreEvent.VoteRefused(rv.from(), rv.term(), VoteRefusal.LEADER_HEARD, log.lastTerm(),
        log.lastIndex(), rv.lastLogTerm(), rv.lastLogIndex(), core.votedFor));
    out.send(RequestVoteReply.refuse(core.id, rv.from(), core.currentTerm, VoteRefusal.LEADER_HEARD));
    return true;
  }

  /** Diss. §6.2: a leader that has not heard from a majority for an election timeout steps down. */
  void check(long now, Output out) {
    if (!core.config.checkQuorum() || core.role != Role.LEADER) {
      return;
    }
    long heardAt = quorumHeardAt();
    if (now - heardAt < core.config.electionTimeoutMinMs()) {
      return;
    }
    out.event(new CoreEvent.QuorumLost(core.currentTerm, heardAt, core.config.electionTimeoutMinMs()));
    core.becomeFollower(HardState.NO_VOTE, now, out);
  }

  /** When a leader must next look whether it still hears from a majority; Long.MAX_VALUE when it need not. */
  long deadline() {
    if (!core.config.checkQuorum() || core.role != Role.LEADER) {
      return Long.MAX_VALUE;
    }
    long heardAt = quorumHeardAt();
    return heardAt == Long.MAX_VALUE ? Long.MAX_VALUE : heardAt + core.config.electionTimeoutMinMs();
  }

  /**
   * The latest time by which a majority of the voters had been heard from: the leader itself counts as
   * heard now (Long.MAX_VALUE), each follower at its last answer. A majority heard after this moment.
   */
  private long quorumHeardAt() {
    long[] heard = core.matchScratch;
    int i = 0;
    for (int voter : core.voters) {
      heard[i++] = voter == core.id ? Long.MAX_VALUE : core.progressOf(voter).lastHeardAt();
    }
    return Quorum.majorityMatch(heard);
  }
}
