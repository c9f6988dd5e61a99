package raftsim.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import raftsim.core.RaftCore;
import raftsim.sim.NetworkParams;
import raftsim.sim.ProposalLoad;
import raftsim.sim.SimOptions;
import raftsim.sim.Simulation;
import raftsim.trace.TraceWriter;

/**
 * The simulator benchmark: a cluster under a steady proposal load on a lossy network, no trace. It
 * reports simulated events per wall-clock second and how much faster than real time the run went.
 */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = {
        "Benchmark the simulator: N nodes, proposals injected at a fixed rate, no trace.",
        "Prints each run and the median of events/s and simulated-to-wall speed-up."})
final class BenchSimCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--nodes", defaultValue = "5", description = "Cluster size (default ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--simulated-seconds", defaultValue = "3600",
      description = "Simulated time per run, in seconds (default ${DEFAULT-VALUE}: one hour).")
  long seconds;

  @Option(names = "--rate", defaultValue = "200", description = "Proposals per simulated second (default ${DEFAULT-VALUE}).")
  long rate;

  @Option(names = "--drop", defaultValue = "0.01", description = "Message drop rate (default ${DEFAULT-VALUE}).")
  double drop;

  @Option(names = "--delay", defaultValue = "1..10", description = "Message delay range in ms (default ${DEFAULT-VALUE}).")
  String delay;

  @Option(names = "--runs", defaultValue = "3", description = "Runs to take the median of (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the first run; run i uses seed + i (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    long[] range = Ranges.parse(delay, "--delay");
    if (nodes < 1 || nodes > 15 || seconds < 1 || runs < 1 || !(drop >= 0 && drop <= 1)) {
      throw new BadInputException("raftsim bench sim: need 1 <= --nodes <= 15, --simulated-seconds >= 1, --runs >= 1, 0 <= --drop <= 1");
    }
    out.printf(Locale.ROOT, "bench sim: %d nodes, %d proposals/s, drop %s, delay %d..%d ms, %d simulated s, %d runs, no trace; "
            + "Java %s, collector %s%n", nodes, rate, drop, range[0], range[1], seconds, runs,
        Runtime.version(), collectors());
    List<Double> eventRates = new ArrayList<>();
    List<Double> speedups = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      SimOptions options = SimOptions.defaults(nodes, seed + i)
          .withNetwork(new NetworkParams(range[0], range[1], drop, 0));
      Simulation sim = new Simulation(options, TraceWriter.disabled());
      long endMs = seconds * 1000;
      ProposalLoad load = ProposalLoad.start(sim, rate, 0, endMs);
      long start = System.nanoTime();
      sim.runUntil(endMs);
      long wallNanos = System.nanoTime() - start;
      double wallSeconds = wallNanos / 1e9;
      double eventsPerSecond = sim.events() / wallSeconds;
      double speedup = seconds / wallSeconds;
      eventRates.add(eventsPerSecond);
      speedups.add(speedup);
      long commit = 0;
      for (int n = 1; n <= nodes; n++) {
        RaftCore c = sim.core(n);
        commit = Math.max(commit, c == null ? 0 : c.commitIndex());
      }
      out.printf(Locale.ROOT, "run %d (seed %d): %,d events in %,d ms wall = %,.0f events/s, speed-up %,.0fx; "
              + "%,d proposed, %,d skipped (no leader), commit index %,d, leader changes %d, violations %d%n",
          i + 1, seed + i, sim.events(), wallNanos / 1_000_000, eventsPerSecond, speedup, load.proposed(),
          load.skipped(), commit, sim.leaderChanges(), sim.violationCount());
      if (sim.violationCount() > 0) {
        out.println("safety violations: " + sim.violations());
        return ExitCodes.CHECK_FAILED;
      }
    }
    out.printf(Locale.ROOT, "median: %,.0f events/s, speed-up %,.0fx; peak heap %,d MB%n",
        median(eventRates), median(speedups), peakHeapBytes() / (1024 * 1024));
    return ExitCodes.OK;
  }

  /** The garbage collectors this JVM runs, as it names them (G1 by default; ParallelGC is faster here). */
  static String collectors() {
    return String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The sum of every heap pool's peak usage since the JVM started: an upper bound of the live heap peak. */
  static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
