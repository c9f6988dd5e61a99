package raftsim.core;

import java.util.List;

/**
 * Everything the world must do after the core handled one input (after etcd-io/raft's Ready).
 *
 * <p>The driver's duty, in this order: make {@code hardState} and {@code logWrite} durable; only then
 * send {@code messages} (persist before send, Figure 2: a vote or an append acknowledgement must never
 * outrun the disk); deliver {@code replies} to clients; and arm one timer for {@code nextDeadline}.
 * Once the log write is durable it reports that back with {@link RaftCore#persisted}.
 *
 * @param hardState currentTerm and votedFor to persist, or null when unchanged
 * @param logWrite the log change to persist, or null when none
 * @param messages to send once the writes above (and every earlier one) are durable
 * @param applied committed entries applied to the state machine during this input
 * @param replies answers to clients
 * @param events what happened, in order, for traces and checks
 * @param nextDeadline the node-local time at which {@link RaftCore#tick} must next be called
 */
public record Ready(
    HardState hardState,
    LogWrite logWrite,
    List<Message> messages,
    List<AppliedEntry> applied,
    List<ClientReply> replies,
    List<CoreEvent> events,
    long nextDeadline) {

  /** True when the driver has something to make durable before sending. */
  public boolean mustPersist() {
    return hardState != null || logWrite != null;
  }
}
