package raftsim.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import raftsim.core.LogView;
import raftsim.core.ProgressView;
import raftsim.core.RaftCore;
import raftsim.core.Role;
import raftsim.core.TermRun;
import raftsim.fuzz.ScenarioGenerator;
import raftsim.scenario.Scenario;
import raftsim.scenario.ScenarioEvent;
import raftsim.scenario.ScenarioLoader;
import raftsim.sim.ClientHistory;
import raftsim.sim.ScenarioRunner;
import raftsim.sim.Simulation;
import raftsim.trace.TraceLine;
import raftsim.trace.TraceReader;
import raftsim.trace.TraceWriter;

/**
 * The state read out of a trace is the state the nodes really had: every scenario of the library is run
 * with a watcher that copies each node's state after every event, and after that event's last trace line
 * the fold must show the very same roles, terms, votes, commit indexes, applied indexes, logs (the term of
 * every entry) and, for leaders, matchIndex and nextIndex. The trace shows nextIndex move when the
 * AppendEntries leave, which is at once: a leader sends them while its own write is still in flight
 * (core.SendOrder), so no write stands between the core's decision and the trace's line. With membership
 * changes the fold also shows each node's configuration (voters and learners), which peers a leader
 * replicates to (and none else), and the node a leader is handing office to.
 */
class StateFoldOracleTest {

  /** One node as the core had it after an event. */
  record Seen(
      NodeRole role, long term, int votedFor, long commit, long applied, TermRuns log, long[] next, long[] match,
      int voters, int learners, int transferTo) {}

