package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.THREE;
import static raftsim.core.CoreFixture.ack;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.logOfTerms;
import static raftsim.core.CoreFixture.onlySent;
import static raftsim.core.CoreFixture.requestVote;
import static raftsim.core.CoreFixture.stored;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import raftsim.kv.KvStore;

/** Restart from stable storage, Figure 2 and diss. §3.8 (RAFT-CHECKLIST rule 17). */
class RestartTest {

  /**
   * Stable storage as the driver keeps it: the hard state, snapshot and log writes of every Ready, applied in
   * the order {@link Ready} prescribes (a snapshot replaces the log up to its index).
   */
  private static final class Disk {
    HardState hardState = HardState.INITIAL;
    Snapshot snapshot;
    final List<LogEntry> log = new ArrayList<>();

    Ready write(Ready r) {
      if (r.hardState() != null) {
        hardState = r.hardState();
      }
      if (r.snapshot() != null) {
        snapshot = r.snapshot();
        log.removeIf(e -> e.index() <= snapshot.index());
      }
      LogWrite w = r.logWrite();
      if (w != null) {
        log.removeIf(e -> e.index() >= w.fromIndex());
        for (LogEntry e : w.entries()) {
          if (snapshot == null || e.index() > snapshot.index()) {
            log.add(e);
          }
        }
      }
      return r;
    }

    /** What a restarted node finds; the snapshot as bytes, as a file would hold it. */
    PersistentState contents() {
      Snapshot onDisk = snapshot == null ? null
          : new Snapshot(snapshot.index(), snapshot.term(), SnapshotData.of(snapshot.data().bytes()));
      return new PersistentState(hardState, onDisk, log);
    }
  }

  /** Node 1 led term 1 and committed and applied its no-op and one command; its Readies went to {@code disk}. */
  private static RaftCore committedLeader(Disk disk) {
    RaftCore leader = CoreFixture.node(1, THREE, PersistentState.EMPTY, 0);
    disk.write(CoreFixture.campaign(leader));
    disk.write(leader.step(CoreFixture.grant(2, 1, 1), 400));
    disk.write(leader.propose(new ClientRequest(8, 1, "SET x 1"), 500));
    disk.write(leader.persisted(2, 1, 500));
    disk.write(leader.step(ack(2, 1, 1, 2), 500));
    assertEquals(2, leader.commitIndex());
    assertEquals(2, leader.lastApplied());
    return leader;
  }

  /**
   * Rule 17: a node restarted from what it persisted is a follower that keeps currentTerm, votedFor and the
   * log, while commitIndex, lastApplied, the leader it knew and replication progress start fresh.
   */
  @Test
  void rule17_restartKeepsTermVoteAndLogAndStartsVolatileStateFresh() {
    Disk disk = new Disk();
    RaftCore before = committedLeader(disk);

    RaftCore after = CoreFixture.node(1, THREE, disk.contents(), LATER);

    assertEquals(Role.FOLLOWER, after.role());
    assertEquals(before.currentTerm(), after.currentTerm());
    assertEquals(1, after.votedFor());
    assertEquals(before.log().slice(1, 2), after.log().slice(1, after.log().lastIndex()));
    assertEquals(0, after.commitIndex());
    assertEquals(0, after.lastApplied());
    assertEquals(0, after.leaderId());
    assertTrue(after.progress().isEmpty());
    assertEquals(2, after.durableIndex(), "what it found on storage is durable");
  }

  /** Rule 17 with §5.2: the vote survives the restart, so the node cannot vote twice in one term. */
  @Test
  void rule17_restartedNodeStillHonoursItsVote() {
    RaftCore node = CoreFixture.node(1, THREE, stored(4, 2, logOfTerms(1)), 0);

    RequestVoteReply toOther = onlySent(node.step(requestVote(3, 1, 4, 1, 1), LATER), RequestVoteReply.class);
    RequestVoteReply toSame = onlySent(node.step(requestVote(2, 1, 4, 1, 1), LATER), RequestVoteReply.class);

    assertEquals(VoteRefusal.ALREADY_VOTED, toOther.refusal());
    assertTrue(toSame.granted());
  }

