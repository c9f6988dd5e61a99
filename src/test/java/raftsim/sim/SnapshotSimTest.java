package raftsim.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import raftsim.core.RaftConfig;
import raftsim.core.RaftCore;
import raftsim.trace.TraceWriter;

/** Log compaction in whole simulated clusters (§7). */
class SnapshotSimTest {

  private static Simulation cluster(long seed, long everyEntries, int chunkBytes) {
    SimOptions o = SimOptions.defaults(3, seed).withRaft(RaftConfig.defaults().withSnapshots(everyEntries, chunkBytes));
    return new Simulation(o, TraceWriter.disabled());
  }

  @Test
  void restartFromASnapshotPlusALogSuffixRebuildsTheSameStateMachine() {
    Simulation sim = cluster(3, 100, 64);
    ProposalLoad.start(sim, 150, 0, 3000);
    sim.runUntil(5000); // the load stopped at 3 s; by 5 s every node has applied everything
    int leader = sim.leader();
    int victim = leader % 3 + 1;
    RaftCore before = sim.core(victim);
    long applied = before.lastApplied();
    byte[] state = sim.stateMachine(victim).snapshot().bytes();
    assertTrue(before.latestSnapshot() != null && before.latestSnapshot().index() < applied,
        "the node holds a snapshot and a log suffix after it");
    assertTrue(sim.node(victim).disk.snapshotIndex() > 0 && sim.node(victim).disk.lastIndex() > sim.node(victim).disk.snapshotIndex(),
        "its disk holds a snapshot and entries after it");

    sim.crash(victim);
    sim.restart(victim);
    RaftCore after = sim.core(victim);
    assertEquals(before.latestSnapshot().index(), after.lastApplied(), "restart starts from the snapshot (rule 17)");
    sim.runUntil(7000); // heartbeats tell it the commit index; it re-applies the suffix

    assertEquals(applied, after.lastApplied());
    assertArrayEquals(state, sim.stateMachine(victim).snapshot().bytes(), "the same keys, values and sessions");
    assertArrayEquals(sim.stateMachine(leader).snapshot().bytes(), sim.stateMachine(victim).snapshot().bytes());
    assertEquals(List.of(), sim.violations());
  }

  @Test
  void aFollowerBehindTheLeadersSnapshotCatchesUpThroughInstallSnapshotInChunks() {
    Simulation sim = cluster(8, 100, 40);
    ProposalLoad.start(sim, 150, 0, 8000);
    sim.runUntil(1000);
    int follower = sim.leader() % 3 + 1;
    sim.crash(follower);
    sim.runUntil(4000); // about 450 entries later: the leader compacted what the follower lacks
    sim.restart(follower);
    long installedBefore = sim.stats().snapshotsInstalled();
    sim.runUntil(8000);

    RaftCore f = sim.core(follower);
    RaftCore l = sim.core(sim.leader());
    // The leader keeps compacting while it sends, so a slow transfer may need a second, newer snapshot.
    long installed = sim.stats().snapshotsInstalled() - installedBefore;
    assertTrue(installed >= 1 && installed <= 3, installed + " snapshots installed");
    assertTrue(sim.stats().snapshotChunksSent() > 1, "sent in several chunks");
    assertTrue(f.commitIndex() >= l.commitIndex() - 5, "the follower caught up: " + f.commitIndex() + " / " + l.commitIndex());
    assertEquals(List.of(), sim.violations());
  }

  @Test
  void compactionKeepsEveryLogShortUnderSteadyLoad() {
    Simulation sim = cluster(9, 200, 65536);
    ProposalLoad.start(sim, 200, 0, 60_000);
    sim.runUntil(60_000);
    assertTrue(sim.core(sim.leader()).commitIndex() > 10_000);
    assertTrue(sim.maxLogEntries() <= 2 * 200, "longest log " + sim.maxLogEntries());
    assertEquals(List.of(), sim.violations());
  }
}
