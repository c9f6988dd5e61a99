package raftsim.core;

import java.util.List;

/** Read-only view of a node's log for drivers, checkers and tools. */
public interface LogView {
  /** Returned by {@link #termAt} for an index the log does not hold. */
  long UNKNOWN_TERM = -1;

  long snapshotIndex();

  long snapshotTerm();

  long lastIndex();

  long lastTerm();

  /** The term of the entry at {@code index}; the snapshot's term at its index; else {@link #UNKNOWN_TERM}. */
  long termAt(long index);

  /** The entry at {@code index}, which must lie after the snapshot and at most at lastIndex. */
  LogEntry entry(long index);

  /** Entries {@code from..to}, inclusive, clamped to the entries held. */
  List<LogEntry> slice(long from, long to);

  /** The latest configuration in the log, appended or committed (diss. §4.1). */
  Configuration configuration();

  /** The index of the entry holding {@link #configuration()}, or the snapshot's index when it came with it. */
  long configurationIndex();
}
