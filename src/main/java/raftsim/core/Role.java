package raftsim.core;

/** The three roles of Raft (§5.1). */
public enum Role {
  FOLLOWER,
  CANDIDATE,
  LEADER;

  /** The lower-case name used in traces and on the wire. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
