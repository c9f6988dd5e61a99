package raftsim.check.linearizability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import raftsim.check.history.History;

/**
 * Decides whether a history is linearizable (Herlihy &amp; Wing 1990) with respect to a {@link Model}.
 *
 * <p>The history is split into partitions ({@link Partitioner}), each searched by {@link LinearizationSearch}.
 * One violated partition decides the verdict, and some violations take far longer to prove than others, so the
 * partitions take turns in rounds: each undecided partition searches on for a slice of steps, the slice doubling
 * every round, and after the first round that finds a violation the one earliest in key order is reported. Rounds
 * count steps, not time, so the verdict and the counterexample never depend on thread scheduling; within a round the
 * partitions may run at once, as the caller's {@link Parallelism} allows, when the history is big enough for that
 * to pay.
 */
public final class LinearizabilityChecker {
  /** Below this many operations a history is checked on the calling thread: starting threads would cost more. */
  private static final int PARALLEL_THRESHOLD = 256;
  /** Steps in the first round's slice. */
  private static final long FIRST_SLICE = 1 << 14;

  private LinearizabilityChecker() {}

  /**
   * Checks {@code history}. Throws {@link IllegalArgumentException} when an operation's command or result is not
   * one of the model's.
   */
  public static Verdict check(History history, Model<?, ?, ?> model, CheckOptions options) {
    return checkWith(history, model, options);
  }

  private static <I, O, S> Verdict checkWith(History history, Model<I, O, S> model, CheckOptions options) {
    List<Partition<I, O>> partitions = Partitioner.partition(history, model);
    SearchLimits limits = new SearchLimits(options.budget(), options.cacheCapBytes(), options.nanoClock());
    List<PartitionCheck<I, O, S>> checks = new ArrayList<>();
    for (int i = 0; i < partitions.size(); i++) {
      checks.add(new PartitionCheck<>(model, partitions.get(i), limits, i));
    }
    boolean parallel = options.parallelism().width() > 1 && partitions.size() > 1
        && history.operations().size() >= PARALLEL_THRESHOLD;
    Parallelism runner = parallel ? options.parallelism() : Parallelism.SEQUENTIAL;
    List<PartitionCheck<I, O, S>> open = checks;
    for (long slice = FIRST_SLICE; !open.isEmpty(); slice = Math.min(slice * 2, Long.MAX_VALUE / 2)) {
      runRound(runner, open, slice);
      List<PartitionCheck<I, O, S>> stillOpen = new ArrayList<>();
      for (PartitionCheck<I, O, S> c : open) {
        if (c.verdict() instanceof Verdict.NotLinearizable) {
          return c.verdict(); // open is in key order: this is the earliest violation found so far
        }
        if (c.verdict() == null) {
          stillOpen.add(c);
        }
      }
      open = stillOpen;
    }
    for (PartitionCheck<I, O, S> c : checks) {
      if (c.verdict() instanceof Verdict.Undecided) {
        return c.verdict();
      }
    }
    return new Verdict.Linearizable();
  }

  /** Advances every open partition by {@code slice} steps and waits for all of them. */
  private static <I, O, S> void runRound(Parallelism runner, List<PartitionCheck<I, O, S>> open, long slice) {
    // Biggest first, so that a large partition does not start last and leave the other threads idle.
    List<PartitionCheck<I, O, S>> bySize = new ArrayList<>(open);
    bySize.sort(Comparator.comparingInt((PartitionCheck<I, O, S> c) -> -c.size())
        .thenComparingInt(PartitionCheck::index));
    List<Runnable> tasks = new ArrayList<>();
    for (PartitionCheck<I, O, S> c : bySize) {
      tasks.add(() -> c.advance(slice));
    }
    runner.runAll(tasks);
  }
}
