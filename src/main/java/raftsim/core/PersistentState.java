package raftsim.core;

import java.util.List;

/**
 * What a node finds on stable storage when it starts: its hard state and its log. A fresh node starts
 * from {@link #EMPTY}.
 */
public record PersistentState(HardState hardState, List<LogEntry> entries) {
  public static final PersistentState EMPTY = new PersistentState(HardState.INITIAL, List.of());

  public PersistentState {
    entries = List.copyOf(entries);
  }
}
