package raftsim.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raftsim.cluster.ClusterException;
import raftsim.cluster.NemesisOptions;
import raftsim.cluster.NemesisReport;
import raftsim.cluster.NemesisResult;
import raftsim.cluster.NemesisRun;

/** {@code nemesis}: a Jepsen-style test of a real local cluster under crashes. */
@Command(
    name = "nemesis",
    mixinStandardHelpOptions = true,
    description = {
        "Test a local cluster Jepsen-style: clients, hard kills, then linearizability and lost writes.",
        "Starts a fresh local cluster, runs concurrent clients against it while a nemesis kills (SIGKILL) and",
        "restarts nodes (the leader among them, some right after a burst of writes; never a majority), then heals it,",
        "reads every key, and checks that the history is linearizable and that no acknowledged write was lost.",
        "Exit codes: 0 both hold, 1 a violation, 2 bad input, 3 undecided."})
final class NemesisCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--nodes", defaultValue = "3", description = "Cluster size, 3..9 (default ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--duration", defaultValue = "20s", description = "How long the clients and the nemesis run,"
      + " e.g. 20s or 2m (default ${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--clients", defaultValue = "4", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--keys", defaultValue = "4", description = "List keys a1..aN for appends, and as many registers"
      + " r1..rN for SET and CAS (default ${DEFAULT-VALUE}).")
  int keys;

  @Option(names = "--base-port", defaultValue = "8201", description = "Node 1's port; node i gets it + i - 1"
      + " (default ${DEFAULT-VALUE}).")
  int basePort;

  @Option(names = "--seed", description = "Seeds the nemesis plan and the clients' choices (default: the clock).")
  Long seed;

  @Option(names = "--data", paramLabel = "DIR", description = "A new or empty directory for the cluster's files,"
      + " kept afterwards (default: a temporary directory, deleted when the run passes).")
  Path data;

  @Option(names = "--history", paramLabel = "FILE", description = "Write the client history to FILE (raftsim"
      + " format; 'check FILE' reads it).")
  Path history;

  @Option(names = "--check-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Time budget of the linearizability check (default ${DEFAULT-VALUE}).")
  BigDecimal checkTimeoutSeconds;

  @Option(names = "--json", description = "Print only the summary, as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (checkTimeoutSeconds.signum() <= 0) {
      throw new BadInputException("raftsim nemesis: --check-timeout must be a positive number of seconds");
    }
    long chosenSeed = seed != null ? seed : System.currentTimeMillis();
    NemesisOptions options;
    try {
      options = new NemesisOptions(nodes, Durations.parse(duration, "--duration"), clients, keys, basePort,
          chosenSeed, data, history, Duration.ofMillis(checkTimeoutSeconds.movePointRight(3).longValue()));
    } catch (ClusterException e) {
      throw new BadInputException("raftsim nemesis: " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!json) {
      out.printf("nemesis: %d nodes on 127.0.0.1:%d.., %d clients, %d list keys and %d registers, %d s, seed %d%n",
          nodes, basePort, clients, keys, keys, options.duration().toSeconds(), chosenSeed);
      out.flush();
    }
    NemesisResult result;
    try {
      result = new NemesisRun(options, line -> {
        if (!json) {
          out.println(line);
          out.flush();
        }
      }).run();
    } catch (ClusterException e) {
      throw new BadInputException("raftsim nemesis: " + e.getMessage());
    }
    if (json) {
      out.println(NemesisReport.json(result));
    } else {
      NemesisReport.text(result).forEach(out::println);
    }
    out.flush();
    return result.exitCode();
  }
}
