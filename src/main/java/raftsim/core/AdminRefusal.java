package raftsim.core;

/** Why a node refused an operator's request: a leadership transfer or a membership change. */
public enum AdminRefusal {
  /** Only the leader transfers leadership or changes the membership. */
  NOT_LEADER,
  /** Leadership cannot be transferred to the leader itself. */
  TARGET_IS_SELF,
  /** Leadership goes only to a voting member of the current configuration (diss. §3.10). */
  NOT_A_VOTER,
  /** A leadership transfer is under way: the leader accepts no change until it completes or is aborted. */
  TRANSFER_IN_PROGRESS,
  /** The server to add is already a member (voter or learner) of the latest configuration. */
  ALREADY_MEMBER,
  /** The server to remove is not a member of the latest configuration. */
  NOT_MEMBER,
  /** The change would leave no voter at all. */
  LAST_VOTER,
  /** The leader has not yet committed an entry of its own term (diss. §4.1, the single-server bug fix). */
  NO_COMMIT_IN_TERM,
  /** A configuration change is appended but not yet committed: one change at a time (diss. §4.1). */
  CHANGE_IN_PROGRESS
}
