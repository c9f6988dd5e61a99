package raftsim.core;

/** Why a follower refused AppendEntries (§5.3). */
public enum AppendRejection {
  /** The leader's term is below the follower's currentTerm (§5.1). */
  STALE_TERM,
  /** The follower has no entry at prevLogIndex (§5.3). */
  LOG_TOO_SHORT,
  /** The follower's entry at prevLogIndex has another term than prevLogTerm (§5.3). */
  PREV_TERM_MISMATCH
}
