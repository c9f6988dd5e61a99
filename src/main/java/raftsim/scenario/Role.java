package raftsim.scenario;

import java.util.Locale;

/** The role an {@code expect} event may require a node to believe it has; CRASHED means it is down. */
public enum Role {
  LEADER,
  CANDIDATE,
  FOLLOWER,
  CRASHED;

  /** How a scenario file spells this role: the name in lower case. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
