package raftsim.check.linearizability;

import java.time.Duration;
import raftsim.check.history.History;
import raftsim.check.history.HistoryParseException;
import raftsim.check.history.RaftsimHistoryReader;

/** Helpers for tests that write small raftsim histories inline. */
final class Histories {
  private Histories() {}

  /** Parses the event lines (the header is added). */
  static History raftsim(String... lines) {
    StringBuilder b = new StringBuilder("raftsim-history 1\n");
    for (String line : lines) {
      b.append(line).append('\n');
    }
    try {
      return RaftsimHistoryReader.read("test.history", b.toString());
    } catch (HistoryParseException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** Checks with the raftsim key-value model and a generous budget. */
  static Verdict check(History history) {
    return TestChecks.check(history, new KvModel(), Duration.ofSeconds(30));
  }
}
