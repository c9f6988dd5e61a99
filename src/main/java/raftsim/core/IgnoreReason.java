package raftsim.core;

/**
 * Why the core dropped an input without acting on it. The core never throws on what a faulty or
 * confused peer could send; it ignores it and says why, and the driver records that.
 */
public enum IgnoreReason {
  /**
   * The sender is not a node (id below 1) or is this node itself; or a reply came from a node this
   * leader does not replicate to (not a member of its configuration).
   */
  UNKNOWN_SENDER,
  /** A vote or pre-vote from a node that is not a voter of this node's configuration: it does not count. */
  NOT_A_VOTER,
  /** The message is addressed to another node. */
  NOT_ADDRESSED_TO_ME,
  /** A field is out of range (a negative term or index, entries not following prevLogIndex, ...). */
  MALFORMED,
  /** A reply from an older term: it answers a request this node no longer cares about (§5.1). */
  STALE_REPLY,
  /** A vote reply reached a node that is no longer a candidate. */
  NOT_CANDIDATE,
  /** An AppendEntries reply reached a node that is no longer leader. */
  NOT_LEADER,
  /** A second vote from the same voter in the same term: counted once (RAFT-CHECKLIST rule 6). */
  DUPLICATE_VOTE,
  /** A reply claims entries beyond this leader's log: it answers a request never sent. */
  REPLY_BEYOND_LOG,
  /** A refusal older than what the leader already knows about that follower (§5.3). */
  STALE_REJECTION,
  /** An AppendEntries from a second leader of this node's own term, impossible in a correct cluster. */
  SECOND_LEADER_IN_TERM,
  /** AppendEntries would remove committed entries: a correct leader never asks that (§5.4). */
  CONFLICTS_WITH_COMMITTED,
  /** A snapshot chunk that does not continue the snapshot being received (RAFT-CHECKLIST rule 25). */
  UNEXPECTED_CHUNK,
  /** A durability report for entries this log no longer holds (truncated meanwhile). */
  STALE_PERSIST_REPORT,
  /** A TimeoutNow of an older term, or to a node that leads already or is no voter (diss. §3.10). */
  CANNOT_STAND
}
