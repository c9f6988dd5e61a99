package raftsim.core;

/** Read-only view of a leader's replication progress for one follower. */
public interface ProgressView {
  int peer();

  long nextIndex();

  long matchIndex();

  /** True when the leader streams entries to this follower; false while it probes for a match. */
  boolean replicating();
}
