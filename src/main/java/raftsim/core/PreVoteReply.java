package raftsim.core;

/**
 * Reply to {@link PreVote}. A grant carries the term the pre-vote asked about, so it never raises the
 * asker's term; a refusal carries the voter's own term, and says why ({@code refusal} is null when
 * granted).
 */
public record PreVoteReply(int from, int to, long term, boolean granted, VoteRefusal refusal) implements Message {

  public static PreVoteReply grant(int from, int to, long term) {
    return new PreVoteReply(from, to, term, true, null);
  }

  public static PreVoteReply refuse(int from, int to, long term, VoteRefusal why) {
    return new PreVoteReply(from, to, term, false, why);
  }
}
