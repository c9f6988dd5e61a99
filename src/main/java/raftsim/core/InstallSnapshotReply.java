package raftsim.core;

/**
 * Reply to {@link InstallSnapshot}: how many bytes of that snapshot the follower now holds in order
 * ({@code nextOffset}, where the next chunk must start), and whether it has installed it.
 */
public record InstallSnapshotReply(int from, int to, long term, long lastIncludedIndex, long nextOffset, boolean installed)
    implements Message {}
