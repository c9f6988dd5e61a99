package raftsim.sim;

/** What became of the client operations: invoked = ok + failed + indeterminate. */
public record ClientCounts(long invoked, long ok, long failed, long indeterminate) {}
