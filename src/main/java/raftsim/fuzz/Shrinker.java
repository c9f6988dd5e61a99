package raftsim.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import raftsim.scenario.ClientSettings;
import raftsim.scenario.ClusterSettings;
import raftsim.scenario.DiskSettings;
import raftsim.scenario.NetworkSettings;
import raftsim.scenario.NodeRef;
import raftsim.scenario.Range;
import raftsim.scenario.Scenario;
import raftsim.scenario.ScenarioEvent;
import raftsim.scenario.SnapshotSettings;
import raftsim.sim.RunResult;
import raftsim.sim.Seeds;

/**
 * Shrinks a failing scenario to a smaller one that still fails the same check: delta debugging over
 * its events (Zeller &amp; Hildebrandt, 2002), then fewer nodes, fewer clients, a shorter run and milder
 * settings, repeated until nothing more can go. Every candidate is run with the failing seed first, and
 * a candidate is kept only if it fails the very same check.
 *
 * <p>One seed drives the whole run, so removing an event changes every message delay after it, and a
 * failure that needed a long chain of coincidences can vanish whatever single event goes: delta
 * debugging then stops at a large local minimum. So a candidate without some events that no longer
 * fails with the seed is also run with a few other seeds, derived deterministically from it; the first
 * that fails is kept, seed and all. The shrunk file carries the seed it fails with, and replays exactly.
 */
public final class Shrinker {
  private final FuzzRunner runner;
  private final String check;
  private final int maxRuns;
  private int runs;
  /** How many other seeds a candidate with fewer events gets when it no longer fails with its own. */
  static final int RESEEDS = 2;

  /**
   * @param check the check the shrunk scenario must still fail ({@link Failure#check()})
   * @param maxRuns a bound on candidate runs, so shrinking always ends
   */
  public Shrinker(FuzzRunner runner, String check, int maxRuns) {
    this.runner = runner;
    this.check = check;
    this.maxRuns = maxRuns;
  }

  /**
   * Shrinks the failing run {@code result} of {@code failing}, keeping the check it failed; a safety
   * invariant's failure time lets the run be cut there first.
   */
  public static Shrinker forFailure(FuzzRunner runner, RunResult result, int maxRuns) {
    return new Shrinker(runner, Failure.of(result).check(), maxRuns);
  }

  /** When {@code result} broke a safety invariant, or -1. */
  public static long failedAtMs(RunResult result) {
    return result.outcome().violationCount() > 0 ? result.outcome().violations().get(0).atMs() : -1;
  }

  /** How many candidates were run. */
  public int runs() {
    return runs;
  }

  /**
   * @param failing a scenario that fails {@code check}
   * @param failedAtMs when it failed, for a safety invariant (else -1): nothing after that instant can
   *     matter, so the run is cut there first, which changes nothing before it
   */
  public Scenario shrink(Scenario failing, long failedAtMs) {
    Scenario current = failing;
    if (failedAtMs >= 0 && failedAtMs < failing.durationMs()) {
      Scenario cut = endAt(failing, failedAtMs + 1);
      if (stillFails(cut)) {
        current = cut;
      }
    }
    boolean progress = true;
    while (progress && runs < maxRuns) {
      Scenario before = current;
      current = shrinkEvents(current);
      current = tryEach(current, List.of(
          s -> s.nodes() > 1 ? withoutNode(s, s.nodes()) : null,
          s -> fewerClients(s),
          s -> s.clients() != null && s.clients().keys() > 1 ? s.withClients(withKeys(s.clients(), 1)) : null,
          // A liveness check needs its whole bound after the recovery: the run keeps its length.
          s -> check.equals("liveness") ? null : shorter(s),
          s -> s.network().dropRate() > 0 || s.network().duplicateRate() > 0
              ? with(s, new NetworkSettings(s.network().delayMs(), 0, 0), s.disk(), s.snapshot()) : null,
          s -> s.network().delayMs().max() > 1
              ? with(s, new NetworkSettings(new Range(1, 1), s.network().dropRate(), s.network().duplicateRate()),
                  s.disk(), s.snapshot()) : null,
          s -> s.disk().syncMs().max() > 0 ? with(s, s.network(), new DiskSettings(new Range(0, 0)), s.snapshot()) : null,
          s -> s.snapshot().everyEntries() > 0
              ? with(s, s.network(), s.disk(), new SnapshotSettings(0, s.snapshot().chunkBytes())) : null,
          s -> s.cluster().reads() != ClusterSettings.Reads.READ_INDEX
              ? s.withCluster(s.cluster().withReads(ClusterSettings.Reads.READ_INDEX)) : null,
          // Like the generator, never leave removals with neither PreVote nor CheckQuorum: a removed
          // server's elections would then fail liveness for a reason of their own (diss. §4.2.3).
          s -> s.cluster().preVote() && (s.cluster().checkQuorum() || !removes(s))
              ? s.withCluster(s.cluster().withPreVote(false)) : null,
          s -> s.cluster().checkQuorum() && s.cluster().reads() != ClusterSettings.Reads.LEASE
              && (s.cluster().preVote() || !removes(s)) ? s.withCluster(s.cluster().withCheckQuorum(false)) : null,
          s -> s.cluster().initialMembers() < s.nodes()
              ? s.withCluster(s.cluster().withInitialMembers(s.nodes())) : null));
      progress = !current.equals(before);
    }
    return current;
  }

