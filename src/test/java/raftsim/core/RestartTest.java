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

  /** Stable storage as the driver keeps it: the hard state and log writes of every Ready, applied in order. */
  private static final class Disk {
    HardState hardState = HardState.INITIAL;
    final List<LogEntry> log = new ArrayList<>();

    Ready write(Ready r) {
      if (r.hardState() != null) {
        hardState = r.hardState();
      }
      LogWrite w = r.logWrite();
      if (w != null) {
        log.subList((int) w.fromIndex() - 1, log.size()).clear();
        log.addAll(w.entries());
      }
      return r;
    }

    PersistentState contents() {
      return new PersistentState(hardState, log);
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
}
