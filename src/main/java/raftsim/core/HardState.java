package raftsim.core;

/**
 * The state Figure 2 requires on stable storage besides the log: currentTerm and votedFor.
 *
 * @param votedFor the candidate voted for in {@code term}, or {@link #NO_VOTE}
 */
public record HardState(long term, int votedFor) {
  /** Node ids start at 1, so 0 means "voted for nobody in this term". */
  public static final int NO_VOTE = 0;

  public static final HardState INITIAL = new HardState(0, NO_VOTE);

  public HardState {
    if (term < 0 || votedFor < 0) {
      throw new IllegalArgumentException("bad hard state: term " + term + ", votedFor " + votedFor);
    }
  }
}
