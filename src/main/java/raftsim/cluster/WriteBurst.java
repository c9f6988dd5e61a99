package raftsim.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import raftsim.check.history.Outcome;

/**
 * Bursts of concurrent APPENDs, for the nemesis to kill the leader right after one: the writes it just
 * acknowledged are the freshest, the likeliest to be lost if a commit were answered too early. Each write of each
 * burst is a client of its own in the history and a session of its own on the cluster, so a burst never waits for
 * the one before.
 */
final class WriteBurst implements AutoCloseable {
  /** The longest the nemesis waits for half a burst to be acknowledged before it kills anyway. */
  private static final Duration HALF_DONE_PATIENCE = Duration.ofSeconds(1);

  private final int size;
  private final KvClient kv;
  private final HistoryRecorder history;
  private final KeySet keys;
  private final int firstClient;
  private final long firstSession;
  private final ExecutorService pool;
  private final List<Future<?>> inFlight = new ArrayList<>();
  private int bursts;

  /**
   * @param firstClient the history's client id of the first burst's first write; every later write gets the next
   * @param firstSession the same for the cluster sessions
   */
  WriteBurst(int size, KvClient kv, HistoryRecorder history, KeySet keys, int firstClient, long firstSession) {
    this.size = size;
    this.kv = kv;
    this.history = history;
    this.keys = keys;
    this.firstClient = firstClient;
    this.firstSession = firstSession;
    // A thread per write, so a burst goes out at once even while the last one's writes are still retrying.
    this.pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "nemesis-burst");
      t.setDaemon(true);
      return t;
    });
  }

  /** Sends a burst and returns once half its writes are acknowledged, or after a second; the rest stay in flight. */
  void fire() throws InterruptedException {
    inFlight.removeIf(Future::isDone);
    int burst = ++bursts;
    CountDownLatch halfDone = new CountDownLatch((size + 1) / 2);
    for (int i = 0; i < size; i++) {
      int client = firstClient + (burst - 1) * size + i;
      long session = firstSession + (long) (burst - 1) * size + i;
      String key = keys.listKeys().get(i % keys.count());
      String command = "APPEND " + key + " b" + burst + "." + (i + 1) + ";";
      inFlight.add(pool.submit(() -> {
        long opId = history.invoke(client, command);
        Completion c;
        try {
          c = kv.submit(session, 1, command);
        } catch (InterruptedException e) {
          c = Completion.info("interrupted");
        }
        history.complete(opId, client, c);
        if (c.outcome() == Outcome.OK) {
          halfDone.countDown();
        }
        return null;
      }));
    }
    halfDone.await(HALF_DONE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits up to {@code patience} for every write sent so far to end. */
  void awaitInFlight(Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    for (Future<?> f : inFlight) {
      long left = deadline - System.nanoTime();
      try {
        f.get(Math.max(0, left), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // A write that failed to record or is still out: the history shows it pending.
      }
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
