package raftsim.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import raftsim.check.history.History;
import raftsim.check.linearizability.CheckOptions;
import raftsim.check.linearizability.KvModel;
import raftsim.check.linearizability.LinearizabilityChecker;
import raftsim.check.linearizability.Verdict;
import raftsim.core.RaftCore;
import raftsim.core.RaftConfig;
import raftsim.kv.KvStore;
import raftsim.scenario.ClusterSettings;
import raftsim.scenario.LeaderExpectation;
import raftsim.scenario.LinearizableExpectation;
import raftsim.scenario.NodeRef;
import raftsim.scenario.Role;
import raftsim.scenario.Scenario;
import raftsim.scenario.ScenarioEvent;
import raftsim.trace.TraceWriter;

/**
 * Plays one scenario file: builds the cluster it describes, schedules its events, runs its clients,
 * and checks its expectations and its client history (CONTRACT §4).
 */
public final class ScenarioRunner {
  private final Scenario scenario;
  private final Simulation sim;
  private final SimClients clients;
  /** The scenario's seed: each "random" choice draws from a stream of its own (see {@link #resolve}). */
  private final long seed;
  private final List<ExpectationResult> expectations = new ArrayList<>();
  /** Crashes and isolations waiting for the next leader to take office, in order. */
  private final java.util.ArrayDeque<ScenarioEvent> armedForNextLeader = new java.util.ArrayDeque<>();
  /** Crashes of a next leader set to strike {@code afterMs} after it took office, not yet struck. */
  private final List<Scheduled> delayedCrashes = new ArrayList<>();
  /**
   * Membership changes not yet made, oldest first: like an operator, the runner asks the leader of the
   * moment for the first one, again every heartbeat interval, until the leader's configuration shows it
   * made — through refusals (one change at a time), leader changes and truncated entries. Once the
   * leader has taken one, the runner asks for the next at once, as an operator's script firing its
   * requests back to back would: keeping changes one at a time is the leader's job (diss. §4.1).
   */
  private final java.util.ArrayDeque<MembershipChange> membershipChanges = new java.util.ArrayDeque<>();
  private Scheduled membershipRetry;

  /** A server to add ({@code add}) or remove. */
  private record MembershipChange(boolean add, int server) {}

  private ScenarioRunner(Scenario scenario, SimOptions options, TraceWriter trace, ClientHistory history) {
    this.scenario = scenario;
    this.sim = new Simulation(options, trace);
    this.seed = scenario.seed();
    // Scripted events go in first, so at any instant they come before everything else (CONTRACT §4).
    List<ScenarioEvent> events = scenario.events();
    for (int i = 0; i < events.size(); i++) {
      ScenarioEvent e = events.get(i);
      int sameInstant = 0; // events at the same instant before this one: a key that other events do not move
      for (int k = i - 1; k >= 0 && events.get(k).atMs() == e.atMs(); k--) {
        sameInstant++;
      }
      String key = e.atMs() + "-" + sameInstant;
      sim.at(e.atMs(), s -> apply(e, key));
    }
    this.clients = scenario.clients() == null ? null
        : SimClients.start(sim, clientLoad(scenario), history, 0);
    sim.onNewLeader(leader -> {
      ScenarioEvent armed = armedForNextLeader.poll();
      if (armed instanceof ScenarioEvent.Isolate) {
        sim.isolate(leader);
      } else if (armed instanceof ScenarioEvent.Crash c && c.afterMs() == 0) {
        sim.crash(leader, c.tornWrite());
      } else if (armed instanceof ScenarioEvent.Crash c) {
        delayedCrashes.add(sim.at(sim.now() + c.afterMs(), s -> s.crash(leader, c.tornWrite())));
      }
    });
  }

