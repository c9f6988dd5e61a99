package raftsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raftsim.check.linearizability.CheckOptions;
import raftsim.check.linearizability.Parallelism;
import raftsim.fuzz.Campaign;
import raftsim.fuzz.FuzzRunner;
import raftsim.fuzz.RunReport;
import raftsim.fuzz.ScenarioGenerator;

/**
 * {@code fuzz}: a property-based campaign of generated scenarios. Every run checks safety,
 * linearizability and liveness; a failing run is shrunk to the smallest scenario that still fails the
 * same check, written to {@code --out}, with the one command that replays it.
 */
@Command(
    name = "fuzz",
    mixinStandardHelpOptions = true,
    description = {
        "Run a campaign of generated scenarios and shrink each failure to a minimal scenario file.",
        "Runs generated scenarios (random cluster, timing, network, clients and faults, swarm-style) and",
        "checks safety, linearizability and liveness in each. A failure is shrunk to the smallest scenario",
        "that still fails the same check and written to --out with the command that replays it.",
        "Run i depends only on (--seed, i): results do not depend on --jobs, and --shard i/n splits a",
        "campaign across machines (outputs concatenate). Exit: 0 all held, 1 a failure, 2 bad input,",
        "3 only undecided checks."})
final class FuzzCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--runs", paramLabel = "N", description = "Runs in the campaign (default 100 unless --for is given).")
  Long runs;

  @Option(names = "--for", paramLabel = "DURATION", description = "Run until this much wall time has passed: 90s, 10m, 2h.")
  String forDuration;

  @Option(names = "--seed", defaultValue = "1", description = "The campaign's seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--nodes", defaultValue = "3..5", paramLabel = "MIN..MAX", description = "Cluster sizes drawn (default ${DEFAULT-VALUE}).")
  String nodes;

  @Option(names = "--jobs", paramLabel = "J", description = "Runs at once (default: one per processor).")
  Integer jobs;

  @Option(names = "--shard", paramLabel = "i/n", description = "Only the runs whose index is i modulo n.")
  String shard;

  @Option(names = "--out", defaultValue = "fuzz-failures", paramLabel = "DIR", description = "Where failing scenarios go (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--json", description = "One JSON line per run on stdout, in run order; the summary on stderr.")
  boolean json;

  @Option(names = "--check-timeout", defaultValue = "10", paramLabel = "SECONDS", description = "Linearizability budget per run (default ${DEFAULT-VALUE}).")
  long checkTimeoutSeconds;

  @Option(names = "--max-failures", paramLabel = "N", description = "Stop after the first N failures, in run order.")
  Long maxFailures;

  @Option(names = "--shrink-budget", defaultValue = "1000", paramLabel = "N", description = "Most candidate runs per shrink"
      + " (default ${DEFAULT-VALUE}; a candidate that loses the failure may take up to three, with other seeds).")
  int shrinkBudget;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws InterruptedException {
    long[] nodeRange = Ranges.parse(nodes, "--nodes");
    if (nodeRange[0] < 1 || nodeRange[1] > 15) {
      throw new BadInputException("raftsim fuzz: --nodes must lie within 1..15, got " + nodes);
    }
    long deadline = forDuration == null ? Long.MAX_VALUE : System.nanoTime() + Durations.parse(forDuration, "--for").toNanos();
    long total = runs != null ? runs : forDuration == null ? 100 : Long.MAX_VALUE;
    if (total < 1 || checkTimeoutSeconds < 1 || shrinkBudget < 0 || (jobs != null && jobs < 1)
        || (maxFailures != null && maxFailures < 1)) {
      throw new BadInputException("raftsim fuzz: --runs, --jobs and --check-timeout must be at least 1, --shrink-budget at least 0");
    }
    long[] shardOf = shard == null ? new long[] {0, 1} : Shards.parse(shard);
    int workers = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    CheckOptions check = new CheckOptions(Duration.ofSeconds(checkTimeoutSeconds), Runtime.getRuntime().maxMemory() / (4L * workers),
        Parallelism.SEQUENTIAL, System::nanoTime);
    Campaign campaign = new Campaign(seed, new ScenarioGenerator((int) nodeRange[0], (int) nodeRange[1]),
        new FuzzRunner(check), out, shrinkBudget);

    PrintWriter stdout = spec.commandLine().getOut();
    Progress progress = new Progress(spec.commandLine().getErr(), System.console() != null, total, shardOf);
    Tally tally = new Tally();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "raftsim-fuzz");
      t.setDaemon(true);
      return t;
    });
    try {
      ArrayDeque<Future<RunReport>> window = new ArrayDeque<>();
      long next = shardOf[0];
      while (true) {
        boolean enough = maxFailures != null && tally.failed >= maxFailures;
        while (!enough && window.size() < 2 * workers && next < total && System.nanoTime() < deadline) {
          long index = next;
          window.add(pool.submit(() -> campaign.run(index)));
          next += shardOf[1];
        }
        if (window.isEmpty() || enough) {
          break;
        }
        RunReport report = await(window.poll());
        tally.add(report);
        print(stdout, report);
        progress.update(tally, start);
      }
    } finally {
      pool.shutdownNow();
    }
    progress.done();
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter summaryOut = json ? spec.commandLine().getErr() : stdout;
    summaryOut.printf(Locale.ROOT, "fuzz: %,d runs in %.1f s (%.1f runs/s on %d jobs): %,d failed, %,d undecided%s%n",
        tally.runs, seconds, tally.runs / Math.max(seconds, 1e-9), workers, tally.failed, tally.undecided,
        tally.failed > 0 ? "; failing scenarios in " + out : "");
    summaryOut.flush();
    stdout.flush();
    return tally.failed > 0 ? ExitCodes.CHECK_FAILED : tally.undecided > 0 ? ExitCodes.UNDECIDED : ExitCodes.OK;
  }

  private static RunReport await(Future<RunReport> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a fuzz run crashed", e.getCause());
    }
  }

  private void print(PrintWriter stdout, RunReport r) {
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seed", r.seed());
      m.put("ok", r.ok());
      m.put("failure", r.failure() == null ? null : r.failure().check() + ": " + r.failure().detail());
      m.put("shrunk", r.shrunk() == null ? null : r.shrunk().toString());
      m.put("replay", r.replay());
      try {
        stdout.println(JSON.writeValueAsString(m));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a map of plain values always serialises", e);
      }
    } else if (!r.ok()) {
      stdout.printf(Locale.ROOT, "run %d (seed %d) FAILED %s%n  %s%n  shrunk to %d events: %s%n", r.index(),
          r.seed(), r.failure().check(), r.failure().detail(), r.events(), r.replay());
    }
    stdout.flush();
  }

  /** Counts over the campaign so far. */
  static final class Tally {
    long runs;
    long failed;
    long undecided;

    void add(RunReport r) {
      runs++;
      if (!r.ok()) {
        failed++;
      } else if (r.undecided()) {
        undecided++;
      }
    }
  }
}