  private static boolean removes(Scenario s) {
    return s.events().stream().anyMatch(e -> e instanceof ScenarioEvent.RemoveServer);
  }

  /**
   * {@code candidate} when it fails the same check with its own seed; else the first of {@link #RESEEDS}
   * seeds derived from it with which it does; else null.
   */
  private Scenario failsWithSomeSeed(Scenario candidate) {
    if (stillFails(candidate)) {
      return candidate;
    }
    for (int i = 1; i <= RESEEDS && runs < maxRuns; i++) {
      Scenario reseeded = candidate.withSeed(Seeds.derive(candidate.seed(), "shrink-" + candidate.events().size() + "-" + i));
      if (stillFails(reseeded)) {
        return reseeded;
      }
    }
    return null;
  }

  /** Runs a candidate; true when it fails the same check. */
  private boolean stillFails(Scenario candidate) {
    if (runs >= maxRuns) {
      return false;
    }
    runs++;
    Failure f = runner.failure(candidate);
    return f != null && f.check().equals(check);
  }

  /** Tries each simplification in turn, keeping those that still fail. A null candidate means "not applicable". */
  private Scenario tryEach(Scenario s, List<UnaryOperator<Scenario>> steps) {
    Scenario current = s;
    for (UnaryOperator<Scenario> step : steps) {
      Scenario candidate = step.apply(current);
      if (candidate != null && !candidate.equals(current) && stillFails(candidate)) {
        current = candidate;
      }
    }
    return current;
  }

  /**
   * ddmin over the events: remove chunks of the list, halving the chunk size until single events. A
   * liveness check is only fair after the recovery phase, so for liveness the events from the recovery
   * on (the instant the final expectation counts progress from) are kept as they are.
   */
  private Scenario shrinkEvents(Scenario s) {
    Scenario scenario = s; // its seed may change, see failsWithSomeSeed
    long protectedFrom = check.equals("liveness") ? recoveryStart(s) : Long.MAX_VALUE;
    List<ScenarioEvent> fixed = s.events().stream().filter(e -> e.atMs() >= protectedFrom).toList();
    List<ScenarioEvent> events = s.events().stream().filter(e -> e.atMs() < protectedFrom).toList();
    int chunks = 2;
    while (events.size() >= 2 && runs < maxRuns) {
      int size = (int) Math.ceil(events.size() / (double) chunks);
      boolean removed = false;
      for (int start = 0; start < events.size() && runs < maxRuns; start += size) {
        List<ScenarioEvent> complement = new ArrayList<>(events.subList(0, start));
        complement.addAll(events.subList(Math.min(events.size(), start + size), events.size()));
        Scenario failing = failsWithSomeSeed(scenario.withEvents(plus(complement, fixed)));
        if (failing != null) {
          scenario = failing;
          events = complement;
          chunks = Math.max(chunks - 1, 2);
          removed = true;
          break;
        }
      }
      if (!removed) {
        if (size == 1) {
          break;
        }
        chunks = Math.min(chunks * 2, events.size());
      }
    }
    if (events.size() == 1) {
      Scenario failing = failsWithSomeSeed(scenario.withEvents(fixed));
      if (failing != null) {
        scenario = failing;
        events = List.of();
      }
    }
    return withoutPairs(scenario, events, fixed);
  }

  /**
   * ddmin leaves a list from which no single event can go; but faults come in pairs (a crash and its
   * restart, a partition and its heal) that may only go together, and need not be neighbours. Tries
   * every pair, for lists short enough that this is affordable.
   */
  private Scenario withoutPairs(Scenario s, List<ScenarioEvent> events, List<ScenarioEvent> fixed) {
    List<ScenarioEvent> current = events;
    boolean removed = true;
    while (removed && current.size() >= 2 && current.size() <= 24 && runs < maxRuns) {
      removed = false;
      for (int i = 0; i < current.size() && !removed && runs < maxRuns; i++) {
        for (int j = i + 1; j < current.size() && !removed && runs < maxRuns; j++) {
          List<ScenarioEvent> candidate = new ArrayList<>(current);
          candidate.remove(j);
          candidate.remove(i);
          if (stillFails(s.withEvents(plus(candidate, fixed)))) {
            current = candidate;
            removed = true;
          }
        }
      }
    }
    return s.withEvents(plus(current, fixed));
  }

