package raftsim.sim;

/** How a node serves a client's read-only command. */
public enum ReadMode {
  /** ReadIndex (diss. §6.4): confirm leadership with a heartbeat round, then read the state machine. */
  READ_INDEX,
  /** Through the log like a write: slower, kept for comparison. */
  LOG
}
