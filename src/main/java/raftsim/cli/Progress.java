package raftsim.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr — runs done, runs per second, failures, time left — redrawn in
 * place at most five times a second. Silent when stderr is not a terminal, so logs stay clean.
 */
final class Progress {
  private final PrintWriter err;
  private final boolean enabled;
  private final long runsInShard;
  private long lastDrawn;

  /** @param total runs in the whole campaign (Long.MAX_VALUE when bounded by time); shard {i, n} */
  Progress(PrintWriter err, boolean terminal, long total, long[] shard) {
    this.err = err;
    this.enabled = terminal;
    this.runsInShard = total == Long.MAX_VALUE ? -1 : (total - shard[0] + shard[1] - 1) / shard[1];
  }

  void update(FuzzCommand.Tally tally, long startNanos) {
    long now = System.nanoTime();
    if (!enabled || now - lastDrawn < 200_000_000L) {
      return;
    }
    lastDrawn = now;
    double seconds = (now - startNanos) / 1e9;
    double rate = tally.runs / Math.max(seconds, 1e-9);
    String left = runsInShard < 0 ? "" : String.format(Locale.ROOT, ", %s left",
        clock((long) ((runsInShard - tally.runs) / Math.max(rate, 1e-9))));
    String total = runsInShard < 0 ? "" : "/" + runsInShard;
    err.printf(Locale.ROOT, "\r%,d%s runs, %.1f runs/s, %,d failed%s   ", tally.runs, total, rate, tally.failed, left);
    err.flush();
  }

  void done() {
    if (enabled && lastDrawn != 0) {
      err.println();
      err.flush();
    }
  }

  private static String clock(long seconds) {
    return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60)
        : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }
}
