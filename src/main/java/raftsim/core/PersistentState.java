package raftsim.core;

import java.util.List;

/**
 * What a node finds on stable storage when it starts: its hard state, its latest snapshot (null when
 * it has none) and the log entries after that snapshot. A fresh node starts from {@link #EMPTY}.
 */
public record PersistentState(HardState hardState, Snapshot snapshot, List<LogEntry> entries) {
  public static final PersistentState EMPTY = new PersistentState(HardState.INITIAL, null, List.of());

  public PersistentState {
    entries = List.copyOf(entries);
    long expected = snapshot == null ? 1 : snapshot.index() + 1;
    if (!entries.isEmpty() && entries.get(0).index() != expected) {
      throw new IllegalArgumentException("the log must start right after the snapshot, at " + expected);
    }
  }

  /** No snapshot: the log from index 1. */
  public PersistentState(HardState hardState, List<LogEntry> entries) {
    this(hardState, null, entries);
  }
}
