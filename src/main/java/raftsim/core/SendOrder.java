package raftsim.core;

/**
 * Which messages of a {@link Ready} may leave before that Ready's own writes are durable.
 *
 * <p>"Persist before send" protects promises: a vote and an acknowledgement of entries must never
 * outrun the disk. A leader's AppendEntries and snapshot chunks promise nothing about its own disk,
 * so it may send them while it writes the same entries itself, in parallel (diss. §10.2.1): it counts
 * itself toward a commit only once {@link RaftCore#persisted} says its copy is durable, so an entry a
 * crash takes from the leader is committed only if a majority of followers hold it. This is what takes
 * the leader's fsync off the critical path of every write.
 *
 * <p>The leader's term and vote must already be durable, since every message carries the term: a
 * driver sends early only when no hard-state write is pending (one always is until a new candidate's
 * RequestVotes can go, so by the time it leads it is durable — except in a cluster where it is the only
 * voter, hence the check).
 */
public final class SendOrder {
  private SendOrder() {}

  /** True when {@code m} may be sent before the sender's pending writes are durable. */
  public static boolean mayPrecedeOwnWrites(Message m) {
    return m instanceof AppendEntries || m instanceof InstallSnapshot;
  }
}
