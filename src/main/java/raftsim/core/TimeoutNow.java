package raftsim.core;

/**
 * Leadership transfer (Raft dissertation §3.10): the leader, having brought {@code to}'s log up to date
 * with its own, tells it to stand for election at once, as if its election timer had fired.
 */
public record TimeoutNow(int from, int to, long term) implements Message {}
