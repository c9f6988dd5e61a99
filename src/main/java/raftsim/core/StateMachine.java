package raftsim.core;

/**
 * The replicated state machine the core applies committed commands to, in index order, exactly once
 * per index on each node (§5.3). Implementations must be deterministic: every node applying the same
 * commands reaches the same state, returns the same results and produces the same snapshot bytes.
 */
public interface StateMachine {
  /** Applies one committed command and returns its result. Must not throw on any command text. */
  String apply(Payload.Command command);

  /**
   * Answers a read-only command from the current state without changing anything, not even the
   * client sessions (a ReadIndex read, diss. §6.4). Must not throw on any command text.
   */
  String read(String command);

  /** True when {@code command} only reads, so it may be served by ReadIndex instead of the log. */
  boolean isReadOnly(String command);

  /** The whole state, client sessions included (RAFT-CHECKLIST rule 23), frozen now. */
  SnapshotData snapshot();

  /** Replaces the whole state with a snapshot's (§7). */
  void restore(SnapshotData snapshot);
}
