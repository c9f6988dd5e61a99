package raftsim.core;

import java.util.List;

/**
 * A change the driver must make durable: discard every stored entry at index {@code fromIndex} or
 * above, then store {@code entries} (which start at {@code fromIndex}, and may be empty when the
 * change only truncates).
 */
public record LogWrite(long fromIndex, List<LogEntry> entries) {
  public LogWrite {
    entries = List.copyOf(entries);
    if (!entries.isEmpty() && entries.get(0).index() != fromIndex) {
      throw new IllegalArgumentException("entries start at " + entries.get(0).index() + ", not " + fromIndex);
    }
  }

  /** Index of the last entry written, or fromIndex - 1 when only truncating. */
  public long lastIndex() {
    return fromIndex + entries.size() - 1;
  }
}
