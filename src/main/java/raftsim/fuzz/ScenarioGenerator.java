package raftsim.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import raftsim.scenario.ClientSettings;
import raftsim.scenario.ClusterSettings;
import raftsim.scenario.DiskSettings;
import raftsim.scenario.Expectations;
import raftsim.scenario.Mix;
import raftsim.scenario.NetworkSettings;
import raftsim.scenario.NodeRef;
import raftsim.scenario.Range;
import raftsim.scenario.Scenario;
import raftsim.scenario.ScenarioEvent;
import raftsim.scenario.SnapshotSettings;
import raftsim.scenario.SourcePosition;
import raftsim.scenario.Timing;
import raftsim.sim.Seeds;

/**
 * Draws a whole scenario from one seed: cluster size, timing, network, disks, compaction, client load
 * and a timeline of faults, then a recovery phase and a liveness check.
 *
 * <p>Swarm testing (Groce et al., 2012): each run first draws which kinds of fault it will use at all
 * and how hard, so that every run explores its own corner — some runs only partition, some only crash
 * with torn writes on a lossy network — instead of every run being the same even blend.
 *
 * <p>The protocol's extensions are drawn the same way: PreVote, CheckQuorum, lease reads (with a drift
 * bound that covers every drift the run sets), spare servers outside the first configuration, bursts of
 * membership changes (as an operator replacing a server would ask for them) and leadership transfers.
 * Removals come only with PreVote or CheckQuorum: without either, a removed server that missed its
 * removal deposes leader after leader (diss. §4.2.3), a liveness failure by design, not a bug.
 *
 * <p>Clock drift stays within what Raft's timing assumes: a leader slowed by the largest drift still
 * sends heartbeats at most half as far apart as a sped-up follower's shortest election timeout.
 */
public final class ScenarioGenerator {
  /** Fault kinds the swarm chooses among. */
  enum Fault {
    CRASH, LEADER_CHURN, LEADER_ISOLATION, PARTITION, CUT, ISOLATE, DROPS, DUPLICATES, DELAYS, PAUSE, CLOCK_DRIFT,
    TORN_WRITE, CLIENTS_OFF, MEMBERSHIP, TRANSFER
  }

  private final int minNodes;
  private final int maxNodes;

  /** @param minNodes the smallest cluster drawn; {@code maxNodes} the largest (1..15) */
  public ScenarioGenerator(int minNodes, int maxNodes) {
    if (minNodes < 1 || maxNodes < minNodes || maxNodes > 15) {
      throw new IllegalArgumentException("need 1 <= minNodes <= maxNodes <= 15, got " + minNodes + ".." + maxNodes);
    }
    this.minNodes = minNodes;
    this.maxNodes = maxNodes;
  }

  /** How long, after the recovery phase starts, the cluster has to elect a leader and complete new operations. */
  static long livenessBoundMs(Timing timing) {
    return Math.max(3000, 20 * timing.electionTimeoutMs().max());
  }