  /** The simulator settings a scenario file describes. */
  public static SimOptions options(Scenario s) {
    RaftConfig raft = RaftConfig.of(s.timing().electionTimeoutMs().min(), s.timing().electionTimeoutMs().max(),
        s.timing().heartbeatMs()).withSnapshots(s.snapshot().everyEntries(), s.snapshot().chunkBytes())
        .withMaxEntriesPerAppend(s.cluster().maxEntriesPerAppend()).withPreVote(s.cluster().preVote())
        .withCheckQuorum(s.cluster().checkQuorum())
        .withLeaseReads(s.cluster().reads() == ClusterSettings.Reads.LEASE, s.cluster().maxClockDriftPpm());
    NetworkParams network = new NetworkParams(s.network().delayMs().min(), s.network().delayMs().max(),
        s.network().dropRate(), s.network().duplicateRate());
    ReadMode reads = s.cluster().reads() == ClusterSettings.Reads.LOG ? ReadMode.LOG : ReadMode.READ_INDEX;
    return new SimOptions(s.nodes(), raft, network, s.disk().syncMs().min(), s.disk().syncMs().max(), s.seed(),
        KvStore::new, reads, Long.MAX_VALUE, s.cluster().initialMembers());
  }

  static ClientLoad clientLoad(Scenario s) {
    var c = s.clients();
    var m = c.mix();
    return new ClientLoad(c.count(), c.keys(), c.opIntervalMs(), c.retryMs(), c.timeoutMs(),
        new ClientLoad.OperationMix(m.put(), m.get(), m.append(), m.delete(), m.cas()));
  }

  /**
   * Runs {@code scenario} and judges it in full: safety, expectations, and the linearizability of its
   * client history within {@code check}'s budget (CONTRACT §4, final expectations).
   */
  public static RunResult runAndCheck(Scenario scenario, SimOptions options, TraceWriter trace, CheckOptions check) {
    HistoryRecorder recorder = new HistoryRecorder("scenario " + scenario.name() + " seed " + scenario.seed());
    ScenarioOutcome outcome = run(scenario, options, trace, recorder);
    History history = recorder.history();
    LinearizableExpectation wanted = scenario.expect().linearizable();
    if (history.operations().isEmpty() || wanted == LinearizableExpectation.SKIP) {
      return new RunResult(outcome, history, null, outcome.expectations());
    }
    Verdict verdict = LinearizabilityChecker.check(history, new KvModel(), check);
    List<ExpectationResult> expectations = outcome.expectations();
    if (!(verdict instanceof Verdict.Undecided)) {
      boolean linearizable = verdict instanceof Verdict.Linearizable;
      boolean required = wanted != LinearizableExpectation.FALSE;
      expectations = RunResult.plus(expectations, new ExpectationResult("linearizable", linearizable == required,
          "the history of " + history.operations().size() + " operations is "
              + (linearizable ? "" : "not ") + "linearizable" + (required ? "" : "; a violation was expected")));
    }
    return new RunResult(outcome, history, verdict, expectations);
  }

  /**
   * Runs {@code scenario} to its end with the given simulator settings (normally {@link #options}).
   * Every invocation and completion goes to {@code history}.
   */
  public static ScenarioOutcome run(Scenario scenario, SimOptions options, TraceWriter trace, ClientHistory history) {
    return run(scenario, options, trace, history, null);
  }

  /** As {@link #run(Scenario, SimOptions, TraceWriter, ClientHistory)}, calling {@code afterEachEvent} (unless null) after every event. */
  public static ScenarioOutcome run(Scenario scenario, SimOptions options, TraceWriter trace, ClientHistory history,
      java.util.function.Consumer<Simulation> afterEachEvent) {
    long wallStart = System.nanoTime(); // only to report wallMs, never to decide anything
    ScenarioRunner r = new ScenarioRunner(scenario, options, trace, history);
    if (afterEachEvent != null) {
      r.sim.afterEachEvent(afterEachEvent);
    }
    r.sim.runUntil(scenario.durationMs());
    if (r.clients != null) {
      r.clients.finish();
    }
    if (r.sim.runaway()) {
      r.record("eventLimit", false, "stopped at " + r.sim.now() + " ms after " + r.sim.events()
          + " events, the most a run may take: a runaway");
    }
    r.checkFinalExpectations();
    long wallMs = (System.nanoTime() - wallStart) / 1_000_000;
    return r.outcome(wallMs);
  }

