package raftsim.core;

/** Why a node refused its vote (§5.2, §5.4.1). */
public enum VoteRefusal {
  /** The candidate's term is below the voter's currentTerm (§5.1). */
  STALE_TERM,
  /** The voter already voted for another candidate in this term (§5.2). */
  ALREADY_VOTED,
  /** The voter's log is more up to date than the candidate's (§5.4.1). */
  CANDIDATE_LOG_BEHIND,
  /**
   * The voter heard from a current leader within the minimum election timeout, so it sees no reason for
   * an election (PreVote, diss. §9.6; CheckQuorum's vote rule, diss. §4.2.3).
   */
  LEADER_HEARD
}
