package raftsim.core;

/** The core's answer to a {@link ClientRequest}. */
public sealed interface ClientReply {
  long clientId();

  long seq();

  /** The command was applied; {@code result} is the state machine's answer (diss. §6.3). */
  record Applied(long clientId, long seq, long index, String result) implements ClientReply {}

  /**
   * This node is not the leader and did not append the command; {@code leaderHint} names the leader
   * it knows of (0 when none). The command was not appended here, but an earlier attempt of the same
   * session sequence elsewhere may still be applied.
   */
  record NotLeader(long clientId, long seq, int leaderHint) implements ClientReply {}

  /**
   * The command was appended while this node led, but the node lost leadership before it was applied.
   * It may still commit under the next leader, so the outcome is unknown (RAFT-CHECKLIST rule 19) —
   * never "failed".
   */
  record OutcomeUnknown(long clientId, long seq, int leaderHint) implements ClientReply {}
}
