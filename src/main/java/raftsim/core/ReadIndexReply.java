package raftsim.core;

/**
 * The leader's answer to {@link ReadIndex}: when {@code ok}, the read index the follower must apply up
 * to before serving read {@code readId}; otherwise the node is not (or no longer) leader and
 * {@code leaderHint} names the leader it knows of (0 when none).
 */
public record ReadIndexReply(int from, int to, long term, long readId, boolean ok, long readIndex, int leaderHint)
    implements Message {}