  // ------------------------------------------------------------------------------------- events

  /** @param key names the event's own random stream, for a "random" node */
  private void apply(ScenarioEvent e, String key) {
    if (e instanceof ScenarioEvent.Crash c && c.node() instanceof NodeRef.NextLeader) {
      arm(e);
    } else if (e instanceof ScenarioEvent.Isolate i && i.node() instanceof NodeRef.NextLeader) {
      arm(e);
    } else if (e instanceof ScenarioEvent.Crash c) {
      int node = resolve(c.node(), "crash", sim::live, key);
      if (node != 0) {
        if (sim.crashed(node)) {
          skip("crash", "node " + node + " is already crashed");
        } else {
          sim.crash(node, c.tornWrite());
        }
      }
    } else if (e instanceof ScenarioEvent.Restart r) {
      if (r.node() instanceof NodeRef.Crashed) {
        for (int id = 1; id <= sim.nodeCount(); id++) {
          sim.restart(id);
        }
      } else {
        int node = ((NodeRef.Id) r.node()).id();
        if (sim.crashed(node)) {
          sim.restart(node);
        } else {
          skip("restart", "node " + node + " is not crashed");
        }
      }
    } else if (e instanceof ScenarioEvent.Partition p) {
      sim.partition(p.groups());
    } else if (e instanceof ScenarioEvent.Isolate i) {
      int node = resolve(i.node(), "isolate", id -> sim.live(id) && !sim.isolated(id), key);
      if (node != 0) {
        sim.isolate(node);
      }
    } else if (e instanceof ScenarioEvent.Cut c) {
      sim.cut(c.from(), c.to());
    } else if (e instanceof ScenarioEvent.Heal) {
      sim.heal();
      armedForNextLeader.clear(); // a heal ends the faults, armed ones included
      delayedCrashes.forEach(sim::cancel); // and a next leader's crash that has not struck yet
      delayedCrashes.clear();
    } else if (e instanceof ScenarioEvent.NetworkChange n) {
      NetworkParams now = sim.network();
      sim.setNetwork(new NetworkParams(
          n.delayMs() == null ? now.delayMinMs() : n.delayMs().min(),
          n.delayMs() == null ? now.delayMaxMs() : n.delayMs().max(),
          n.dropRate() == null ? now.dropRate() : n.dropRate(),
          n.duplicateRate() == null ? now.duplicateRate() : n.duplicateRate()));
    } else if (e instanceof ScenarioEvent.ClientsActive a) {
      if (clients == null) {
        skip("clients", "this scenario has no clients");
      } else {
        clients.setActive(a.active());
        if (sim.trace().enabled()) {
          sim.trace().begin(sim.currentEvent(), sim.now(), "clients").field("active", a.active()).end();
        }
      }
    } else if (e instanceof ScenarioEvent.Pause p) {
      int node = resolve(p.node(), "pause", sim::live, key);
      if (node != 0) {
        sim.pause(node, p.forMs());
      }
    } else if (e instanceof ScenarioEvent.ClockDrift d) {
      sim.clockDrift(d.node(), d.ppm());
    } else if (e instanceof ScenarioEvent.AddServer a) {
      membershipChanges.add(new MembershipChange(true, a.node()));
      pursueMembershipChanges();
    } else if (e instanceof ScenarioEvent.RemoveServer r) {
      int node = resolve(r.node(), "removeServer", id -> true, key);
      if (node != 0) {
        membershipChanges.add(new MembershipChange(false, node));
        pursueMembershipChanges();
      }
    } else if (e instanceof ScenarioEvent.TransferLeader t) {
      int leader = resolve(new NodeRef.Leader(), "transferLeader", id -> true, key);
      if (leader != 0) {
        sim.transferLeadership(leader, t.to());
      }
    } else if (e instanceof ScenarioEvent.Expect x) {
      checkExpectation(x);
    }
  }

