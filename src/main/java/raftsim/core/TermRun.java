package raftsim.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive log entries of one term, from {@code fromIndex} up to the next run's start. A log's
 * terms never decrease, so a handful of runs describe any log: traces use them to tell which term each
 * entry has without listing every entry.
 */
public record TermRun(long fromIndex, long term) {

  /** The runs of {@code entries.subList(from, size)}, which are consecutive; empty when all share one term. */
  public static List<TermRun> of(List<LogEntry> entries, int from) {
    if (from >= entries.size() || entries.get(from).term() == entries.get(entries.size() - 1).term()) {
      return List.of(); // one term (terms never decrease along a log): the common case allocates nothing
    }
    return all(entries.subList(from, entries.size()));
  }

  /** Every run of {@code entries}, which are consecutive, even when there is only one. */
  public static List<TermRun> all(List<LogEntry> entries) {
    List<TermRun> runs = new ArrayList<>();
    long term = -1;
    for (LogEntry e : entries) {
      if (e.term() != term) {
        runs.add(new TermRun(e.index(), e.term()));
        term = e.term();
      }
    }
    return List.copyOf(runs);
  }

  /** The runs as JSON text, {@code [[fromIndex,term],...]}. */
  public static String json(List<TermRun> runs) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < runs.size(); i++) {
      b.append(i == 0 ? "[" : ",[").append(runs.get(i).fromIndex()).append(',').append(runs.get(i).term()).append(']');
    }
    return b.append(']').toString();
  }
}
