package raftsim.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The log: entries {@code snapshotIndex + 1 .. lastIndex}, after a compacted prefix that ends at
 * ({@code snapshotIndex}, {@code snapshotTerm}). Index 0 with term 0 stands for the empty prefix, so
 * "the entry at prevLogIndex 0" always matches. The prefix is covered by the node's latest snapshot,
 * which may reach further: a node keeps a margin of entries before its snapshot.
 */
public final class RaftLog implements LogView {
  private final ArrayList<LogEntry> entries = new ArrayList<>();
  private long snapshotIndex;
  private long snapshotTerm;
  /** The configuration in force at snapshotIndex (diss. §4.1): the snapshot's, or the cluster's first. */
  private Configuration baseConfiguration;
  /** The configuration entries after snapshotIndex, in log order: few, so a list is enough. */
  private final ArrayList<LogEntry> configEntries = new ArrayList<>();

  RaftLog(long snapshotIndex, long snapshotTerm, Configuration baseConfiguration, List<LogEntry> suffix) {
    this.snapshotIndex = snapshotIndex;
    this.snapshotTerm = snapshotTerm;
    this.baseConfiguration = baseConfiguration;
    long expected = snapshotIndex + 1;
    for (LogEntry e : suffix) {
      if (e.index() != expected) {
        throw new IllegalArgumentException("log entries must be consecutive: expected " + expected + ", got " + e.index());
      }
      expected++;
      noteConfiguration(e);
    }
    entries.addAll(suffix);
  }

  private void noteConfiguration(LogEntry e) {
    if (e.payload() instanceof Payload.Config) {
      configEntries.add(e);
    }
  }

  /**
   * The latest configuration in this log, committed or not: diss. §4.1, a configuration is in force on
   * a node as soon as it is appended.
   */
  @Override
  public Configuration configuration() {
    return configEntries.isEmpty() ? baseConfiguration
        : ((Payload.Config) configEntries.get(configEntries.size() - 1).payload()).configuration();
  }

  /**
   * The index of the entry that holds {@link #configuration()}; the snapshot's index when that
   * configuration came with the snapshot (or the cluster's start), which is committed either way.
   */
  @Override
  public long configurationIndex() {
    return configEntries.isEmpty() ? snapshotIndex : configEntries.get(configEntries.size() - 1).index();
  }

  /** The configuration in force at {@code index}, which must be at least snapshotIndex. */
  Configuration configurationAt(long index) {
    for (int i = configEntries.size() - 1; i >= 0; i--) {
      LogEntry e = configEntries.get(i);
      if (e.index() <= index) {
        return ((Payload.Config) e.payload()).configuration();
      }
    }
    return baseConfiguration;
  }

  @Override
  public long snapshotIndex() {
    return snapshotIndex;
  }

  @Override
  public long snapshotTerm() {
    return snapshotTerm;
  }

  @Override
  public long lastIndex() {
    return snapshotIndex + entries.size();
  }

  @Override
  public long lastTerm() {
    return entries.isEmpty() ? snapshotTerm : entries.get(entries.size() - 1).term();
  }

  @Override
  public long termAt(long index) {
    if (index == snapshotIndex) {
      return snapshotTerm;
    }
    if (index < snapshotIndex || index > lastIndex()) {
      return UNKNOWN_TERM;
    }
    return entries.get((int) (index - snapshotIndex - 1)).term();
  }

  @Override
  public LogEntry entry(long index) {
    if (index <= snapshotIndex || index > lastIndex()) {
      throw new IndexOutOfBoundsException("no entry " + index + " in log " + (snapshotIndex + 1) + ".." + lastIndex());
    }
    return entries.get((int) (index - snapshotIndex - 1));
  }

  /** Entries {@code from..to} (inclusive, clamped to what the log holds) as an immutable list. */
  @Override
  public List<LogEntry> slice(long from, long to) {
    long lo = Math.max(from, snapshotIndex + 1);
    long hi = Math.min(to, lastIndex());
    if (lo > hi) {
      return List.of();
    }
    int first = (int) (lo - snapshotIndex - 1);
    // Most requests carry one or two entries: List.of makes those without an array copy.
    return switch ((int) (hi - lo)) {
      case 0 -> List.of(entries.get(first));
      case 1 -> List.of(entries.get(first), entries.get(first + 1));
      default -> List.copyOf(entries.subList(first, (int) (hi - snapshotIndex)));
    };
  }

  /** The first index of the run of entries with {@code term} that contains {@code index}. */
  long firstIndexOfTermAt(long index) {
    long term = termAt(index);
    long i = index;
    while (i - 1 > snapshotIndex && termAt(i - 1) == term) {
      i--;
    }
    return i;
  }

  /** The last index holding an entry of {@code term}, or -1 when the log has none (the prefix counts). */
  long lastIndexOfTerm(long term) {
    for (long i = lastIndex(); i > snapshotIndex; i--) {
      long t = termAt(i);
      if (t == term) {
        return i;
      }
      if (t < term) {
        return -1;
      }
    }
    return snapshotTerm == term ? snapshotIndex : -1;
  }

  void append(LogEntry e) {
    if (e.index() != lastIndex() + 1) {
      throw new IllegalStateException("append at " + e.index() + " but last index is " + lastIndex());
    }
    entries.add(e);
    noteConfiguration(e);
  }

  /**
   * Compacts the log up to {@code index}, which must be held: the entries up to it are dropped and
   * ({@code index}, its term) becomes the prefix's end (§7).
   */
  void compactTo(long index) {
    if (index <= snapshotIndex || index > lastIndex()) {
      throw new IllegalStateException("cannot compact to " + index + " in log " + (snapshotIndex + 1) + ".." + lastIndex());
    }
    long term = termAt(index);
    baseConfiguration = configurationAt(index);
    configEntries.removeIf(e -> e.index() <= index);
    entries.subList(0, (int) (index - snapshotIndex)).clear();
    snapshotIndex = index;
    snapshotTerm = term;
  }

  /**
   * Discards every entry: the log is now just the prefix ending at ({@code index}, {@code term}), in
   * which {@code configuration} is in force.
   */
  void resetTo(long index, long term, Configuration configuration) {
    entries.clear();
    configEntries.clear();
    baseConfiguration = configuration;
    snapshotIndex = index;
    snapshotTerm = term;
  }

  /** The number of entries held after the compacted prefix. */
  int size() {
    return entries.size();
  }

  /** Deletes the entries at {@code index} and after. */
  void truncateFrom(long index) {
    if (index <= snapshotIndex) {
      throw new IllegalStateException("cannot truncate into the compacted prefix at " + index);
    }
    int keep = (int) (index - snapshotIndex - 1);
    entries.subList(keep, entries.size()).clear();
    configEntries.removeIf(e -> e.index() >= index); // diss. §4.1: a truncated configuration is undone
  }
}
