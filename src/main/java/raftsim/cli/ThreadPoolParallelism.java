package raftsim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import raftsim.check.linearizability.Parallelism;

/**
 * Runs tasks on a fixed pool of daemon threads, one per processor. Only the command line starts
 * threads; the deterministic packages get this through an interface.
 */
final class ThreadPoolParallelism implements Parallelism {
  private static final ThreadPoolParallelism SHARED =
      new ThreadPoolParallelism(Runtime.getRuntime().availableProcessors());

  private final int width;
  private final ExecutorService pool;

  private ThreadPoolParallelism(int width) {
    this.width = width;
    this.pool = Executors.newFixedThreadPool(width, r -> {
      Thread t = new Thread(r, "raftsim-worker");
      t.setDaemon(true);
      return t;
    });
  }

  /** One pool for the whole process. */
  static ThreadPoolParallelism shared() {
    return SHARED;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public void runAll(List<Runnable> tasks) {
    List<Future<?>> futures = new ArrayList<>(tasks.size());
    for (Runnable t : tasks) {
      futures.add(pool.submit(t));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