  /** The scenario of run {@code seed}. */
  public Scenario generate(long seed) {
    SplittableRandom r = Seeds.stream(seed, "fuzz-generator");
    int drawnNodes = minNodes + r.nextInt(maxNodes - minNodes + 1);
    long electionMin = pick(r, 150L, 150L, 300L, 500L);
    // A narrower spread of timeouts makes split votes, and concurrent candidates in one term, more
    // common; it stays wide against the network's delays, which Raft's liveness needs (§5.2, §5.6).
    long electionMax = r.nextInt(4) == 0 ? electionMin + electionMin / 3 : 2 * electionMin;
    Timing timing = new Timing(new Range(electionMin, electionMax), electionMin / 3);
    List<Fault> faults = swarm(r);
    // Leaders isolated one after another need a cluster where a majority survives two of them, and
    // single-entry appends to open the window of Figure 8: give that fault what it needs, often.
    boolean figure8 = faults.contains(Fault.LEADER_ISOLATION) && r.nextBoolean();
    int nodes = figure8 ? Math.max(drawnNodes, Math.min(5, maxNodes)) : drawnNodes;
    long delayMax = electionMax - electionMin < electionMin ? pick(r, 5L, 10L) : pick(r, 5L, 10L, 10L, 30L, 50L);
    NetworkSettings network = new NetworkSettings(new Range(1, delayMax),
        faults.contains(Fault.DROPS) ? pick(r, 0.01, 0.05, 0.1, 0.2) : 0.0,
        faults.contains(Fault.DUPLICATES) ? pick(r, 0.01, 0.05, 0.1) : 0.0);
    DiskSettings disk = new DiskSettings(new Range(0, pick(r, 0L, 2L, 2L, 5L, 10L)));
    SnapshotSettings snapshot = new SnapshotSettings(pick(r, 0L, 20L, 100L, 1000L), (int) (long) pick(r, 64L, 512L, 65536L));
    // The protocol's extensions are swarmed too: each run has PreVote, CheckQuorum and lease reads or not.
    boolean preVote = r.nextBoolean();
    boolean checkQuorum = r.nextBoolean();
    int readChoice = r.nextInt(5);
    ClusterSettings.Reads reads = readChoice == 0 ? ClusterSettings.Reads.LOG
        : readChoice == 1 && checkQuorum ? ClusterSettings.Reads.LEASE : ClusterSettings.Reads.READ_INDEX;
    // Spares outside the first configuration, for addServer to bring in (diss. §4.1).
    int initialMembers = faults.contains(Fault.MEMBERSHIP) && nodes > 1 && r.nextBoolean()
        ? nodes - 1 - r.nextInt(Math.min(2, nodes - 1)) : nodes;
    // Leases must allow for every drift the timeline may set (RAFT-CHECKLIST rule 22(c)).
    ClusterSettings cluster = new ClusterSettings(reads, figure8 ? 1 : (int) (long) pick(r, 1L, 4L, 64L, 64L), preVote,
        checkQuorum, Math.max(ClusterSettings.DEFAULT_DRIFT_PPM, maxDriftPpm(timing)), initialMembers);
    ClientSettings clients = new ClientSettings(1 + r.nextInt(5), 1 + r.nextInt(5), pick(r, 5L, 20L, 50L),
        2 * timing.electionTimeoutMs().max(), 8 * timing.electionTimeoutMs().max(),
        new Mix(weight(r), weight(r), weight(r), r.nextInt(4) == 0 ? weight(r) : 0, r.nextInt(3) == 0 ? weight(r) : 0));

    long faultEnd = 3000 + r.nextInt(8) * 1000L;
    long bound = livenessBoundMs(timing);
    long duration = faultEnd + bound;
    // A removed server that never learned of its removal stands for election again and again; without
    // PreVote or CheckQuorum it deposes leader after leader (diss. §4.2.3), which no recovery ends.
    boolean removals = preVote || checkQuorum;
    Timeline t = new Timeline(r, nodes, faultEnd, faults, timing, removals);
    t.faults();
    t.recovery(network);
    t.events.add(new ScenarioEvent.Expect(duration, null, null, null, faultEnd, null, SourcePosition.NONE));
    Expectations expect = new Expectations(null, true, null, null, null);
    return new Scenario("fuzz-" + seed, "Generated by raftsim fuzz from seed " + seed + "; faults: " + faults
        + ". After " + faultEnd + " ms everything heals, and within " + bound
        + " ms a leader must lead and new operations complete.", seed, nodes, duration, timing, network, disk,
        snapshot, cluster, clients, t.events, expect, "");
  }

  /** Each fault kind is in with probability one half; at least one is. */
  private static List<Fault> swarm(SplittableRandom r) {
    List<Fault> in = new ArrayList<>();
    for (Fault f : Fault.values()) {
      if (r.nextBoolean()) {
        in.add(f);
      }
    }
    if (in.isEmpty()) {
      in.add(Fault.values()[r.nextInt(Fault.values().length)]);
    }
    return in;
  }

  @SafeVarargs
  private static <T> T pick(SplittableRandom r, T... options) {
    return options[r.nextInt(options.length)];
  }

  /** A mix weight with two decimals, so that scenario files read cleanly. */
  private static double weight(SplittableRandom r) {
    return (1 + r.nextInt(100)) / 100.0;
  }

  /** The fault timeline of one scenario, built in time order. */
  private static final class Timeline {
    final SplittableRandom r;
    final int nodes;
    final long faultEnd;
    final List<Fault> faults;
    final Timing timing;
    final List<ScenarioEvent> events = new ArrayList<>();
    final boolean[] drifted;
    final boolean removals;