  /**
   * Asks the leader of the moment for the oldest change not yet made; drops the changes its latest
   * configuration already shows, and comes back a heartbeat interval later while any is left.
   */
  private void pursueMembershipChanges() {
    while (!membershipChanges.isEmpty()) {
      int leader = sim.leader();
      if (leader == 0) {
        break;
      }
      MembershipChange c = membershipChanges.peekFirst();
      raftsim.core.Configuration latest = sim.core(leader).configuration();
      if (latest.isMember(c.server()) == c.add()) {
        membershipChanges.pollFirst();
        if (sim.trace().enabled()) {
          sim.trace().begin(sim.currentEvent(), sim.now(), "membership-done").field("op", c.add() ? "add" : "remove")
              .field("server", c.server()).field("leader", leader).end();
        }
        continue;
      }
      raftsim.core.AdminRefusal refusal = c.add() ? sim.addServer(leader, c.server()) : sim.removeServer(leader, c.server());
      if (refusal == raftsim.core.AdminRefusal.LAST_VOTER) {
        membershipChanges.pollFirst(); // it can never be made
        skip("removeServer", "node " + c.server() + " is the last voter");
        continue;
      }
      if (refusal != null) {
        break; // refused for now: look again later
      }
      // Appended: the loop sees it made, and asks for the next one at once.
    }
    if (!membershipChanges.isEmpty() && membershipRetry == null) {
      membershipRetry = sim.at(sim.now() + sim.options().raft().heartbeatMs(), s -> {
        membershipRetry = null;
        pursueMembershipChanges();
      });
    }
  }

  /** Arms {@code e} for the next leader to take office. */
  private void arm(ScenarioEvent e) {
    armedForNextLeader.add(e);
    if (sim.trace().enabled()) {
      sim.trace().begin(sim.currentEvent(), sim.now(), "armed").field("event", e.kind())
          .field("node", "nextLeader").end();
    }
  }

  /**
   * The node an event names: an id as given; "leader" the leader at this moment; "random" one drawn,
   * from a stream of the event's own, among the nodes {@code eligible} accepts. 0 (with a trace line
   * saying why) when there is none.
   */
  private int resolve(NodeRef ref, String what, IntPredicate eligible, String key) {
    if (ref instanceof NodeRef.Id id) {
      return id.id();
    }
    if (ref instanceof NodeRef.Leader) {
      int leader = sim.leader();
      if (leader == 0) {
        skip(what, "there is no leader");
      }
      return leader;
    }
    List<Integer> candidates = new ArrayList<>();
    for (int id = 1; id <= sim.nodeCount(); id++) {
      if (eligible.test(id)) {
        candidates.add(id);
      }
    }
    if (candidates.isEmpty()) {
      skip(what, "no node qualifies for \"random\"");
      return 0;
    }
    // Its own stream: removing another event (while shrinking) does not change which node this one picks.
    return candidates.get(Seeds.stream(seed, "scenario-choice-" + key).nextInt(candidates.size()));
  }

  private void skip(String what, String why) {
    if (sim.trace().enabled()) {
      sim.trace().begin(sim.currentEvent(), sim.now(), "skip").field("event", what).field("reason", why).end();
    }
  }

  // ------------------------------------------------------------------------------ expectations

