package raftsim.core;

/**
 * A follower asks the leader for a read index on behalf of one of its clients (diss. §6.4): the leader
 * confirms its leadership and answers with its commit index, after which the follower may serve the
 * read from its own state once it has applied that far.
 */
public record ReadIndex(int from, int to, long term, long readId) implements Message {}