    Timeline(SplittableRandom r, int nodes, long faultEnd, List<Fault> faults, Timing timing, boolean removals) {
      this.r = r;
      this.nodes = nodes;
      this.faultEnd = faultEnd;
      this.faults = faults;
      this.timing = timing;
      this.drifted = new boolean[nodes + 1];
      this.removals = removals;
    }

    /**
     * Fault events at random times before faultEnd. How many is drawn from a geometric distribution
     * (mean about 6): most runs have a few faults, which also makes their failures small to begin with.
     */
    void faults() {
      int count = 1;
      while (count < 40 && r.nextInt(6) != 0) {
        count++;
      }
      List<Long> times = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        times.add(500 + (long) r.nextInt((int) (faultEnd - 600)));
      }
      times.sort(null);
      for (long at : times) {
        Fault f = faults.get(r.nextInt(faults.size()));
        add(f, at);
      }
    }

    private void add(Fault f, long at) {
      switch (f) {
        case CRASH, TORN_WRITE -> {
          NodeRef node = nodeRef();
          events.add(new ScenarioEvent.Crash(at, node, f == Fault.TORN_WRITE, SourcePosition.NONE));
          long back = at + (r.nextBoolean() ? 10 + r.nextInt(200) : 100 + r.nextInt(2000));
          if (back < faultEnd && r.nextInt(3) > 0) {
            events.add(new ScenarioEvent.Restart(back, new NodeRef.Crashed(), SourcePosition.NONE));
          }
        }
        case LEADER_CHURN -> {
          // Leaders die one after another, some the instant they take office, with entries
          // half-replicated, and voters flap during the elections: the histories of Figure 8 and of
          // double votes come from such bursts.
          long t = at;
          for (int k = 2 + r.nextInt(4); k > 0 && t < faultEnd - 50; k--) {
            NodeRef who = r.nextBoolean() ? new NodeRef.NextLeader() : new NodeRef.Leader();
            // A next leader dies at once, before anything leaves, or a few ms later, while its first
            // entries are half-replicated.
            long after = who instanceof NodeRef.NextLeader && r.nextBoolean() ? 1 + r.nextInt(40) : 0;
            events.add(new ScenarioEvent.Crash(t, who, r.nextInt(4) == 0, after, SourcePosition.NONE));
            long flap = t + timing.electionTimeoutMs().min() + r.nextInt(100);
            if (r.nextBoolean() && flap < faultEnd) {
              events.add(new ScenarioEvent.Crash(flap, new NodeRef.Random(), false, SourcePosition.NONE));
            }
            long back = t + 20 + r.nextInt(who instanceof NodeRef.NextLeader ? 1500 : 400);
            if (back < faultEnd) {
              events.add(new ScenarioEvent.Restart(back, new NodeRef.Crashed(), SourcePosition.NONE));
            }
            t = back + r.nextInt(400);
          }
        }
        case LEADER_ISOLATION -> {
          // One new leader after another is cut off the instant it takes office: each appends its no-op
          // alone, so logs diverge term by term (Figure 8's (a)-(c)); the heal brings them all back.
          for (int k = Math.min(2 + r.nextInt(2), (nodes - 1) / 2); k > 0; k--) {
            events.add(new ScenarioEvent.Isolate(at, new NodeRef.NextLeader(), SourcePosition.NONE));
          }
          if (r.nextBoolean()) {
            events.add(new ScenarioEvent.Crash(at, new NodeRef.Leader(), false, SourcePosition.NONE));
          }
          long heal = at + 300 + r.nextInt(1500);
          if (heal < faultEnd) {
            events.add(new ScenarioEvent.Heal(heal, SourcePosition.NONE));
            events.add(new ScenarioEvent.Restart(heal, new NodeRef.Crashed(), SourcePosition.NONE));
          }
        }
        case PARTITION -> events.add(new ScenarioEvent.Partition(at, groups(), SourcePosition.NONE));
        case CUT -> {
          int from = node();
          int to = node();
          if (from != to) {
            events.add(new ScenarioEvent.Cut(at, from, to, SourcePosition.NONE));
          }
        }
        case ISOLATE -> events.add(new ScenarioEvent.Isolate(at, nodeRef(), SourcePosition.NONE));
        case DROPS -> events.add(new ScenarioEvent.NetworkChange(at, null, pick(r, 0.0, 0.05, 0.1, 0.3), null,
            SourcePosition.NONE));
        case DUPLICATES -> events.add(new ScenarioEvent.NetworkChange(at, null, null, pick(r, 0.0, 0.05, 0.2),
            SourcePosition.NONE));
        case DELAYS -> events.add(new ScenarioEvent.NetworkChange(at, new Range(1, pick(r, 5L, 20L, 60L)), null, null,
            SourcePosition.NONE));
        case PAUSE -> {
          long forMs = Math.min(100 + r.nextInt(2000), faultEnd - at - 1);
          if (forMs >= 1) {
            events.add(new ScenarioEvent.Pause(at, nodeRef(), forMs, SourcePosition.NONE));
          }
        }
        case CLOCK_DRIFT -> {
          int node = node();
          long limit = maxDriftPpm(timing);
          events.add(new ScenarioEvent.ClockDrift(at, node, r.nextLong(2 * limit + 1) - limit, SourcePosition.NONE));
          drifted[node] = true;
        }
        case MEMBERSHIP -> {
          // An operator's burst: one to three changes at once, as when a server is replaced (removed and
          // another added) — the leader must make them one at a time (diss. §4.1).
          for (int k = 1 + r.nextInt(3); k > 0; k--) {
            if (removals && r.nextBoolean()) {
              NodeRef who = r.nextInt(4) == 0 ? new NodeRef.Leader() : new NodeRef.Id(node());
              events.add(new ScenarioEvent.RemoveServer(at, who, SourcePosition.NONE));
            } else {
              events.add(new ScenarioEvent.AddServer(at, node(), SourcePosition.NONE));
            }
          }
        }
        case TRANSFER -> events.add(new ScenarioEvent.TransferLeader(at, node(), SourcePosition.NONE));
        case CLIENTS_OFF -> {
          events.add(new ScenarioEvent.ClientsActive(at, false, SourcePosition.NONE));
          long back = at + 100 + r.nextInt(1500);
          if (back < faultEnd) {
            events.add(new ScenarioEvent.ClientsActive(back, true, SourcePosition.NONE));
          }
        }
      }
    }

