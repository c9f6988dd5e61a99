package raftsim.core;

/**
 * A snapshot (§7): the state machine after applying every entry up to {@code index}, whose entry had
 * {@code term} — lastIncludedIndex and lastIncludedTerm in the paper. The client sessions are part of
 * the state machine's data (RAFT-CHECKLIST rule 23).
 */
public record Snapshot(long index, long term, SnapshotData data) {
  public Snapshot {
    if (index < 1 || term < 1 || data == null) {
      throw new IllegalArgumentException("bad snapshot: index " + index + ", term " + term);
    }
  }
}
