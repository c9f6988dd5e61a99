package raftsim.cluster;

/**
 * One client of a nemesis run, on its own thread: a closed loop of operations until the run ends, each
 * recorded in the history before it is sent and after it is answered. It is one session on the cluster, and
 * numbers its writes 1, 2, 3...: a fresh (clientId, seq) per operation, the same one for its retries.
 */
final class ClientWorker implements Runnable {
  private final int client;
  private final long session;
  private final Workload workload;
  private final KvClient kv;
  private final HistoryRecorder history;
  private final long endNanos;
  private long seq;

  ClientWorker(int client, long session, Workload workload, KvClient kv, HistoryRecorder history, long endNanos) {
    this.client = client;
    this.session = session;
    this.workload = workload;
    this.kv = kv;
    this.history = history;
    this.endNanos = endNanos;
  }

  @Override
  public void run() {
    // Bounded: no new operation after the end, and each one gives up within the client's operation timeout.
    while (System.nanoTime() < endNanos) {
      Workload.Op op = workload.next();
      long opId = history.invoke(client, op.command());
      Completion c;
      try {
        c = op.read() ? kv.read(op.key()) : kv.submit(session, ++seq, op.command());
      } catch (InterruptedException e) {
        history.complete(opId, client, Completion.info("interrupted"));
        return;
      }
      history.complete(opId, client, c);
      workload.observe(op, c);
    }
  }
}
