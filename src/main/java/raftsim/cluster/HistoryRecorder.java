package raftsim.cluster;

import raftsim.check.history.History;

/**
 * Records what concurrent clients did into one history, in real-time order: an invocation is recorded before
 * its request goes out and a completion after its answer came back, each under one lock, so the order of the
 * events is an order they really happened in. Times are milliseconds since the recorder was made.
 */
public final class HistoryRecorder {
  private final History.Builder builder = new History.Builder();
  private final long startNanos = System.nanoTime();
  private long nextOpId = 1;

  /** Records that {@code client} issued {@code command}; returns the operation's id. */
  public synchronized long invoke(int client, String command) {
    long opId = nextOpId++;
    builder.invoke(opId, client, elapsedMs(), command);
    return opId;
  }

  /** Records how operation {@code opId} of {@code client} ended. */
  public synchronized void complete(long opId, int client, Completion c) {
    switch (c.outcome()) {
      case OK -> builder.ok(opId, client, elapsedMs(), c.text());
      case FAIL -> builder.fail(opId, client, elapsedMs(), c.text());
      default -> builder.info(opId, client, elapsedMs(), c.text());
    }
  }

  /** A comment line in the history, e.g. what the nemesis did at this point. */
  public synchronized void comment(String text) {
    builder.comment(text);
  }

  /** Milliseconds since the recorder was made. */
  public long elapsedMs() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** The history so far; operations still running are pending. */
  public synchronized History build() {
    return builder.build();
  }
}
