package raftsim.core;

/**
 * Reply to {@link RequestVote}. A refusal says why ({@code refusal} is null when granted), so a trace
 * can explain it.
 */
public record RequestVoteReply(int from, int to, long term, boolean granted, VoteRefusal refusal)
    implements Message {

  public static RequestVoteReply grant(int from, int to, long term) {
    return new RequestVoteReply(from, to, term, true, null);
  }

  public static RequestVoteReply refuse(int from, int to, long term, VoteRefusal why) {
    return new RequestVoteReply(from, to, term, false, why);
  }
}
