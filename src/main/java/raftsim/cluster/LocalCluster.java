package raftsim.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A cluster of {@code raftsim server} processes on this machine. Every change is written to the state file at
 * once, so the next command (another JVM) finds the processes this one started.
 */
public final class LocalCluster {
  /** How long a node gets to stop by itself after SIGTERM before it is killed. */
  private static final Duration GRACE = Duration.ofSeconds(10);
  /** How long to wait for a killed process to be gone. */
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private ClusterState state;

  private LocalCluster(ClusterState state) {
    this.state = state;
  }

  /**
   * The cluster in {@code layout.dir()}: the stopped one there when it has the same layout, else a new one. Throws
   * when a cluster there still runs or has another layout.
   */
  public static LocalCluster create(ClusterLayout layout) {
    if (ClusterState.existsIn(layout.dir())) {
      LocalCluster existing = open(layout.dir());
      if (!existing.running().isEmpty()) {
        throw new ClusterException("a cluster already runs in " + layout.dir() + " (nodes " + existing.running()
            + "); stop it first, or start single nodes with 'cluster startnode N'");
      }
      ClusterLayout old = existing.layout();
      if (old.nodes() != layout.nodes() || old.basePort() != layout.basePort()) {
        throw new ClusterException(layout.dir() + " holds a " + old.nodes() + "-node cluster on ports from "
            + old.basePort() + "; run 'cluster clean' before starting a different one");
      }
      return existing;
    }
    // Nothing is written until a node starts: a cluster that could not start leaves no state file behind.
    return new LocalCluster(new ClusterState(layout, new TreeMap<>()));
  }

  /** The cluster whose state file is in {@code dir}. */
  public static LocalCluster open(Path dir) {
    return new LocalCluster(ClusterState.load(dir));
  }

  public synchronized ClusterLayout layout() {
    return state.layout();
  }

  /** Starts every node that is not running. Checks all their ports first, so nothing starts when one is taken. */
  public synchronized void startAll() {
    List<Integer> stopped = new ArrayList<>(layout().ids());
    stopped.removeAll(running());
    Ports.requireFree(layout(), stopped);
    for (int id : stopped) {
      start(id);
    }
  }

  /** Starts node {@code id}, which must not be running, on its usual port and data. */
  public synchronized NodeProcess start(int id) {
    layout().requireNode(id);
    if (isRunning(id)) {
      throw new ClusterException("node " + id + " is already running (pid " + state.processes().get(id).pid() + ")");
    }
    Ports.requireFree(layout(), List.of(id));
    try {
      NodeProcess p = NodeProcess.of(id, NodeLauncher.launch(layout(), id));
      save(state.with(p));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node " + id, e);
    }
  }

  /** Kills node {@code id} at once with SIGKILL, as a crash would, and waits until it is gone. */
  public synchronized NodeProcess kill(int id) {
    NodeProcess p = requireRunning(id);
    p.live().ifPresent(h -> {
      h.destroyForcibly();
      awaitExit(h, KILL_WAIT);
    });
    save(state.without(id));
    return p;
  }

  /** Stops every running node: SIGTERM to all, then each gets a grace period before SIGKILL. */
  public synchronized List<NodeProcess> stopAll() {
    List<NodeProcess> stopped = new ArrayList<>();
    List<ProcessHandle> handles = new ArrayList<>();
    for (NodeProcess p : state.processes().values()) {
      p.live().ifPresent(h -> {
        h.destroy();
        handles.add(h);
        stopped.add(p);
      });
    }
    long deadline = System.nanoTime() + GRACE.toNanos();
    for (ProcessHandle h : handles) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (!awaitExit(h, left)) {
        h.destroyForcibly();
        awaitExit(h, KILL_WAIT);
      }
    }
    ClusterState next = state;
    for (int id : state.processes().keySet()) {
      next = next.without(id);
    }
    save(next);
    return stopped;
  }

  /** Kills every running node with SIGKILL without touching the state file: for a process that is exiting. */
  public void killAllNow() {
    ClusterState now;
    synchronized (this) {
      now = state;
    }
    for (NodeProcess p : now.processes().values()) {
      p.live().ifPresent(h -> {
        h.destroyForcibly();
        awaitExit(h, KILL_WAIT);
      });
    }
  }

  /** The node's process, while it runs. */
  public synchronized Optional<NodeProcess> process(int id) {
    NodeProcess p = state.processes().get(id);
    return p != null && p.isAlive() ? Optional.of(p) : Optional.empty();
  }

  public synchronized boolean isRunning(int id) {
    return process(id).isPresent();
  }

  /** The nodes whose processes run now. */
  public synchronized List<Integer> running() {
    List<Integer> ids = new ArrayList<>();
    for (NodeProcess p : state.processes().values()) {
      if (p.isAlive()) {
        ids.add(p.id());
      }
    }
    return ids;
  }

  private NodeProcess requireRunning(int id) {
    layout().requireNode(id);
    return process(id).orElseThrow(() -> new ClusterException("node " + id + " is not running"));
  }

  private void save(ClusterState next) {
    state = next;
    // After 'cluster clean' deleted the directory, stopping must not bring a state file back.
    if (Files.isDirectory(next.layout().dir())) {
      next.save();
    }
  }

  private static boolean awaitExit(ProcessHandle h, Duration timeout) {
    try {
      h.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !h.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !h.isAlive();
    }
  }
}
