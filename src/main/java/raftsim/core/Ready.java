package raftsim.core;

import java.util.List;

/**
 * Everything the world must do after the core handled one input (after etcd-io/raft's Ready).
 *
 * <p>The driver's duty, in this order: make {@code hardState}, {@code snapshot} and {@code logWrite}
 * durable (the snapshot before the log write: it replaces the log up to its index); only then send
 * {@code messages} (persist before send, Figure 2: a vote or an acknowledgement must never outrun the
 * disk); deliver {@code replies} to clients; and arm one timer for {@code nextDeadline}. Once the writes
 * are durable it reports that back with {@link RaftCore#persisted}: the last entry written, or the
 * snapshot's index and term when no entry was.
 *
 * @param hardState currentTerm and votedFor to persist, or null when unchanged
 * @param logWrite the log change to persist, or null when none
 * @param snapshot a snapshot to persist (taken here, or installed from the leader), or null
 * @param messages to send once the writes above (and every earlier one) are durable
 * @param applied committed entries applied to the state machine during this input
 * @param replies answers to clients
 * @param events what happened, in order, for traces and checks (empty when reporting is off)
 * @param nextDeadline the node-local time at which {@link RaftCore#tick} must next be called;
 *     Long.MAX_VALUE when nothing is timed (a leader with no followers)
 */
public record Ready(
    HardState hardState,
    LogWrite logWrite,
    Snapshot snapshot,
    List<Message> messages,
    List<AppliedEntry> applied,
    List<ClientReply> replies,
    List<CoreEvent> events,
    long nextDeadline) {

  /** True when the driver has something to make durable before sending. */
  public boolean mustPersist() {
    return hardState != null || logWrite != null || snapshot != null;
  }
}
