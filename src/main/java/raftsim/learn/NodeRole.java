package raftsim.learn;

import java.util.Locale;

/** What a node is at a moment of the trace: one of Raft's three roles (§5.1), or down. */
public enum NodeRole {
  FOLLOWER,
  CANDIDATE,
  LEADER,
  CRASHED;

  /** The lower-case name traces use. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role a trace names, e.g. {@code "leader"}; null for another word. */
  public static NodeRole of(String wire) {
    for (NodeRole r : values()) {
      if (r.wireName().equals(wire)) {
        return r;
      }
    }
    return null;
  }
}
