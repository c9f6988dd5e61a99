package raftsim.core;

/** One entry of the replicated log. Immutable, so the simulator can share one instance between nodes. */
public record LogEntry(long index, long term, Payload payload) {
  public LogEntry {
    if (index < 1 || term < 0 || payload == null) {
      throw new IllegalArgumentException("bad entry: index " + index + ", term " + term);
    }
  }
}
