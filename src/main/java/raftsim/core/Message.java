package raftsim.core;

/**
 * Every message one node sends another. Each record is one message type of the protocol; the trace
 * names them by {@link #type()}.
 */
public sealed interface Message
    permits RequestVote, RequestVoteReply, AppendEntries, AppendEntriesReply, InstallSnapshot, InstallSnapshotReply,
        ReadIndex, ReadIndexReply, PreVote, PreVoteReply, TimeoutNow {

  int from();

  int to();

  /** The sender's currentTerm when it sent the message (§5.1). */
  long term();

  /** The message type as the trace and the wire name it. */
  default String type() {
    return getClass().getSimpleName();
  }
}