  private void checkExpectation(ScenarioEvent.Expect x) {
    long t = x.atMs();
    if (x.leader() != null) {
      int leader = sim.leader();
      boolean ok;
      String want;
      if (x.leader() instanceof LeaderExpectation.Any) {
        ok = leader != 0;
        want = "any leader";
      } else if (x.leader() instanceof LeaderExpectation.None) {
        ok = leader == 0;
        want = "no leader";
      } else {
        int id = ((LeaderExpectation.Node) x.leader()).id();
        ok = leader == id;
        want = "leader " + id;
      }
      record("leader@" + t, ok, "expected " + want + ", found " + (leader == 0 ? "none" : "leader " + leader));
    }
    if (x.node() != null) {
      int node = x.node();
      Role actual = roleOf(node);
      record("role(" + node + ")@" + t, actual == x.role(),
          "expected node " + node + " " + x.role().jsonName() + ", found " + actual.jsonName());
    }
    if (x.progressSinceMs() != null) {
      boolean progress = clients != null && clients.progressSince(x.progressSinceMs());
      record("progress@" + t, progress, progress
          ? "an operation invoked at or after " + x.progressSinceMs() + " ms completed ok"
          : "no operation invoked at or after " + x.progressSinceMs() + " ms completed ok");
    }
    if (x.noProgressSinceMs() != null) {
      boolean progress = clients != null && clients.progressSince(x.noProgressSinceMs());
      record("noProgress@" + t, !progress, progress
          ? "an operation invoked at or after " + x.noProgressSinceMs() + " ms completed ok"
          : "no operation invoked at or after " + x.noProgressSinceMs() + " ms completed ok");
    }
    if (x.voters() != null) {
      int leader = sim.leader();
      RaftCore c = leader == 0 ? null : sim.core(leader);
      boolean committed = c != null && c.log().configurationIndex() <= c.commitIndex();
      List<Integer> found = c == null ? null : c.configuration().voters();
      record("voters@" + t, committed && found.equals(x.voters()), c == null ? "no leader to ask"
          : "expected voters " + x.voters() + ", leader " + leader + " has " + found
              + (committed ? " (committed)" : " (not yet committed)"));
    }
  }

  private Role roleOf(int node) {
    RaftCore c = sim.core(node);
    if (c == null) {
      return Role.CRASHED;
    }
    return switch (c.role()) {
      case LEADER -> Role.LEADER;
      case CANDIDATE -> Role.CANDIDATE;
      case FOLLOWER -> Role.FOLLOWER;
    };
  }

  /** The final expectations but linearizability, which needs the checker (CONTRACT §4). */
  private void checkFinalExpectations() {
    var expect = scenario.expect();
    if (expect.leaderAtEnd() != null) {
      boolean has = sim.leader() != 0;
      record("leaderAtEnd", has == expect.leaderAtEnd(), has ? "leader " + sim.leader() + " at the end" : "no leader at the end");
    }
    if (expect.minOkOps() != null) {
      long ok = clients == null ? 0 : clients.ok();
      record("minOkOps", ok >= expect.minOkOps(), ok + " operations ok, at least " + expect.minOkOps() + " expected");
    }
    if (expect.maxLeaderChanges() != null) {
      long changes = sim.leaderChanges();
      record("maxLeaderChanges", changes <= expect.maxLeaderChanges(),
          changes + " leader changes, at most " + expect.maxLeaderChanges() + " expected");
    }
    if (expect.maxTerm() != null) {
      long term = highestTerm();
      record("maxTerm", term <= expect.maxTerm(), "highest term " + term + ", at most " + expect.maxTerm() + " expected");
    }
  }

  private void record(String name, boolean ok, String detail) {
    expectations.add(new ExpectationResult(name, ok, detail));
    if (sim.trace().enabled()) {
      sim.trace().begin(sim.currentEvent(), sim.now(), "expect").field("name", name).field("ok", ok)
          .field("detail", detail).end();
    }
  }

  /** The highest term of any live node (CONTRACT §5's {@code term}). */
  private long highestTerm() {
    long term = 0;
    for (int id = 1; id <= sim.nodeCount(); id++) {
      RaftCore c = sim.core(id);
      if (c != null) {
        term = Math.max(term, c.currentTerm());
      }
    }
    return term;
  }

  private ScenarioOutcome outcome(long wallMs) {
    long commit = 0;
    for (int id = 1; id <= sim.nodeCount(); id++) {
      RaftCore c = sim.core(id);
      if (c != null) {
        commit = Math.max(commit, c.commitIndex());
      }
    }
    ClientCounts counts = clients == null ? new ClientCounts(0, 0, 0, 0)
        : new ClientCounts(clients.invoked(), clients.ok(), clients.failed(), clients.indeterminate());
    return new ScenarioOutcome(scenario.name(), scenario.seed(), sim.now(), wallMs, sim.events(),
        sim.trace().hashHex(), sim.leader() == 0 ? null : sim.leader(), highestTerm(), commit, counts,
        sim.leaderChanges(), sim.violations(), sim.violationCount(), List.copyOf(expectations), sim.stats(),
        sim.maxLogEntries());
  }
}
