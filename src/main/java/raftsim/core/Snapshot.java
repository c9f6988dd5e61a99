package raftsim.core;

/**
 * A snapshot (§7): the state machine after applying every entry up to {@code index}, whose entry had
 * {@code term} — lastIncludedIndex and lastIncludedTerm in the paper. The client sessions are part of
 * the state machine's data (RAFT-CHECKLIST rule 23).
 *
 * @param configuration the configuration in force at {@code index} (diss. §4.1): a node that restarts
 *     from this snapshot, or installs it, knows its cluster from it. Null only for a snapshot written
 *     before configurations were stored; the node then takes the configuration it was started with.
 */
public record Snapshot(long index, long term, SnapshotData data, Configuration configuration) {
  public Snapshot {
    if (index < 1 || term < 1 || data == null) {
      throw new IllegalArgumentException("bad snapshot: index " + index + ", term " + term);
    }
  }

  /** A snapshot without a stored configuration: the node's starting one applies. */
  public Snapshot(long index, long term, SnapshotData data) {
    this(index, term, data, null);
  }
}
