package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.THREE;
import static raftsim.core.CoreFixture.ack;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.campaign;
import static raftsim.core.CoreFixture.command;
import static raftsim.core.CoreFixture.events;
import static raftsim.core.CoreFixture.leader;
import static raftsim.core.CoreFixture.logOfTerms;
import static raftsim.core.CoreFixture.onlySent;
import static raftsim.core.CoreFixture.replies;
import static raftsim.core.CoreFixture.sentTo;
import static raftsim.core.CoreFixture.stored;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import raftsim.kv.KvStore;

/** Commitment and application, §5.3–§5.4.2 (RAFT-CHECKLIST rules 14, 15 and the leader's half of rule 16). */
class CommitTest {

  /** A state machine that records every command it is given, in order. */
  private static final class Recorder implements StateMachine {
    final List<Payload.Command> seen = new ArrayList<>();

    @Override
    public String apply(Payload.Command command) {
      seen.add(command);
      return "result-" + seen.size();
    }

    @Override
    public String read(String command) {
      return "read-" + seen.size();
    }

    @Override
    public boolean isReadOnly(String command) {
      return false;
    }

    /** These tests never compact: a snapshot would mean a test went wrong. */
    @Override
    public SnapshotData snapshot() {
      throw new AssertionError("no snapshots in these tests");
    }

    @Override
    public void restore(SnapshotData snapshot) {
      throw new AssertionError("no snapshots in these tests");
    }
  }

  // ------------------------------------------------------------- rule 14: Figure 8

  /**
   * Figure 8's setting with real nodes: node 1 holds [1:t1, 2:t2] (entry 2 from its own earlier term-2
   * leadership, never committed), node 2 holds [1:t1]; node 3 is down. Node 1 wins term 3 and appends its
   * no-op at 3. One entry per AppendEntries, so entry 2 reaches node 2 before entry 3 does.
   */
  private static final class Figure8 {
    final RaftConfig oneEntryPerAppend = new RaftConfig(150, 300, 50, 1, 64, 0, 65536);
    final RaftCore leader = CoreFixture.node(1, THREE, oneEntryPerAppend, stored(2, 0, logOfTerms(1, 2)),
        new KvStore(), 0);
    final RaftCore node2 = CoreFixture.node(2, THREE, oneEntryPerAppend, stored(2, 0, logOfTerms(1)),
        new KvStore(), 0);
    Ready lastFromLeader;

    Figure8() {
      RequestVote rv = sentTo(campaign(leader), RequestVote.class, 2);
      RequestVoteReply vote = onlySent(node2.step(rv, LATER), RequestVoteReply.class);
      lastFromLeader = leader.step(vote, LATER);
      assertEquals(Role.LEADER, leader.role());
      assertEquals(3, leader.currentTerm());
      leader.persisted(3, 3, LATER); // the leader's whole log is durable
    }

    /** Delivers the leader's pending AppendEntries to node 2 and the answer back. */
    AppendEntriesReply exchange() {
      AppendEntries ae = sentTo(lastFromLeader, AppendEntries.class, 2);
      AppendEntriesReply reply = onlySent(node2.step(ae, LATER), AppendEntriesReply.class);
      lastFromLeader = leader.step(reply, LATER);
      return reply;
    }
  }

  /**
   * §5.4.2, Figure 8 (rule 14): an entry of an earlier term is not committed by counting replicas, even once
   * a majority (nodes 1 and 2) holds it.
   */
  @Test
  void rule14_leaderDoesNotCommitAnEarlierTermsEntryByCountingReplicas() {
    Figure8 f = new Figure8();

    assertFalse(f.exchange().success()); // node 2 lacks entry 2: back off
    AppendEntriesReply reply = f.exchange(); // node 2 takes entry 2
    assertTrue(reply.success());
    assertEquals(2, reply.matchIndex());

    assertEquals(2, f.node2.log().termAt(2));
    assertEquals(2, CoreFixture.progressOf(f.leader, 2).matchIndex());
    assertEquals(0, f.leader.commitIndex(), "entry 2 (term 2) is on 2 of 3 nodes but must not commit");
    assertTrue(events(f.lastFromLeader, CoreEvent.CommitAdvanced.class).isEmpty());
  }

  /** §5.4.2 (rule 14): once an entry of its own term is on a majority, it commits — and entry 2 with it. */
  @Test
  void rule14_ownTermEntryOnAMajorityCommitsEarlierEntriesIndirectly() {
    Figure8 f = new Figure8();
    f.exchange();
    f.exchange();

    AppendEntriesReply reply = f.exchange(); // node 2 takes the no-op, entry 3
    assertEquals(3, reply.matchIndex());

    assertEquals(3, f.leader.commitIndex());
    List<AppliedEntry> applied = f.lastFromLeader.applied();
    assertEquals(List.of(1L, 2L, 3L), applied.stream().map(a -> a.entry().index()).toList());
  }

  /** §5.3 (rule 14): in a cluster of four a majority is three — the leader and one follower are not enough. */
  @Test
  void rule14_inAClusterOfFourAnEntryCommitsOnlyOnThree() {
    RaftCore leader = CoreFixture.node(1, List.of(1, 2, 3, 4), PersistentState.EMPTY, 0);
    CoreFixture.winElection(leader); // no-op at 1
    leader.persisted(1, 1, LATER);

    leader.step(ack(2, 1, 1, 1), LATER);
    assertEquals(0, leader.commitIndex(), "two of four is no majority");

    leader.step(ack(3, 1, 1, 1), LATER);
    assertEquals(1, leader.commitIndex());
  }

