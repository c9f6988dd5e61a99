package raftsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raftsim.check.history.EventKind;
import raftsim.check.history.History;
import raftsim.check.history.HistoryEvent;
import raftsim.sim.ClientLoad;
import raftsim.sim.HistoryRecorder;
import raftsim.sim.ReadMode;
import raftsim.sim.SimClients;
import raftsim.sim.SimOptions;
import raftsim.sim.Simulation;
import raftsim.trace.TraceWriter;

/** Read latency in simulated ms: ReadIndex against reads through the log, on the same cluster and load. */
@Command(
    name = "reads",
    mixinStandardHelpOptions = true,
    description = "Compare GET latency (simulated ms) with ReadIndex and with reads through the log.")
final class BenchReadsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--nodes", defaultValue = "5", description = "Cluster size (default ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--simulated-seconds", defaultValue = "60", description = "Simulated time (default ${DEFAULT-VALUE}).")
  long seconds;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    if (nodes < 1 || nodes > 15 || seconds < 1) {
      throw new BadInputException("raftsim bench reads: need 1 <= --nodes <= 15 and --simulated-seconds >= 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "bench reads: %d nodes, 1-10 ms delays, disk sync 0-2 ms, 8 clients, 50%% GET, %d simulated s%n",
        nodes, seconds);
    for (ReadMode mode : ReadMode.values()) {
      List<Long> latencies = getLatencies(mode);
      out.printf(Locale.ROOT, "  %-11s %,7d GETs: p50 %3d ms, p90 %3d ms, p99 %3d ms, mean %.1f ms%n",
          mode == ReadMode.READ_INDEX ? "ReadIndex:" : "log reads:", latencies.size(), pct(latencies, 50),
          pct(latencies, 90), pct(latencies, 99), latencies.stream().mapToLong(Long::longValue).average().orElse(0));
    }
    return ExitCodes.OK;
  }

  private List<Long> getLatencies(ReadMode mode) {
    Simulation sim = new Simulation(SimOptions.defaults(nodes, seed).withReads(mode), TraceWriter.disabled());
    HistoryRecorder recorder = new HistoryRecorder("bench reads");
    ClientLoad load = new ClientLoad(8, 10, 20, 100, 1000, new ClientLoad.OperationMix(0.5, 0.5, 0, 0, 0));
    SimClients clients = SimClients.start(sim, load, recorder, 1000);
    sim.runUntil(seconds * 1000);
    clients.finish();
    History h = recorder.history();
    Map<Long, Long> getInvokedAt = new HashMap<>();
    List<Long> latencies = new ArrayList<>();
    for (HistoryEvent e : h.events()) {
      if (e.kind() == EventKind.INVOKE && e.text().startsWith("GET ")) {
        getInvokedAt.put(e.opId(), e.timeMs());
      } else if (e.kind() == EventKind.OK && getInvokedAt.containsKey(e.opId())) {
        latencies.add(e.timeMs() - getInvokedAt.get(e.opId()));
      }
    }
    Collections.sort(latencies);
    return latencies;
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
  }
}
