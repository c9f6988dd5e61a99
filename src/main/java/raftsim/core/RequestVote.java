package raftsim.core;

/**
 * RequestVote RPC (§5.2, Figure 2): a candidate asks for a vote in {@code term}.
 *
 * @param transfer the candidate stands because the leader handed over office (TimeoutNow, diss. §3.10):
 *     voters then answer even if they heard from that leader a moment ago (diss. §4.2.3)
 */
public record RequestVote(int from, int to, long term, long lastLogIndex, long lastLogTerm, boolean transfer)
    implements Message {

  /** An ordinary request, not part of a leadership transfer. */
  public RequestVote(int from, int to, long term, long lastLogIndex, long lastLogTerm) {
    this(from, to, term, lastLogIndex, lastLogTerm, false);
  }
}
