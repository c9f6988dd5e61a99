package raftsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import raftsim.cluster.ClusterException;
import raftsim.cluster.ClusterLayout;
import raftsim.cluster.ClusterState;
import raftsim.cluster.Directories;
import raftsim.cluster.LocalCluster;
import raftsim.cluster.LogWatcher;
import raftsim.cluster.LoopbackHttp;
import raftsim.cluster.NodeProcess;
import raftsim.cluster.StatusProbe;
import raftsim.cluster.StatusTable;

/** {@code cluster ...}: a local cluster of real server processes on 127.0.0.1, for trying the HTTP API by hand. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = {
        "Run a local cluster of 'server' processes on 127.0.0.1: node i listens on --base-port + i - 1.",
        "Logs, data and a state file go to --data (default cluster-data, in the working directory).",
        "Exit codes: 0 done, 2 bad input (unknown node, cluster not started, port in use)."},
    subcommands = {
        ClusterCommand.Start.class,
        ClusterCommand.Status.class,
        ClusterCommand.WatchLogs.class,
        ClusterCommand.KillNode.class,
        ClusterCommand.StartNode.class,
        ClusterCommand.Stop.class,
        ClusterCommand.Clean.class})
final class ClusterCommand implements Runnable {
  /** How long a status request may take before the node counts as not answering. */
  private static final Duration STATUS_TIMEOUT = Duration.ofMillis(800);
  /** How long {@code start} waits for the new cluster to elect a leader. */
  private static final Duration ELECTION_PATIENCE = Duration.ofSeconds(15);

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: start, status, watchlogs, killnode, startnode, stop or clean");
  }

  /** The {@code --data} option every subcommand takes. */
  static final class DataDir {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "cluster-data",
        description = "Where the cluster's data, logs and state file are (default ${DEFAULT-VALUE}).")
    Path dir;
  }

  /** Runs {@code body}, turning a cluster request that cannot be carried out into bad input (exit 2). */
  private static int guarded(Callable<Integer> body) throws Exception {
    try {
      return body.call();
    } catch (ClusterException e) {
      throw new BadInputException("raftsim cluster: " + e.getMessage());
    }
  }

  @Command(name = "start", mixinStandardHelpOptions = true,
      description = "Start every node (a stopped cluster in --data starts again with its data) and wait for a leader.")
  static final class Start implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDir data;

    @Option(names = "--nodes", paramLabel = "N", description = "How many nodes (default 3; 1.."
        + ClusterLayout.MAX_NODES + ").")
    Integer nodes;

    @Option(names = "--base-port", paramLabel = "PORT", description = "Node 1's port; node i gets PORT + i - 1"
        + " (default 8001).")
    Integer basePort;

    @Override
    public Integer call() throws Exception {
      return guarded(() -> {
        ClusterLayout layout = layout();
        LocalCluster cluster = LocalCluster.create(layout);
        cluster.startAll();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "started %d nodes, data and logs in %s%n", layout.nodes(), layout.dir());
        for (int id : layout.ids()) {
          String process = cluster.process(id).map(p -> "pid " + p.pid()).orElse("exited at once: see its log");
          out.printf(Locale.ROOT, "  n%d  %-12s %s  log %s%n", id, process, layout.uri(id, ""), layout.logFile(id));
        }
        out.flush();
        OptionalInt leader = new StatusProbe(LoopbackHttp.newClient(), layout, STATUS_TIMEOUT)
            .awaitLeader(ELECTION_PATIENCE);
        out.println(leader.isPresent() ? "leader: n" + leader.getAsInt()
            : "no leader yet after " + ELECTION_PATIENCE.toSeconds() + " s; see 'cluster status' and the logs");
        return ExitCodes.OK;
      });
    }

    /** The layout asked for; a stopped cluster's own layout when neither option is given. */
    private ClusterLayout layout() {
      if ((nodes == null && basePort == null) && ClusterState.existsIn(data.dir)) {
        return ClusterState.load(data.dir).layout();
      }
      return new ClusterLayout(data.dir, nodes == null ? 3 : nodes, basePort == null ? 8001 : basePort);
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Print one row per node: process, role, term, leader, commit and applied index, log range.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDir data;

    @Override
    public Integer call() throws Exception {
      return guarded(() -> {
        LocalCluster cluster = LocalCluster.open(data.dir);
        ClusterLayout layout = cluster.layout();
        TreeMap<Integer, NodeProcess> processes = new TreeMap<>();
        for (int id : layout.ids()) {
          cluster.process(id).ifPresent(p -> processes.put(id, p));
        }
        var statuses = new StatusProbe(LoopbackHttp.newClient(), layout, STATUS_TIMEOUT).all();
        PrintWriter out = spec.commandLine().getOut();
        StatusTable.render(layout, processes, statuses).forEach(out::println);
        out.flush();
        return ExitCodes.OK;
      });
    }
  }

  @Command(name = "watchlogs", mixinStandardHelpOptions = true,
      description = {"Print every node's log, each line prefixed [n1], [n2]..., and follow new lines until"
          + " interrupted (Ctrl-C) or the cluster is cleaned.",
          "Colour is on for a terminal, off when NO_COLOR is set."})
  static final class WatchLogs implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDir data;

    @Option(names = "--no-follow", description = "Print what the logs hold now and exit.")
    boolean noFollow;

    @Override
    public Integer call() throws Exception {
      return guarded(() -> {
        ClusterLayout layout = ClusterState.load(data.dir).layout();
        boolean colour = LogWatcher.colourWanted(System.getenv(), System.console() != null);
        LogWatcher watcher = new LogWatcher(layout, spec.commandLine().getOut(), colour);
        if (noFollow) {
          watcher.printAvailable(true);
        } else {
          watcher.follow(() -> !Thread.currentThread().isInterrupted() && Files.isDirectory(layout.dir()));
        }
        return ExitCodes.OK;
      });
    }
  }

  /** What killnode and startnode share: node N of the cluster in --data, and a line saying what was done. */
  abstract static class OneNode implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDir data;

    @Parameters(paramLabel = "N", description = "The node.")
    int id;

    abstract NodeProcess act(LocalCluster cluster) throws Exception;

    abstract String done();

    @Override
    public Integer call() throws Exception {
      return guarded(() -> {
        NodeProcess p = act(LocalCluster.open(data.dir));
        spec.commandLine().getOut().printf(Locale.ROOT, "%s n%d (pid %d)%n", done(), id, p.pid());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
      });
    }
  }

  @Command(name = "killnode", mixinStandardHelpOptions = true,
      description = "Kill node N at once (SIGKILL), as a crash would.")
  static final class KillNode extends OneNode {
    @Override
    NodeProcess act(LocalCluster cluster) throws Exception {
      return cluster.kill(id);
    }

    @Override
    String done() {
      return "killed";
    }
  }

  @Command(name = "startnode", mixinStandardHelpOptions = true,
      description = "Start node N again, on its port and with its data.")
  static final class StartNode extends OneNode {
    @Override
    NodeProcess act(LocalCluster cluster) throws Exception {
      return cluster.start(id);
    }

    @Override
    String done() {
      return "started";
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true,
      description = "Stop every node (SIGTERM, then SIGKILL after 10 s) and wait until they have exited; data stays.")
  static final class Stop implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDir data;

    @Override
    public Integer call() throws Exception {
      return guarded(() -> {
        List<NodeProcess> stopped = LocalCluster.open(data.dir).stopAll();
        PrintWriter out = spec.commandLine().getOut();
        out.println(stopped.isEmpty() ? "no node was running" : "stopped " + names(stopped));
        out.flush();
        return ExitCodes.OK;
      });
    }
  }

  @Command(name = "clean", mixinStandardHelpOptions = true,
      description = "Stop every node and delete --data with everything in it.")
  static final class Clean implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDir data;

    @Override
    public Integer call() throws Exception {
      return guarded(() -> {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.exists(data.dir)) {
          out.println("nothing to clean: " + data.dir + " does not exist");
          out.flush();
          return ExitCodes.OK;
        }
        if (!ClusterState.existsIn(data.dir)) {
          // Only ever delete a directory this command made: it holds the state file.
          throw new ClusterException(data.dir + " holds no cluster state file; not deleting it");
        }
        List<NodeProcess> stopped = LocalCluster.open(data.dir).stopAll();
        Directories.deleteTree(data.dir);
        out.println((stopped.isEmpty() ? "" : "stopped " + names(stopped) + "; ") + "deleted " + data.dir);
        out.flush();
        return ExitCodes.OK;
      });
    }
  }

  private static String names(List<NodeProcess> processes) {
    return String.join(", ", processes.stream().map(p -> "n" + p.id()).toList());
  }
}