  /** Rule 17: the commit index is learned again from the leader, and the state machine rebuilt from the log. */
  @Test
  void rule17_restartedNodeRelearnsCommitFromTheLeaderAndReappliesTheLog() {
    Disk disk = new Disk();
    committedLeader(disk);
    KvStore rebuilt = new KvStore();
    RaftCore after = CoreFixture.node(1, THREE, CoreFixture.CONFIG, disk.contents(), rebuilt, LATER);
    assertEquals(null, rebuilt.get("x"));

    Ready r = after.step(append(2, 1, 2, 2, 1, 2), LATER + 1); // node 2 now leads term 2

    assertEquals(2, after.commitIndex());
    assertEquals(2, r.applied().size());
    assertEquals("1", rebuilt.get("x"));
    assertTrue(r.replies().isEmpty(), "a follower answers no client for entries it applies");
  }

  // ------------------------------------------------------------------ restarting from a snapshot

  /** Stored state: the snapshot of leader 1's log up to 4 (term 2), then entries 5 and 6. */
  private static PersistentState snapshotAndSuffix() {
    return new PersistentState(new HardState(2, 0),
        new Snapshot(4, 2, SnapshotData.of(InstallSnapshotTest.snapshotUpTo(4))),
        InstallSnapshotTest.LEADER_LOG.subList(4, 6));
  }

  /**
   * Rule 17 with §7: a node restarted from a snapshot and a log suffix has applied exactly the snapshot:
   * lastApplied = commitIndex = its index, the state machine restored from it, the log after it.
   */
  @Test
  void rule17_restartFromASnapshotStartsAtItsIndexWithTheStateMachineRestored() {
    KvStore kv = new KvStore();

    RaftCore node = CoreFixture.node(2, THREE, CoreFixture.CONFIG, snapshotAndSuffix(), kv, 0);

    assertEquals(4, node.lastApplied());
    assertEquals(4, node.commitIndex());
    assertEquals("1234", kv.get("k"));
    assertEquals(4, kv.sessionCount(), "the sessions come back with the snapshot");
    assertEquals(4, node.log().snapshotIndex());
    assertEquals(2, node.log().snapshotTerm());
    assertEquals(6, node.log().lastIndex());
    assertEquals(InstallSnapshotTest.LEADER_LOG.subList(4, 6), node.log().slice(1, 6));
    assertEquals(6, node.durableIndex());
    assertEquals(4, node.latestSnapshot().index());
    assertEquals(Role.FOLLOWER, node.role());
  }

  /** Rule 17 with §7: once the leader says so, only the suffix after the snapshot is applied, each entry once. */
  @Test
  void rule17_restartFromASnapshotReappliesOnlyTheSuffixOnceCommitIsLearned() {
    KvStore kv = new KvStore();
    RaftCore node = CoreFixture.node(2, THREE, CoreFixture.CONFIG, snapshotAndSuffix(), kv, 0);

    Ready r = node.step(append(1, 2, 3, 6, 2, 6), LATER); // leader 1 of term 3

    assertEquals(List.of(5L, 6L), r.applied().stream().map(a -> a.entry().index()).toList());
    assertEquals("123456", kv.get("k"));
    assertEquals(6, node.lastApplied());
  }

  /**
   * Rules 16 and 17 with §7: a follower that compacts as it goes, restarted from exactly what its Readies asked
   * to persist, rebuilds the same state once it learns the commit index again.
   */
  @Test
  void rule17_followerRestartedFromItsPersistedSnapshotAndLogRebuildsTheSameState() {
    RaftConfig compacting = CoreFixture.snapshotting(3, 64);
    Disk disk = new Disk();
    KvStore before = new KvStore();
    RaftCore node = CoreFixture.node(2, THREE, compacting, PersistentState.EMPTY, before, 0);
    List<LogEntry> log = InstallSnapshotTest.LEADER_LOG;
    disk.write(node.step(append(1, 2, 2, 0, 0, 3, log.subList(0, 4).toArray(new LogEntry[0])), LATER));
    disk.write(node.step(append(1, 2, 2, 4, 2, 4, log.subList(4, 6).toArray(new LogEntry[0])), LATER));
    assertEquals(4, node.lastApplied());
    assertEquals(3, disk.snapshot.index(), "a snapshot every 3 applied entries");

    KvStore after = new KvStore();
    RaftCore restarted = CoreFixture.node(2, THREE, compacting, disk.contents(), after, LATER);
    assertEquals(3, restarted.lastApplied());
    assertEquals(6, restarted.log().lastIndex());
    restarted.step(append(1, 2, 2, 6, 2, 4), LATER + 1);

    assertEquals(4, restarted.lastApplied());
    assertEquals(before.data(), after.data());
  }
}