  // ------------------------------------------------------------- rule 16: the leader's own durability

  /**
   * Rule 16: the leader counts itself toward a majority only for entries its storage reported durable. With
   * one follower's acknowledgement and its own write not yet durable, nothing commits; once durable, it does.
   */
  @Test
  void rule16_leaderCountsItselfOnlyForEntriesReportedDurable() {
    RaftCore leader = leader(PersistentState.EMPTY); // no-op at 1, not yet durable
    assertEquals(0, leader.durableIndex());

    leader.step(ack(2, 1, 1, 1), LATER);
    assertEquals(0, leader.commitIndex(), "the follower and a leader that has not persisted are not a majority");

    Ready r = leader.persisted(1, 1, LATER);
    assertEquals(1, leader.durableIndex());
    assertEquals(1, leader.commitIndex());
    assertEquals(1, r.applied().size());
  }

  /** Rule 16 in a cluster of one: the leader alone is the majority, but only for what it made durable. */
  @Test
  void rule16_singleNodeLeaderCommitsOnlyWhatIsDurable() {
    RaftCore solo = CoreFixture.node(1, List.of(1), PersistentState.EMPTY, 0);
    CoreFixture.electAlone(solo);
    solo.propose(new ClientRequest(5, 1, "SET x 1"), LATER);
    assertEquals(0, solo.commitIndex());

    solo.persisted(1, 1, LATER);
    assertEquals(1, solo.commitIndex());
    Ready r = solo.persisted(2, 1, LATER);

    assertEquals(2, solo.commitIndex());
    assertEquals(List.of(new ClientReply.Applied(5, 1, 2, "OK")), r.replies());
  }

  /**
   * Rule 16: a durability report naming an index the log does not hold (here, term
   * {@link LogView#UNKNOWN_TERM}, which is what the log reports for such an index) must be ignored; otherwise
   * the leader counts itself for entries it never made durable.
   */
  @Test
  void rule16_durabilityReportBeyondTheLogIsIgnored() {
    RaftCore leader = leader(PersistentState.EMPTY); // no-op at 1, not durable

    Ready r = leader.persisted(5, LogView.UNKNOWN_TERM, LATER);
    leader.step(ack(2, 1, 1, 1), LATER);

    assertFalse(events(r, CoreEvent.Ignored.class).isEmpty(), "the report should be ignored: " + r.events());
    assertEquals(0, leader.durableIndex());
    assertEquals(0, leader.commitIndex());
  }

  // ------------------------------------------------------------- rule 15: applying

  /** §5.3 (rule 15): committed entries are applied in index order, each exactly once, and only once committed. */
  @Test
  void rule15_entriesAreAppliedInOrderExactlyOnceAfterCommit() {
    Recorder sm = new Recorder();
    RaftCore node = CoreFixture.node(1, THREE, CoreFixture.CONFIG, stored(1, 0, List.of()), sm, 0);
    LogEntry[] entries = {
        command(1, 1, "SET a 1"), command(2, 1, "SET b 2"), command(3, 1, "SET c 3"), command(4, 1, "SET d 4")};

    Ready appended = node.step(append(2, 1, 1, 0, 0, 0, entries), LATER);
    assertTrue(appended.applied().isEmpty(), "nothing is committed yet");
    assertTrue(sm.seen.isEmpty());

    Ready first = node.step(append(2, 1, 1, 4, 1, 2), LATER);
    Ready repeat = node.step(append(2, 1, 1, 4, 1, 2), LATER);
    assertEquals(2, node.lastApplied());
    Ready second = node.step(append(2, 1, 1, 4, 1, 4), LATER);

    assertEquals(List.of(entries[0], entries[1]), first.applied().stream().map(AppliedEntry::entry).toList());
    assertTrue(repeat.applied().isEmpty(), "already applied");
    assertEquals(List.of(entries[2], entries[3]), second.applied().stream().map(AppliedEntry::entry).toList());
    assertEquals(List.of("result-3", "result-4"), second.applied().stream().map(AppliedEntry::result).toList());
    assertEquals(4, sm.seen.size());
    for (int i = 0; i < 4; i++) {
      assertEquals(entries[i].payload(), sm.seen.get(i));
    }
    assertEquals(4, node.lastApplied());
  }

  /** Rule 15: lastApplied never passes commitIndex, and a leader's no-op is never handed to the state machine. */
  @Test
  void rule15_leaderAppliesOnlyCommittedEntriesAndNeverTheNoOp() {
    Recorder sm = new Recorder();
    RaftCore leader = CoreFixture.node(1, THREE, CoreFixture.CONFIG, PersistentState.EMPTY, sm, 0);
    CoreFixture.winElection(leader);
    leader.propose(new ClientRequest(3, 1, "SET a 1"), LATER);
    leader.persisted(2, 1, LATER);
    assertEquals(0, leader.lastApplied());

    Ready r = leader.step(ack(2, 1, 1, 2), LATER);

    assertEquals(2, leader.commitIndex());
    assertEquals(2, leader.lastApplied());
    assertEquals(2, r.applied().size());
    assertNull(r.applied().get(0).result(), "the no-op has no result");
    assertEquals(1, sm.seen.size(), "only the command reaches the state machine");
    assertEquals(new Payload.Command(3, 1, "SET a 1"), sm.seen.get(0));
    assertEquals(List.of(new ClientReply.Applied(3, 1, 2, "result-1")), replies(r, ClientReply.Applied.class));
  }
}