  static Stream<Path> scenarios() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
      return files.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith("bench"))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void theFoldShowsWhatTheNodesHad(Path file) throws Exception {
    int checked = foldMatches(ScenarioLoader.load(file), file.getFileName().toString());
    assertTrue(checked > 100, "compared after " + checked + " events");
  }

  /**
   * Generated runs with membership changes and leadership transfers, among every other fault (spares,
   * learners, removals, truncated configurations, snapshots carrying them): the seeds are the first of
   * the fuzzer's whose timelines have such events.
   */
  static Stream<Long> generatedSeeds() {
    List<Long> seeds = new ArrayList<>();
    ScenarioGenerator g = new ScenarioGenerator(3, 6);
    for (long seed = 1; seeds.size() < GENERATED; seed++) {
      Scenario s = g.generate(seed);
      boolean changes = s.events().stream().anyMatch(e -> e instanceof ScenarioEvent.AddServer
          || e instanceof ScenarioEvent.RemoveServer || e instanceof ScenarioEvent.TransferLeader);
      if (changes) {
        seeds.add(seed);
      }
    }
    return seeds.stream();
  }

  static final int GENERATED = Integer.getInteger("raftsim.foldSeeds", 12);

  @ParameterizedTest(name = "fuzz seed {0}")
  @MethodSource("generatedSeeds")
  void theFoldFollowsGeneratedMembershipChanges(long seed) throws Exception {
    Scenario scenario = new ScenarioGenerator(3, 6).generate(seed);
    foldMatches(scenario, "fuzz-" + seed);
  }

  /** Runs {@code scenario}, folds its trace and compares after every event; returns how many were compared. */
  static int foldMatches(Scenario scenario, String name) throws Exception {
    List<TraceLine> lines = new ArrayList<>();
    List<long[]> evs = new ArrayList<>();
    List<Seen[]> seen = new ArrayList<>();
    try (TraceWriter w = TraceWriter.to(TraceReader.parsing(lines::add))) {
      ScenarioRunner.run(scenario, ScenarioRunner.options(scenario), w, ClientHistory.NONE, sim -> {
        evs.add(new long[] {sim.currentEvent()});
        seen.add(snapshot(sim));
      });
    }
    StateFold fold = null;
    int checked = 0;
    int s = 0;
    for (int i = 0; i < lines.size(); i++) {
      TraceLine l = lines.get(i);
      if (fold == null) {
        fold = new StateFold((int) l.num("nodes"));
      }
      fold.apply(l);
      boolean lastOfEvent = i + 1 == lines.size() || lines.get(i + 1).ev() != l.ev();
      if (!lastOfEvent) {
        continue;
      }
      while (s < evs.size() && evs.get(s)[0] < l.ev()) {
        s++;
      }
      if (s == evs.size() || evs.get(s)[0] != l.ev()) {
        continue; // the final expectations: written after the last event
      }
      Seen[] nodes = seen.get(s);
      for (int id = 1; id < nodes.length; id++) {
        NodeState got = fold.state().node(id);
        Seen want = nodes[id];
        String where = name + " after line " + l.seq() + " (ev " + l.ev() + ", t=" + l.t() + "), node " + id;
        assertEquals(want.role(), got.role(), where + ": role");
        if (want.role() == NodeRole.CRASHED) {
          continue;
        }
        assertEquals(want.term(), got.currentTerm(), where + ": currentTerm");
        assertEquals(want.votedFor(), got.votedFor(), where + ": votedFor");
        assertEquals(want.commit(), got.commitIndex(), where + ": commitIndex");
        assertEquals(want.applied(), got.lastApplied(), where + ": lastApplied");
        assertEquals(want.log(), got.log(), where + ": log");
        assertEquals(NodeState.ids(want.voters()), NodeState.ids(got.voters()), where + ": voters");
        assertEquals(NodeState.ids(want.learners()), NodeState.ids(got.learners()), where + ": learners");
        if (want.role() == NodeRole.LEADER) {
          assertEquals(want.transferTo(), got.transferTo(), where + ": transfer target");
          for (int f = 1; f < nodes.length; f++) {
            if (f == id) {
              continue;
            }
            assertEquals(want.match()[f], got.matchIndex(f), where + ": matchIndex of " + f);
            assertEquals(want.next()[f], got.nextIndex(f), where + ": nextIndex of " + f);
            boolean tracked = want.next()[f] != 0; // the core replicates to members only (diss. §4.1)
            assertEquals(tracked, got.tracks(f), where + ": replicates to " + f);
            if (tracked) {
              assertTrue(got.nextIndex(f) > got.matchIndex(f), where + ": nextIndex of " + f + " not above matchIndex");
            }
          }
        }
      }
      checked++;
    }
    return checked;
  }

  static Seen[] snapshot(Simulation sim) {
    Seen[] nodes = new Seen[sim.nodeCount() + 1];
    for (int id = 1; id <= sim.nodeCount(); id++) {
      RaftCore c = sim.core(id);
      if (c == null) {
        nodes[id] = new Seen(NodeRole.CRASHED, 0, 0, 0, 0, null, null, null, 0, 0, 0);
        continue;
      }
      LogView log = c.log();
      TermRuns runs = new TermRuns();
      runs.reset(log.snapshotIndex(), log.snapshotTerm());
      List<TermRun> all = TermRun.all(log.slice(log.snapshotIndex() + 1, log.lastIndex()));
      for (int k = 0; k < all.size(); k++) {
        long end = k + 1 < all.size() ? all.get(k + 1).fromIndex() - 1 : log.lastIndex();
        runs.append(all.get(k).fromIndex(), end, all.get(k).term());
      }
      long[] next = new long[sim.nodeCount() + 1];
      long[] match = new long[sim.nodeCount() + 1];
      for (ProgressView p : c.progress()) {
        next[p.peer()] = p.nextIndex();
        match[p.peer()] = p.matchIndex();
      }
      NodeRole role = c.role() == Role.LEADER ? NodeRole.LEADER : c.role() == Role.CANDIDATE ? NodeRole.CANDIDATE
          : NodeRole.FOLLOWER;
      int voters = 0;
      int learners = 0;
      for (int v : c.configuration().voters()) {
        voters |= 1 << v;
      }
      for (int l : c.configuration().learners()) {
        learners |= 1 << l;
      }
      nodes[id] = new Seen(role, c.currentTerm(), c.votedFor(), c.commitIndex(), c.lastApplied(), runs, next, match,
          voters, learners, c.transferTarget());
    }
    return nodes;
  }
}
