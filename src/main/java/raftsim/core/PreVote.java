package raftsim.core;

/**
 * PreVote (Raft dissertation §9.6): before it increments its term, a node whose election timer fired
 * asks the voters whether they would vote for it in {@code term} (its current term + 1). Answering
 * changes nothing on the voter — not its term, not its vote, not its timer — so a node cut off from
 * the cluster can ask for ever without inflating anyone's term.
 */
public record PreVote(int from, int to, long term, long lastLogIndex, long lastLogTerm) implements Message {}