    /**
     * The recovery phase: heal every link, restart every crashed node, reset every drifted clock, a
     * mild network, clients on. Pauses already end before it.
     */
    void recovery(NetworkSettings base) {
      long at = faultEnd;
      events.add(new ScenarioEvent.Heal(at, SourcePosition.NONE));
      events.add(new ScenarioEvent.Restart(at, new NodeRef.Crashed(), SourcePosition.NONE));
      for (int n = 1; n <= nodes; n++) {
        if (drifted[n]) {
          events.add(new ScenarioEvent.ClockDrift(at, n, 0, SourcePosition.NONE));
        }
      }
      events.add(new ScenarioEvent.NetworkChange(at, new Range(1, Math.min(10, base.delayMs().max())), 0.0, 0.0,
          SourcePosition.NONE));
      events.add(new ScenarioEvent.ClientsActive(at, true, SourcePosition.NONE));
    }

    private int node() {
      return 1 + r.nextInt(nodes);
    }

    private NodeRef nodeRef() {
      int k = r.nextInt(4);
      return k == 0 ? new NodeRef.Leader() : k == 1 ? new NodeRef.Random() : new NodeRef.Id(node());
    }

    /** Two or three groups; sometimes a node is left out of all of them. */
    private List<List<Integer>> groups() {
      int groupCount = 2 + r.nextInt(2);
      List<List<Integer>> groups = new ArrayList<>();
      for (int g = 0; g < groupCount; g++) {
        groups.add(new ArrayList<>());
      }
      for (int n = 1; n <= nodes; n++) {
        int g = r.nextInt(groupCount + 1);
        if (g < groupCount) {
          groups.get(g).add(n);
        }
      }
      groups.removeIf(List::isEmpty);
      if (groups.isEmpty()) {
        groups.add(List.of(node()));
      }
      return groups;
    }
  }

  /**
   * The largest drift either way, in ppm, that keeps a slowed leader's heartbeat interval at most half
   * of a sped-up follower's shortest election timeout: (1 + d) / (1 - d) <= min / (2 heartbeat).
   */
  static long maxDriftPpm(Timing timing) {
    double ratio = timing.electionTimeoutMs().min() / (2.0 * timing.heartbeatMs());
    if (ratio <= 1) {
      return 0;
    }
    double d = (ratio - 1) / (ratio + 1);
    return Math.min(300_000, (long) StrictMath.floor(d * 1_000_000));
  }
}
