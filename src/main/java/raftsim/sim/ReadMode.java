package raftsim.sim;

/** How a node serves a client's read-only command. */
public enum ReadMode {
  /**
   * Through the core's read path: ReadIndex (diss. §6.4), confirming leadership with a heartbeat round,
   * or the leader's lease (§6.4.1) when the core is configured for lease reads.
   */
  READ_INDEX,
  /** Through the log like a write: slower, kept for comparison. */
  LOG
}
