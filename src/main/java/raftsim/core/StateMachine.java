package raftsim.core;

/**
 * The replicated state machine the core applies committed commands to, in index order, exactly once
 * per index on each node (§5.3). Implementations must be deterministic: every node applying the same
 * commands reaches the same state and returns the same results.
 */
public interface StateMachine {
  /** Applies one committed command and returns its result. Must not throw on any command text. */
  String apply(Payload.Command command);
}
