package raftsim.check.linearizability;

import java.util.List;

/**
 * How the checker may run independent partition searches at once. The checker itself starts no
 * threads (a deterministic package); whoever calls it decides, and the verdict is the same either way
 * because rounds are counted in steps, not time.
 */
public interface Parallelism {
  /** How many tasks can usefully run at once; 1 means one after another. */
  int width();

  /** Runs every task and returns when all are done; rethrows the first failure. */
  void runAll(List<Runnable> tasks);

  /** Every task on the calling thread, in order. */
  Parallelism SEQUENTIAL = new Parallelism() {
    @Override
    public int width() {
      return 1;
    }

    @Override
    public void runAll(List<Runnable> tasks) {
      tasks.forEach(Runnable::run);
    }
  };
}
