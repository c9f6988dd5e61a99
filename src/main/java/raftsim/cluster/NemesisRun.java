package raftsim.cluster;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import raftsim.check.history.History;
import raftsim.check.history.HistoryWriter;
import raftsim.check.history.Operation;
import raftsim.check.history.Outcome;
import raftsim.check.linearizability.CheckOptions;
import raftsim.check.linearizability.KvModel;
import raftsim.check.linearizability.LinearizabilityChecker;
import raftsim.check.linearizability.Parallelism;
import raftsim.check.linearizability.Verdict;

/**
 * A Jepsen-style test of a real local cluster: start it, let concurrent clients work while the nemesis kills and
 * restarts nodes, heal it, read every key, and check the history (linearizability) and the final values (no
 * acknowledged write lost). Every process it starts is stopped when it ends, also when it fails or the JVM is
 * interrupted.
 */
public final class NemesisRun {
  /** One attempt of an operation: a healthy leader answers in milliseconds. */
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);
  /** A whole operation, redirects and retries included: long enough to ride out an election. */
  private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(4);
  /** How long a new or healed cluster gets to elect a leader. */
  private static final Duration ELECTION_PATIENCE = Duration.ofSeconds(20);
  /** How long the final reads of all keys may take together. */
  private static final Duration FINAL_READS_PATIENCE = Duration.ofSeconds(30);
  /** How many writes a burst sends at once. */
  private static final int BURST_SIZE = 8;

  private final NemesisOptions options;
  private final Consumer<String> progress;

  /** {@code progress} is told, line by line, what happens while the run goes on. */
  public NemesisRun(NemesisOptions options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Runs the test. Throws {@link ClusterException}, starting nothing, when a port or the directory is unusable. */
  public NemesisResult run() throws IOException, InterruptedException {
    long startNanos = System.nanoTime();
    boolean temporary = options.dataDir() == null;
    Path dir = temporary ? Files.createTempDirectory("raftsim-nemesis-") : prepare(options.dataDir());
    ClusterLayout layout;
    try {
      layout = new ClusterLayout(dir, options.nodes(), options.basePort());
      Ports.requireFree(layout, layout.ids());
    } catch (ClusterException e) {
      if (temporary) {
        Directories.deleteTree(dir);
      }
      throw e;
    }
    LocalCluster cluster = LocalCluster.create(layout);
    Thread cleanup = new Thread(() -> {
      cluster.killAllNow();
      progress.accept("interrupted: every node killed; data and logs in " + dir);
    }, "nemesis-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    Observed observed;
    try {
      observed = drive(cluster, layout);
    } finally {
      cluster.stopAll();
      removeHook(cleanup);
    }
    NemesisResult result = check(observed, dir, startNanos);
    if (temporary && result.exitCode() == 0) {
      Directories.deleteTree(dir);
      return withDataGone(result);
    }
    return result;
  }

  /**
   * What happened on the cluster, before any checking.
   *
   * @param finalValues every key's value after healing, or null when they could not all be read
   * @param problem why the run stopped early or could not read the final values, or null
   */
  private record Observed(History history, List<Nemesis.Event> events, NemesisResult.KillCounts kills, int restarts,
      SortedMap<String, String> finalValues, String problem) {

    static Observed notStarted(String problem) {
      return new Observed(new History.Builder().build(), List.of(), new NemesisResult.KillCounts(0, 0, 0), 0, null,
          problem);
    }
  }

  private Observed drive(LocalCluster cluster, ClusterLayout layout) throws InterruptedException {
    HttpClient http = LoopbackHttp.newClient();
    StatusProbe probe = new StatusProbe(http, layout, Duration.ofMillis(500));
    progress.accept("starting " + options.nodes() + " nodes in " + layout.dir());
    cluster.startAll();
    OptionalInt leader = probe.awaitLeader(ELECTION_PATIENCE);
    if (leader.isEmpty()) {
      return Observed.notStarted("no leader within " + ELECTION_PATIENCE.toSeconds() + " s of starting; see the"
          + " node logs in " + layout.dir());
    }
    progress.accept("leader n" + leader.getAsInt() + "; clients and nemesis run for " + options.duration().toSeconds()
        + " s");
    // The history's clock starts with the clients, and the nemesis plan runs on it.
    HistoryRecorder history = new HistoryRecorder();
    history.comment("nemesis: " + options.nodes() + " nodes, " + options.clients() + " clients, " + options.keys()
        + " keys of each kind, " + options.duration().toMillis() + " ms, seed " + options.seed());
    KeySet keys = new KeySet(options.keys());
    Nemesis nemesis = underFire(cluster, layout, http, probe, history, keys);

    progress.accept("healing: every node up again");
    cluster.startAll();
    SortedMap<String, String> finalValues = null;
    String problem;
    if (probe.awaitLeader(ELECTION_PATIENCE).isEmpty()) {
      problem = "no leader within " + ELECTION_PATIENCE.toSeconds() + " s of restarting every node";
    } else {
      // Client 0 reads: the clients are 1..N, and the bursts' writes come after them.
      finalValues = readAll(new KvClient(http, layout, ATTEMPT_TIMEOUT, OPERATION_TIMEOUT), keys, history, 0);
      problem = finalValues == null
          ? "could not read every key within " + FINAL_READS_PATIENCE.toSeconds() + " s after healing" : null;
    }
    return new Observed(history.build(), nemesis.events(), nemesis.kills(), nemesis.restarts(), finalValues, problem);
  }

  /**
   * The run proper: the clients work until the duration is over while the nemesis carries out its plan. Returns
   * once all of them are done (each within a bounded time).
   */
  private Nemesis underFire(LocalCluster cluster, ClusterLayout layout, HttpClient http, StatusProbe probe,
      HistoryRecorder history, KeySet keys) throws InterruptedException {
    long endNanos = System.nanoTime() + options.duration().toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int c = 1; c <= options.clients(); c++) {
      // Client c is session c on the cluster; the bursts' sessions come after the clients'.
      KvClient kv = new KvClient(http, layout, ATTEMPT_TIMEOUT, OPERATION_TIMEOUT);
      threads.add(daemon(new ClientWorker(c, c, new Workload(options.seed(), c, keys), kv, history, endNanos),
          "nemesis-client-" + c));
    }
    KvClient burstClient = new KvClient(http, layout, ATTEMPT_TIMEOUT, OPERATION_TIMEOUT);
    try (WriteBurst burst = new WriteBurst(BURST_SIZE, burstClient, history, keys, options.clients() + 1,
        options.clients() + 1)) {
      NemesisSchedule plan = NemesisSchedule.plan(options.seed(), options.duration().toMillis(), options.nodes());
      Nemesis nemesis = new Nemesis(plan, cluster, probe, burst, history, options.duration().toMillis(),
          e -> progress.accept(e.render()));
      threads.add(daemon(nemesis, "nemesis"));
      threads.forEach(Thread::start);
      long joinBy = endNanos + OPERATION_TIMEOUT.plusSeconds(5).toNanos();
      for (Thread t : threads) {
        t.join(Math.max(1, (joinBy - System.nanoTime()) / 1_000_000));
        t.interrupt(); // only one that overran its bound is still there to notice
      }
      burst.awaitInFlight(OPERATION_TIMEOUT.plusSeconds(1));
      return nemesis;
    }
  }

  /** Reads every key through the leader, retrying until each read is answered; null if time runs out first. */
  private static SortedMap<String, String> readAll(KvClient kv, KeySet keys, HistoryRecorder history, int client)
      throws InterruptedException {
    long deadline = System.nanoTime() + FINAL_READS_PATIENCE.toNanos();
    SortedMap<String, String> values = new TreeMap<>();
    for (String key : keys.all()) {
      while (!values.containsKey(key)) {
        if (System.nanoTime() > deadline) {
          return null;
        }
        long opId = history.invoke(client, "GET " + key);
        Completion c = kv.read(key);
        history.complete(opId, client, c);
        if (c.outcome() == Outcome.OK) {
          values.put(key, c.text().startsWith("VALUE ") ? c.text().substring("VALUE ".length()) : null);
        }
      }
    }
    return values;
  }

  private NemesisResult check(Observed observed, Path dir, long startNanos) {
    if (options.historyFile() != null) {
      writeHistory(observed.history(), options.historyFile());
    }
    LostWrites.Report lost = observed.finalValues() == null ? null
        : LostWrites.check(observed.history(), observed.finalValues());
    progress.accept("checking " + observed.history().operations().size() + " operations");
    long checkStart = System.nanoTime();
    CheckOptions check = new CheckOptions(options.checkBudget(), Runtime.getRuntime().maxMemory() / 2,
        Parallelism.SEQUENTIAL, System::nanoTime);
    Verdict verdict = LinearizabilityChecker.check(observed.history(), new KvModel(), check);
    long checkMs = (System.nanoTime() - checkStart) / 1_000_000;
    long wallMs = (System.nanoTime() - startNanos) / 1_000_000;
    return new NemesisResult(options, dir, true, count(observed.history()), observed.events(), observed.kills(),
        observed.restarts(), observed.finalValues(), lost, verdict, checkMs, wallMs, observed.problem());
  }

  private static NemesisResult.OperationCounts count(History history) {
    int ok = 0;
    int failed = 0;
    int indeterminate = 0;
    for (Operation op : history.operations()) {
      switch (op.outcome()) {
        case OK -> ok++;
        case FAIL -> failed++;
        default -> indeterminate++;
      }
    }
    return new NemesisResult.OperationCounts(ok, failed, indeterminate);
  }

  private static NemesisResult withDataGone(NemesisResult r) {
    return new NemesisResult(r.options(), r.dataDir(), false, r.operations(), r.events(), r.kills(), r.restarts(),
        r.finalValues(), r.lostWrites(), r.linearizability(), r.checkMs(), r.wallMs(), r.problem());
  }

  /** A directory given with --data must be new or empty: the run starts a fresh cluster in it. */
  private static Path prepare(Path dir) throws IOException {
    if (Files.exists(dir)) {
      boolean empty;
      try (var entries = Files.list(dir)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty) {
        throw new ClusterException("--data " + dir + " is not empty; give a new or empty directory");
      }
    }
    return Files.createDirectories(dir);
  }

  private static void writeHistory(History history, Path file) {
    try (HistoryWriter w = HistoryWriter.utf8(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      history.writeTo(w);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the history to " + file, e);
    }
  }

  private static Thread daemon(Runnable body, String name) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook runs, and that is what it is for.
    }
  }
}