  private static List<ScenarioEvent> plus(List<ScenarioEvent> a, List<ScenarioEvent> b) {
    List<ScenarioEvent> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** When the final liveness expectation starts counting progress: the recovery phase. */
  private static long recoveryStart(Scenario s) {
    long start = s.durationMs();
    for (ScenarioEvent e : s.events()) {
      if (e instanceof ScenarioEvent.Expect x && x.progressSinceMs() != null && e.atMs() == s.durationMs()) {
        start = Math.min(start, x.progressSinceMs());
      }
    }
    return start;
  }

  /** The scenario without node {@code last} (the highest id): events that name it go. */
  static Scenario withoutNode(Scenario s, int last) {
    List<ScenarioEvent> kept = new ArrayList<>();
    for (ScenarioEvent e : s.events()) {
      ScenarioEvent k = withoutNode(e, last);
      if (k != null) {
        kept.add(k);
      }
    }
    ClusterSettings cluster = s.cluster().withInitialMembers(Math.min(s.cluster().initialMembers(), last - 1));
    return new Scenario(s.name(), s.description(), s.seed(), last - 1, s.durationMs(), s.timing(), s.network(),
        s.disk(), s.snapshot(), cluster, s.clients(), kept, s.expect(), s.file());
  }

  private static ScenarioEvent withoutNode(ScenarioEvent e, int last) {
    if (e instanceof ScenarioEvent.Partition p) {
      List<List<Integer>> groups = new ArrayList<>();
      for (List<Integer> g : p.groups()) {
        List<Integer> rest = g.stream().filter(n -> n != last).toList();
        if (!rest.isEmpty()) {
          groups.add(rest);
        }
      }
      return groups.isEmpty() ? null : new ScenarioEvent.Partition(p.atMs(), groups, p.at());
    }
    if (e instanceof ScenarioEvent.Cut c) {
      return c.from() == last || c.to() == last ? null : c;
    }
    if (e instanceof ScenarioEvent.ClockDrift d) {
      return d.node() == last ? null : d;
    }
    if (e instanceof ScenarioEvent.TransferLeader t) {
      return t.to() == last ? null : t;
    }
    if (e instanceof ScenarioEvent.Expect x) {
      boolean namesIt = (x.node() != null && x.node() == last) || (x.voters() != null && x.voters().contains(last));
      return namesIt ? null : x;
    }
    if (e instanceof ScenarioEvent.AddServer a) {
      return a.node() == last ? null : a;
    }
    NodeRef ref = e instanceof ScenarioEvent.Crash c ? c.node()
        : e instanceof ScenarioEvent.Restart r ? r.node()
        : e instanceof ScenarioEvent.Isolate i ? i.node()
        : e instanceof ScenarioEvent.Pause p ? p.node()
        : e instanceof ScenarioEvent.RemoveServer r ? r.node() : null;
    return ref instanceof NodeRef.Id id && id.id() == last ? null : e;
  }

  private static Scenario fewerClients(Scenario s) {
    ClientSettings c = s.clients();
    if (c == null || c.count() == 1) {
      return null;
    }
    return s.withClients(new ClientSettings(1, c.keys(), c.opIntervalMs(), c.retryMs(), c.timeoutMs(), c.mix()));
  }

  private static ClientSettings withKeys(ClientSettings c, int keys) {
    return new ClientSettings(c.count(), keys, c.opIntervalMs(), c.retryMs(), c.timeoutMs(), c.mix());
  }

  /** Half as long, dropping events after the new end (the liveness check moves with the end). */
  private static Scenario shorter(Scenario s) {
    return s.durationMs() / 2 < 100 ? null : endAt(s, s.durationMs() / 2);
  }

  /** The scenario ending at {@code duration}: events after it go; an expectation at the end moves with it. */
  private static Scenario endAt(Scenario s, long duration) {
    List<ScenarioEvent> kept = new ArrayList<>();
    for (ScenarioEvent e : s.events()) {
      if (e.atMs() <= duration) {
        kept.add(e);
      } else if (e instanceof ScenarioEvent.Expect x && e.atMs() == s.durationMs()) {
        kept.add(new ScenarioEvent.Expect(duration, x.leader(), x.node(), x.role(),
            x.progressSinceMs() == null ? null : Math.min(x.progressSinceMs(), duration),
            x.noProgressSinceMs() == null ? null : Math.min(x.noProgressSinceMs(), duration), x.voters(), x.at()));
      }
    }
    return new Scenario(s.name(), s.description(), s.seed(), s.nodes(), duration, s.timing(), s.network(), s.disk(),
        s.snapshot(), s.cluster(), s.clients(), kept, s.expect(), s.file());
  }

  private static Scenario with(Scenario s, NetworkSettings n, DiskSettings d, SnapshotSettings snap) {
    return new Scenario(s.name(), s.description(), s.seed(), s.nodes(), s.durationMs(), s.timing(), n, d, snap,
        s.cluster(), s.clients(), s.events(), s.expect(), s.file());
  }
}
