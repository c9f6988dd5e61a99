package raftsim.core;

/** RequestVote RPC (§5.2, Figure 2): a candidate asks for a vote in {@code term}. */
public record RequestVote(int from, int to, long term, long lastLogIndex, long lastLogTerm) implements Message {}
