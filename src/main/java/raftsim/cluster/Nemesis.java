package raftsim.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Carries out a {@link NemesisSchedule} on a running cluster, on its own thread: hard kills (SIGKILL) and
 * restarts, at the planned times on the history's clock. Before every kill it checks that a majority stays up.
 * What it did goes into the history as comments and into a log for the report.
 */
final class Nemesis implements Runnable {
  /** One thing the nemesis did, at {@code atMs} on the history's clock. */
  record Event(long atMs, String what) {
    String render() {
      return String.format(Locale.ROOT, "%6.1f s  %s", atMs / 1000.0, what);
    }
  }

  /** A planned step: kill or restart for fault number {@code fault}. */
  private record Step(long atMs, boolean kill, int fault) {}

  private final NemesisSchedule plan;
  private final LocalCluster cluster;
  private final StatusProbe probe;
  private final WriteBurst burst;
  private final HistoryRecorder history;
  private final long endMs;
  private final Consumer<Event> listener;
  private final List<Event> events = new ArrayList<>();
  /** The node each fault killed, while it is down. */
  private final TreeMap<Integer, Integer> downByFault = new TreeMap<>();
  private final TreeMap<NemesisSchedule.Target, Integer> killsByTarget = new TreeMap<>();
  private int restarts;

  /**
   * @param endMs when the run ends on the history's clock: a kill that comes due later is dropped, since the
   *     clients have stopped (a restart still happens)
   * @param listener told of every event as it happens
   */
  Nemesis(NemesisSchedule plan, LocalCluster cluster, StatusProbe probe, WriteBurst burst, HistoryRecorder history,
      long endMs, Consumer<Event> listener) {
    this.plan = plan;
    this.cluster = cluster;
    this.probe = probe;
    this.burst = burst;
    this.history = history;
    this.endMs = endMs;
    this.listener = listener;
  }

  @Override
  public void run() {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < plan.faults().size(); i++) {
      steps.add(new Step(plan.faults().get(i).killAtMs(), true, i));
      steps.add(new Step(plan.faults().get(i).restartAtMs(), false, i));
    }
    // By time; at the same moment a restart goes first, so the plan's count of nodes down holds.
    steps.sort(Comparator.comparingLong(Step::atMs).thenComparing(Step::kill));
    try {
      for (Step step : steps) {
        long wait = step.atMs() - history.elapsedMs();
        if (wait > 0) {
          Thread.sleep(wait);
        }
        if (step.kill()) {
          if (history.elapsedMs() < endMs) {
            kill(step.fault(), plan.faults().get(step.fault()));
          }
        } else {
          restart(step.fault());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the run is over: the caller restarts whatever is down
    }
  }

  private void kill(int index, NemesisSchedule.Fault fault) throws InterruptedException {
    List<Integer> running = cluster.running();
    int down = cluster.layout().nodes() - running.size();
    if (down >= cluster.layout().maxDown()) {
      note("skip a kill: " + down + " nodes are down already, and a majority must stay up");
      return;
    }
    int node = running.get(fault.pick() % running.size());
    String why = "a random node";
    if (fault.target() != NemesisSchedule.Target.RANDOM_NODE) {
      OptionalInt leader = probe.leader();
      if (leader.isPresent() && running.contains(leader.getAsInt())) {
        node = leader.getAsInt();
        why = fault.target() == NemesisSchedule.Target.LEADER
            ? "the leader" : "the leader, right after a burst of writes";
      } else {
        why = "a random node, as no leader is known";
      }
    }
    if (fault.target() == NemesisSchedule.Target.LEADER_AFTER_BURST) {
      burst.fire();
    }
    if (!cluster.isRunning(node)) {
      note("skip a kill: n" + node + " stopped by itself");
      return;
    }
    cluster.kill(node);
    downByFault.put(index, node);
    killsByTarget.merge(fault.target(), 1, Integer::sum);
    note("kill n" + node + " (" + why + ")");
  }

  private void restart(int index) {
    Integer node = downByFault.remove(index);
    if (node == null) {
      return; // the kill was skipped
    }
    try {
      cluster.start(node);
      restarts++;
      note("restart n" + node);
    } catch (RuntimeException e) {
      note("restart of n" + node + " failed: " + e.getMessage());
    }
  }

  private void note(String what) {
    Event e = new Event(history.elapsedMs(), what);
    events.add(e);
    history.comment("nemesis at " + e.atMs() + " ms: " + what);
    listener.accept(e);
  }

  List<Event> events() {
    return List.copyOf(events);
  }

  /** Kills by what the plan aimed at. */
  NemesisResult.KillCounts kills() {
    return new NemesisResult.KillCounts(killsByTarget.getOrDefault(NemesisSchedule.Target.RANDOM_NODE, 0),
        killsByTarget.getOrDefault(NemesisSchedule.Target.LEADER, 0),
        killsByTarget.getOrDefault(NemesisSchedule.Target.LEADER_AFTER_BURST, 0));
  }

  int restarts() {
    return restarts;
  }
}
