package raftsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import raftsim.core.LogEntry;
import raftsim.core.RaftCore;
import raftsim.core.Role;
import raftsim.trace.TraceWriter;

/** Whole simulated clusters: elections, crashes, partitions, and convergence, with every invariant checked. */
class ClusterTest {

  private static Simulation cluster(int nodes, long seed) {
    return new Simulation(SimOptions.defaults(nodes, seed), TraceWriter.disabled());
  }

  private static List<Integer> leaders(Simulation sim) {
    List<Integer> leaders = new ArrayList<>();
    for (int id = 1; id <= sim.nodeCount(); id++) {
      RaftCore c = sim.core(id);
      if (c != null && c.role() == Role.LEADER) {
        leaders.add(id);
      }
    }
    return leaders;
  }

  @ParameterizedTest(name = "{0} nodes, seed {1}")
  @CsvSource({"3,1", "3,2", "3,3", "3,4", "3,5", "5,1", "5,2", "5,3", "5,4", "5,5"})
  void exactlyOneLeaderWithinFiveSecondsOnAReliableNetwork(int nodes, long seed) {
    Simulation sim = cluster(nodes, seed);
    sim.runUntil(5000);
    assertEquals(1, leaders(sim).size(), "leaders at 5 s: " + leaders(sim));
    assertNotEquals(0, sim.leader());
    assertEquals(0, sim.leaderChanges(), "a reliable network needs no second election");
    assertEquals(List.of(), sim.violations());
  }

  @ParameterizedTest(name = "{0} nodes")
  @CsvSource({"3", "5"})
  void aNewLeaderIsElectedAfterTheLeaderCrashes(int nodes) {
    Simulation sim = cluster(nodes, 11);
    ProposalLoad.start(sim, 50, 0, 6000);
    sim.runUntil(2000);
    int old = sim.leader();
    assertNotEquals(0, old);
    long oldTerm = sim.core(old).currentTerm();
    sim.crash(old);
    sim.runUntil(4000);
    int next = sim.leader();
    assertNotEquals(0, next);
    assertNotEquals(old, next);
    assertTrue(sim.core(next).currentTerm() > oldTerm);
    long commit = sim.core(next).commitIndex();
    sim.runUntil(6000);
    assertTrue(sim.core(next).commitIndex() > commit, "the new leader keeps committing");
    assertEquals(List.of(), sim.violations());
  }

  @Test
  void aMinorityNeitherElectsNorCommitsWhileTheMajorityKeepsCommitting() {
    Simulation sim = cluster(5, 21);
    sim.runUntil(2000);
    int old = sim.leader();
    assertNotEquals(0, old);
    int buddy = old % 5 + 1;
    List<Integer> minority = List.of(old, buddy);
    List<Integer> majority = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      if (!minority.contains(i)) {
        majority.add(i);
      }
    }
    sim.partition(List.of(minority, majority));
    long minorityCommit = sim.core(old).commitIndex();
    long stalledTerm = sim.core(old).currentTerm();
    // The deposed leader keeps taking proposals; none of them may commit.
    for (long t = 2100; t < 6000; t += 20) {
      long seq = t;
      sim.at(t, s -> {
        if (!s.crashed(old) && s.core(old).role() == Role.LEADER) {
          s.propose(old, new raftsim.core.ClientRequest(7, seq, "SET stranded " + seq));
        }
      });
    }
    ProposalLoad.start(sim, 50, 2500, 6000);
    sim.runUntil(6000);
    for (int id : minority) {
      RaftCore c = sim.core(id);
      assertEquals(minorityCommit, c.commitIndex(), "node " + id + " in the minority committed");
      assertTrue(c.role() != Role.LEADER || c.currentTerm() == stalledTerm,
          "node " + id + " won an election in the minority");
    }
    int newLeader = sim.leader();
    assertTrue(majority.contains(newLeader), "the majority elects a leader: " + newLeader);
    assertTrue(sim.core(newLeader).commitIndex() > minorityCommit + 50, "the majority keeps committing");
    assertEquals(List.of(), sim.violations());
  }

  @Test
  void afterHealEveryLogConverges() {
    Simulation sim = cluster(5, 31);
    ProposalLoad.start(sim, 100, 0, 8000);
    sim.at(1000, s -> s.partition(List.of(List.of(1, 2), List.of(3, 4, 5))));
    sim.at(3000, s -> s.partition(List.of(List.of(1, 4), List.of(2, 3, 5))));
    sim.at(5000, Simulation::heal);
    sim.runUntil(10_000);
    assertLogsIdentical(sim);
    assertEquals(List.of(), sim.violations());
  }

  @Test
  void aWholeClusterCrashAndRestartKeepsEveryCommittedEntry() {
    Simulation sim = cluster(3, 41);
    ProposalLoad.start(sim, 100, 0, 3000);
    sim.runUntil(3000);
    int leader = sim.leader();
    long committed = sim.core(leader).commitIndex();
    assertTrue(committed > 100);
    List<LogEntry> before = sim.core(leader).log().slice(1, committed);
    for (int id = 1; id <= 3; id++) {
      sim.crash(id);
    }
    sim.runUntil(3500);
    for (int id = 1; id <= 3; id++) {
      sim.restart(id);
    }
    ProposalLoad.start(sim, 100, 4000, 6000);
    sim.runUntil(7000);
    for (int id = 1; id <= 3; id++) {
      assertEquals(before, sim.core(id).log().slice(1, committed), "node " + id + " lost committed entries");
    }
    assertTrue(sim.core(sim.leader()).commitIndex() > committed, "the restarted cluster commits again");
    assertEquals(List.of(), sim.violations());
  }

  @ParameterizedTest(name = "{0} nodes, seed {1}")
  @CsvSource({"3,51", "5,52", "5,53"})
  void sixtySecondsOfDropsAndLongDelaysNeverBreakAnInvariant(int nodes, long seed) {
    SimOptions options = SimOptions.defaults(nodes, seed).withNetwork(new NetworkParams(1, 50, 0.10, 0));
    Simulation sim = new Simulation(options, TraceWriter.disabled());
    ProposalLoad.start(sim, 100, 0, 60_000);
    sim.at(20_000, s -> s.crash(s.leader() == 0 ? 1 : s.leader()));
    sim.at(25_000, s -> {
      for (int id = 1; id <= nodes; id++) {
        s.restart(id);
      }
    });
    sim.runUntil(60_000);
    // The lossy network may be between leaders just now; once it is calm a leader must emerge.
    sim.setNetwork(new NetworkParams(1, 10, 0, 0));
    sim.runUntil(63_000);
    assertEquals(List.of(), sim.violations());
    assertNotEquals(0, sim.leader());
    assertTrue(sim.core(sim.leader()).commitIndex() > 1000, "the cluster makes progress through the losses");
  }

  static void assertLogsIdentical(Simulation sim) {
    RaftCore first = sim.core(1);
    for (int id = 2; id <= sim.nodeCount(); id++) {
      RaftCore c = sim.core(id);
      assertEquals(first.log().lastIndex(), c.log().lastIndex(), "last index of node " + id);
      assertEquals(first.log().slice(1, first.log().lastIndex()), c.log().slice(1, c.log().lastIndex()),
          "log of node " + id);
      assertEquals(first.commitIndex(), c.commitIndex(), "commit index of node " + id);
    }
  }
}
