package raftsim.check.linearizability;

import java.time.Duration;
import raftsim.check.history.History;

/** Check options for tests: the wall clock and the calling thread, unless a test says otherwise. */
final class TestChecks {
  private TestChecks() {}

  static CheckOptions options(Duration budget) {
    return new CheckOptions(budget, Runtime.getRuntime().maxMemory() / 2, Parallelism.SEQUENTIAL, System::nanoTime);
  }

  /** Up to {@code n} tasks at once on fresh threads (1: the calling thread). */
  static Parallelism threads(int n) {
    if (n == 1) {
      return Parallelism.SEQUENTIAL;
    }
    return new Parallelism() {
      @Override
      public int width() {
        return n;
      }

      @Override
      public void runAll(java.util.List<Runnable> tasks) {
        java.util.List<Thread> running = new java.util.ArrayList<>();
        for (Runnable t : tasks) {
          Thread thread = new Thread(t);
          thread.start();
          running.add(thread);
        }
        for (Thread t : running) {
          try {
            t.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        }
      }
    };
  }

  static Verdict check(History history, Model<?, ?, ?> model, Duration budget) {
    return LinearizabilityChecker.check(history, model, options(budget));
  }
}
