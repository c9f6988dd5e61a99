package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.FIVE;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.THREE;
import static raftsim.core.CoreFixture.answer;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.campaign;
import static raftsim.core.CoreFixture.commands;
import static raftsim.core.CoreFixture.events;
import static raftsim.core.CoreFixture.get;
import static raftsim.core.CoreFixture.grant;
import static raftsim.core.CoreFixture.onlySent;
import static raftsim.core.CoreFixture.replies;
import static raftsim.core.CoreFixture.requestVote;
import static raftsim.core.CoreFixture.sent;
import static raftsim.core.CoreFixture.sentTo;
import static raftsim.core.CoreFixture.stored;
import static raftsim.core.CoreFixture.winElection;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import raftsim.kv.KvStore;

/**
 * ReadIndex on the leader, diss. §6.4 (RAFT-CHECKLIST rules 20 and 21): a read is answered from the state
 * machine without the log, but only after (a) an entry of the leader's term has committed, (b) the commit
 * index at the read's arrival is noted, (c) a majority answered a round sent after the read arrived, and
 * (d) the state machine has applied up to that index. A leader applies what it commits within the same input,
 * so its lastApplied never lags its read index; (d) is tested where it can lag, on a follower
 * ({@link FollowerReadTest}).
 */
class ReadIndexTest {

  /** Node 1, leader of {1, 2, 3} in term 1, with its own key-value store. */
  private static final class Leader {
    final KvStore kv = new KvStore();
    final RaftCore core;
    /** The Ready that won the election: the no-op's first round of AppendEntries. */
    final Ready won;

    Leader(List<Integer> members) {
      core = CoreFixture.node(1, members, CoreFixture.CONFIG, PersistentState.EMPTY, kv, 0);
      won = winElection(core);
    }

    /** Commits the no-op at 1 with the answers of nodes 2 .. (majority) to its first round. */
    Leader committed() {
      core.persisted(1, 1, LATER);
      int needed = core.members().length / 2;
      for (int peer = 2; peer < 2 + needed; peer++) {
        core.step(answer(sentTo(won, AppendEntries.class, peer)), LATER);
      }
      assertEquals(1, core.commitIndex());
      return this;
    }

    /** Proposes {@code text}, makes it durable here, and commits it with node 2's answer. */
    void write(long seq, String text) {
      Ready r = core.propose(new ClientRequest(77, seq, text), LATER);
      long index = core.log().lastIndex();
      core.persisted(index, core.currentTerm(), LATER);
      core.step(answer(sentTo(r, AppendEntries.class, 2)), LATER);
      assertEquals(index, core.commitIndex(), "fixture: the write should have committed");
    }
  }

  /** Leader 1 of three that has committed its no-op (1) and "SET x 1" (2). */
  private static Leader leaderWithX1() {
    Leader l = new Leader(THREE).committed();
    l.write(1, "SET x 1");
    return l;
  }

  private static ClientReply.Applied served(long seq, long readIndex, String result) {
    return new ClientReply.Applied(5, seq, readIndex, result);
  }

  // ------------------------------------------------------------------ rule 20(a): a commit of its own term

  /**
   * Rule 20(a), diss. §6.4: a new leader does not know which of its earlier-term entries are committed. Here
   * node 1 learned commit 1 (x = 1) as a follower; entry 2 (x = 2) was committed by the old leader with
   * node 3. A read that arrives before node 1's no-op commits must wait for it — even though a majority
   * answers a round sent after the read — or it would answer the stale x = 1.
   */
  @Test
  void rule20a_readWaitsForTheNoOpOfTheLeadersTermToCommit() {
    KvStore kv = new KvStore();
    RaftCore node = CoreFixture.node(1, THREE, CoreFixture.CONFIG,
        stored(1, 0, commands(1, "SET x 1", "SET x 2")), kv, 0);
    node.step(append(2, 1, 1, 2, 1, 1), 0); // leader 2 of term 1 says: committed up to 1
    assertEquals("1", kv.get("x"));
    campaign(node);
    node.step(grant(3, 1, 2), 400); // leader of term 2, no-op at 3, not yet durable here
    assertEquals(Role.LEADER, node.role());

    Ready read = node.read(get(5, 1, "x"), LATER);
    assertTrue(read.replies().isEmpty());
    Ready heartbeat = node.tick(LATER + 100);
    Ready acked = node.step(answer(sentTo(heartbeat, AppendEntries.class, 3)), LATER + 100);
    assertEquals(1, node.commitIndex(), "entry 3 is only on node 3: nothing of term 2 has committed");
    assertTrue(acked.replies().isEmpty(), "no entry of term 2 committed yet, so no read may be served");

    Ready commit = node.persisted(3, 2, LATER + 100); // now on nodes 1 and 3: the no-op commits
    assertEquals(3, node.commitIndex());
    assertTrue(commit.replies().isEmpty(), "the read index is known now, but leadership is not yet confirmed");
    Ready confirmed = node.step(answer(sentTo(commit, AppendEntries.class, 3)), LATER + 100);

    assertEquals(List.of(served(1, 3, "VALUE 2")), confirmed.replies());
  }

  /** Rule 20(a): a read index requested by a follower also waits for the leader's first commit of its term. */
  @Test
  void rule20a_forwardedReadWaitsForTheNoOpToo() {
    Leader l = new Leader(THREE);

    Ready asked = l.core.step(new ReadIndex(2, 1, 1, 7), LATER);
    Ready acked = l.core.step(answer(sentTo(l.won, AppendEntries.class, 3)), LATER); // not durable here yet
    assertTrue(sent(asked, ReadIndexReply.class).isEmpty());
    assertTrue(sent(acked, ReadIndexReply.class).isEmpty());

    Ready commit = l.core.persisted(1, 1, LATER);
    assertEquals(1, l.core.commitIndex());
    Ready confirmed = l.core.step(answer(sentTo(commit, AppendEntries.class, 3)), LATER);

    assertEquals(new ReadIndexReply(1, 2, 1, 7, true, 1, 1), onlySent(confirmed, ReadIndexReply.class));
  }

  // ------------------------------------------------------------------ rule 20(b): the read index

  /**
   * Rule 20(b): the read index is the commit index when the read arrived — not the last index. An entry
   * appended but not committed (x = 2 at 3) is neither waited for nor seen.
   */
  @Test
  void rule20b_readIndexIsTheCommitIndexNotTheLastIndex() {
    Leader l = leaderWithX1();
    l.core.propose(new ClientRequest(77, 2, "SET x 2"), LATER); // 3, never durable here: cannot commit

    Ready read = l.core.read(get(5, 1, "x"), LATER);
    Ready confirmed = l.core.step(answer(sentTo(read, AppendEntries.class, 3)), LATER);

    assertEquals(2, l.core.commitIndex());
    assertEquals(List.of(served(1, 2, "VALUE 1")), confirmed.replies());
  }

  /**
   * Rule 20(b): a write that commits between the read's arrival and its confirmation may show in the value —
   * the two are concurrent — but the read index stays the commit index at the read's arrival.
   */
  @Test
  void rule20b_aWriteCommittedBeforeServingMayShowButTheReadIndexStays() {
    Leader l = leaderWithX1();

    l.core.read(get(5, 1, "x"), LATER);
    Ready write = l.core.propose(new ClientRequest(77, 2, "SET x 2"), LATER); // 3
    l.core.persisted(3, 1, LATER);
    Ready both = l.core.step(answer(sentTo(write, AppendEntries.class, 2)), LATER); // confirms the read, commits 3

    assertEquals(3, l.core.commitIndex());
    assertEquals(List.of(new CoreEvent.ReadIndexConfirmed(5, 1, 2, 1)), events(both, CoreEvent.ReadIndexConfirmed.class));
    ClientReply.Applied read = replies(both, ClientReply.Applied.class).stream()
        .filter(a -> a.clientId() == 5).findFirst().orElseThrow();
    assertEquals(2, read.index());
    assertTrue(Set.of("VALUE 1", "VALUE 2").contains(read.result()), read.result());
  }

  /**
   * Rule 20(c) then rule 14: one reply both answers the round sent after the read and acknowledges a write. It
   * is reported in the order it is handled — the read confirmed at the old commit index, then the commit —
   * and the read is served with its own read index.
   */
  @Test
  void rule20c_aReplyConfirmsTheReadBeforeItsAcknowledgementCommits() {
    Leader l = leaderWithX1();
    l.core.read(get(5, 1, "x"), LATER);
    Ready write = l.core.propose(new ClientRequest(77, 2, "SET x 2"), LATER); // 3
    l.core.persisted(3, 1, LATER);

    Ready both = l.core.step(answer(sentTo(write, AppendEntries.class, 2)), LATER);

    assertEquals(List.of(
        new CoreEvent.ReadIndexConfirmed(5, 1, 2, 1),
        new CoreEvent.CommitAdvanced(2, 3, 1),
        new CoreEvent.ReadServed(5, 1, 2, 3)), both.events());
  }

  // ------------------------------------------------------------------ rule 20(c): a round after the read

  /**
   * Rule 20(c): only answers to a round sent after the read arrived count. Node 3's answer to the no-op's
   * round — sent before the read, delivered after it — proves nothing about leadership at the read's arrival.
   */
  @Test
  void rule20c_answerToARoundSentBeforeTheReadDoesNotConfirmIt() {
    Leader l = new Leader(THREE).committed(); // node 2 answered round 1; node 3 has not answered yet
    AppendEntries beforeRead = sentTo(l.won, AppendEntries.class, 3);

    Ready read = l.core.read(get(5, 1, "x"), LATER);
    AppendEntries afterRead = sentTo(read, AppendEntries.class, 3);
    assertTrue(afterRead.round() > beforeRead.round());
    Ready late = l.core.step(answer(beforeRead), LATER);
    assertTrue(late.replies().isEmpty(), "an answer to a round sent before the read must not confirm it");

    Ready confirmed = l.core.step(answer(afterRead), LATER);

    assertEquals(List.of(served(1, 1, "NIL")), confirmed.replies());
  }

  /** Rule 20(c): the read starts a round at once, to every follower, rather than waiting for the heartbeat. */
  @Test
  void rule20c_readSendsARoundToEveryFollowerAtOnce() {
    Leader l = leaderWithX1();

    Ready read = l.core.read(get(5, 1, "x"), LATER);

    assertEquals(List.of(2, 3), sent(read, AppendEntries.class).stream().map(AppendEntries::to).sorted().toList());
    assertTrue(read.replies().isEmpty());
  }

  /** Rule 20(c): in five nodes, the leader and one follower are a minority: two answers are needed. */
  @Test
  void rule20c_aMinorityOfAnswersIsNotEnough() {
    Leader l = new Leader(FIVE).committed();

    Ready read = l.core.read(get(5, 1, "x"), LATER);
    Ready one = l.core.step(answer(sentTo(read, AppendEntries.class, 4)), LATER);
    Ready again = l.core.step(answer(sentTo(read, AppendEntries.class, 4)), LATER); // the same node twice
    assertTrue(one.replies().isEmpty());
    assertTrue(again.replies().isEmpty(), "one follower answering twice is still one follower");

    Ready two = l.core.step(answer(sentTo(read, AppendEntries.class, 5)), LATER);

    assertEquals(List.of(served(1, 1, "NIL")), two.replies());
  }

  /**
   * Rule 20(c): a refusal of a round sent after the read shows the follower still takes this node for its
   * leader, so it counts as an answer. Node 1 starts from [1:t1] and leads term 2; node 3 has an empty log.
   */
  @Test
  void rule20c_aRefusalOfARoundAfterTheReadCountsAsAnAnswer() {
    RaftCore leader = CoreFixture.leader(stored(1, 0, commands(1, "SET x 1"))); // term 2, no-op at 2
    leader.persisted(2, 2, LATER);
    leader.step(AppendEntriesReply.accept(2, 1, 2, 2, 1), LATER); // node 2 took the no-op: commit 2
    assertEquals(2, leader.commitIndex());

    Ready read = leader.read(get(5, 1, "x"), LATER);
    AppendEntries probe = sentTo(read, AppendEntries.class, 3);
    assertEquals(1, probe.prevLogIndex());
    Ready confirmed = leader.step(AppendEntriesReply.reject(3, 1, 2, AppendRejection.LOG_TOO_SHORT,
        probe.prevLogIndex(), 0, 1, probe.round()), LATER);

    assertEquals(List.of(served(1, 2, "VALUE 1")), replies(confirmed, ClientReply.Applied.class));
  }

  /** Rule 20(c): a round the leader's heartbeat timer sends after the read confirms it as well. */
  @Test
  void rule20c_aHeartbeatRoundAfterTheReadConfirmsIt() {
    Leader l = leaderWithX1();
    l.core.read(get(5, 1, "x"), LATER); // its own round is lost

    Ready heartbeat = l.core.tick(LATER + 50);
    Ready confirmed = l.core.step(answer(sentTo(heartbeat, AppendEntries.class, 2)), LATER + 50);

    assertEquals(List.of(served(1, 2, "VALUE 1")), confirmed.replies());
  }

  /** Rules 20(c), 20: reads are answered in arrival order, each by a round sent after it arrived. */
  @Test
  void rule20c_eachReadNeedsItsOwnLaterRound() {
    Leader l = leaderWithX1();
    Ready first = l.core.read(get(5, 1, "x"), LATER);
    Ready second = l.core.read(get(5, 2, "x"), LATER);

    Ready one = l.core.step(answer(sentTo(first, AppendEntries.class, 2)), LATER);
    assertEquals(List.of(served(1, 2, "VALUE 1")), one.replies(), "the first read's round is answered");
    Ready two = l.core.step(answer(sentTo(second, AppendEntries.class, 2)), LATER);
    assertEquals(List.of(served(2, 2, "VALUE 1")), two.replies());
  }

  /** Rule 20(d): a served read is reported with its read index and the index applied when served, and counted. */
  @Test
  void rule20d_aServedReadIsReportedAndCounted() {
    Leader l = leaderWithX1();
    Ready read = l.core.read(get(5, 1, "x"), LATER);

    Ready served = l.core.step(answer(sentTo(read, AppendEntries.class, 2)), LATER);

    assertEquals(List.of(new CoreEvent.ReadIndexConfirmed(5, 1, 2, 1), new CoreEvent.ReadServed(5, 1, 2, 2)),
        served.events());
    assertEquals(1, l.core.stats().readIndexConfirmed());
    assertEquals(1, l.core.stats().readsServed());
  }

  // ------------------------------------------------------------------ single-node clusters

  /** Rule 20 with a single voter: its own durable log is the majority, so a read is served at once. */
  @Test
  void rule20_singleNodeServesAReadAtOnceAfterItsFirstCommit() {
    KvStore kv = new KvStore();
    RaftCore solo = CoreFixture.node(1, List.of(1), CoreFixture.CONFIG, PersistentState.EMPTY, kv, 0);
    CoreFixture.electAlone(solo);
    solo.persisted(1, 1, 400);
    solo.propose(new ClientRequest(77, 1, "SET x 1"), 400);
    solo.persisted(2, 1, 400);

    Ready read = solo.read(get(5, 1, "x"), 500);

    assertEquals(List.of(served(1, 2, "VALUE 1")), read.replies());
    assertTrue(read.messages().isEmpty());
  }

  /**
   * Rule 20(a) with a single voter: a read that arrived before the first commit of the term is served as soon
   * as the no-op commits — no other node will ever answer a round to confirm it, so nothing else can.
   */
  @Test
  void rule20_singleNodeServesAReadThatArrivedBeforeItsFirstCommitOnceItCommits() {
    RaftCore solo = CoreFixture.node(1, List.of(1), CoreFixture.CONFIG, PersistentState.EMPTY, new KvStore(), 0);
    CoreFixture.electAlone(solo); // leader, no-op at 1 not yet durable

    Ready early = solo.read(get(5, 1, "x"), 400);
    assertTrue(early.replies().isEmpty(), "no entry of its term has committed yet");
    Ready commit = solo.persisted(1, 1, 400);

    assertEquals(1, solo.commitIndex());
    assertEquals(List.of(served(1, 1, "NIL")), commit.replies());
  }

  // ------------------------------------------------------------------ rule 21: deposed leaders

  /**
   * Rule 21: a leader that steps down on a higher term answers its pending reads NotLeader, naming the new
   * leader when it knows it, and never serves them afterwards.
   */
  @Test
  void rule21_leaderDeposedByAHigherTermAnswersPendingReadsNotLeader() {
    Leader l = leaderWithX1();
    Ready read = l.core.read(get(5, 1, "x"), LATER);

    Ready deposed = l.core.step(append(3, 1, 2, 2, 1, 2), LATER); // node 3 leads term 2
    assertEquals(Role.FOLLOWER, l.core.role());
    assertEquals(List.of(new ClientReply.NotLeader(5, 1, 3)), deposed.replies());

    Ready late = l.core.step(answer(sentTo(read, AppendEntries.class, 2)), LATER); // term 1 answer, too late
    assertTrue(late.replies().isEmpty());
    assertTrue(events(late, CoreEvent.ReadServed.class).isEmpty());
  }

  /**
   * Rule 21: a read answered NotLeader when its leader stepped down is finished. When the node leads again and
   * its followers answer round after round, that old read is never confirmed and answered a second time.
   */
  @Test
  void rule21_readsAbandonedOnSteppingDownAreNeverAnsweredLater() {
    Leader l = leaderWithX1();
    l.core.read(get(5, 1, "x"), LATER); // its round is lost
    Ready deposed = l.core.step(requestVote(2, 1, 2, 2, 1), LATER);
    assertEquals(List.of(new ClientReply.NotLeader(5, 1, 0)), deposed.replies());

    List<ClientReply> later = new ArrayList<>(campaign(l.core).replies()); // term 3
    long now = l.core.electionDeadline();
    Ready r = l.core.step(grant(3, 1, 3), now);
    assertEquals(Role.LEADER, l.core.role());
    for (int beat = 0; beat < 5; beat++) {
      later.addAll(r.replies());
      later.addAll(l.core.persisted(l.core.log().lastIndex(), 3, now).replies());
      for (AppendEntries ae : sent(r, AppendEntries.class)) {
        later.addAll(l.core.step(answer(ae), now).replies());
      }
      now += CoreFixture.CONFIG.heartbeatMs();
      r = l.core.tick(now);
    }

    assertEquals(3, l.core.commitIndex(), "node 1 leads term 3 with its followers' answers");
    assertEquals(List.of(), later);
  }

  /** Rule 21: deposed by a RequestVote of a higher term, the leader knows no leader: NotLeader without a hint. */
  @Test
  void rule21_leaderDeposedByAnElectionAnswersPendingReadsWithoutAHint() {
    Leader l = leaderWithX1();
    l.core.read(get(5, 1, "x"), LATER);

    Ready deposed = l.core.step(requestVote(2, 1, 2, 2, 1), LATER);

    assertEquals(List.of(new ClientReply.NotLeader(5, 1, 0)), deposed.replies());
  }

  /** Rule 21: a follower's read index request pending at a deposed leader is answered not-ok. */
  @Test
  void rule21_leaderDeposedAnswersAFollowersPendingReadIndexNotOk() {
    Leader l = leaderWithX1();
    l.core.step(new ReadIndex(2, 1, 1, 9), LATER);

    Ready deposed = l.core.step(append(3, 1, 2, 2, 1, 2), LATER);

    ReadIndexReply reply = sentTo(deposed, ReadIndexReply.class, 2);
    assertFalse(reply.ok());
    assertEquals(9, reply.readId());
    assertEquals(3, reply.leaderHint());
  }

  /** Rule 21: a node that is not leader refuses a read index request at once, naming the leader it knows. */
  @Test
  void rule21_followerRefusesAReadIndexRequest() {
    RaftCore follower = CoreFixture.follower(1, 1, List.of());
    follower.step(append(3, 1, 1, 0, 0, 0), LATER); // node 3 leads term 1

    Ready r = follower.step(new ReadIndex(2, 1, 1, 4), LATER);

    assertEquals(new ReadIndexReply(1, 2, 1, 4, false, 0, 3), onlySent(r, ReadIndexReply.class));
  }

  /**
   * Rule 21: a leader cut off in a minority (it knows of no higher term) never serves a read, however long it
   * keeps sending heartbeats that one follower keeps answering.
   */
  @Test
  void rule21_leaderInAMinorityNeverServesAReadHoweverLongItWaits() {
    Leader l = new Leader(FIVE).committed();
    Ready r = l.core.read(get(5, 1, "x"), LATER);
    List<ClientReply> answered = new ArrayList<>(r.replies());
    long now = LATER;
    for (int beat = 0; beat < 50; beat++) {
      for (AppendEntries ae : sent(r, AppendEntries.class)) {
        if (ae.to() == 2) {
          answered.addAll(l.core.step(answer(ae), now).replies());
        }
      }
      now = l.core.nextDeadline();
      r = l.core.tick(now);
      answered.addAll(r.replies());
    }

    assertEquals(Role.LEADER, l.core.role());
    assertEquals(List.of(), answered);
  }

  /** Rule 21: a leader whose followers are all silent never serves a read. */
  @Test
  void rule21_leaderThatHearsFromNobodyNeverServes() {
    Leader l = leaderWithX1();
    List<ClientReply> answered = new ArrayList<>(l.core.read(get(5, 1, "x"), LATER).replies());
    for (int beat = 0; beat < 50; beat++) {
      answered.addAll(l.core.tick(l.core.nextDeadline()).replies());
    }
    assertEquals(List.of(), answered);
  }

  // ------------------------------------------------------------------ reads write nothing

  /** Diss. §6.4: a read appends no entry, changes no hard state and persists nothing, before or when served. */
  @Test
  void rule20_aReadOnTheLeaderWritesNothing() {
    Leader l = leaderWithX1();
    long lastIndex = l.core.log().lastIndex();

    Ready read = l.core.read(get(5, 1, "x"), LATER);
    Ready confirmed = l.core.step(answer(sentTo(read, AppendEntries.class, 2)), LATER);

    assertEquals(1, confirmed.replies().size());
    for (Ready r : List.of(read, confirmed)) {
      assertNull(r.hardState());
      assertNull(r.logWrite());
      assertNull(r.snapshot());
      assertFalse(r.mustPersist());
      assertTrue(r.applied().isEmpty());
    }
    assertEquals(lastIndex, l.core.log().lastIndex());
    assertEquals(2, l.core.commitIndex());
  }

  /**
   * Rule 18 with diss. §6.4: a read does not enter the client's session. Were it recorded as (5, 1), the
   * client's write (5, 1) would be taken for a duplicate and never applied.
   */
  @Test
  void rule20_aReadLeavesTheClientsSessionUntouched() {
    Leader l = leaderWithX1();
    int sessions = l.kv.sessionCount();
    Ready read = l.core.read(get(5, 1, "x"), LATER);
    l.core.step(answer(sentTo(read, AppendEntries.class, 2)), LATER);
    assertEquals(sessions, l.kv.sessionCount());

    Ready write = l.core.propose(new ClientRequest(5, 1, "SET y 1"), LATER);
    l.core.persisted(3, 1, LATER);
    Ready applied = l.core.step(answer(sentTo(write, AppendEntries.class, 2)), LATER);

    assertEquals(List.of(new ClientReply.Applied(5, 1, 3, "OK")), replies(applied, ClientReply.Applied.class));
    assertEquals("1", l.kv.get("y"));
  }

  /** Rule 20(b) for a follower's request: the leader returns its commit index at the request's arrival. */
  @Test
  void rule20b_leaderAnswersAReadIndexRequestWithItsCommitIndexAfterARound() {
    Leader l = leaderWithX1();

    Ready asked = l.core.step(new ReadIndex(2, 1, 1, 7), LATER);
    assertTrue(sent(asked, ReadIndexReply.class).isEmpty(), "not before a majority answers a later round");
    Ready confirmed = l.core.step(answer(sentTo(asked, AppendEntries.class, 3)), LATER);

    assertEquals(new ReadIndexReply(1, 2, 1, 7, true, 2, 1), onlySent(confirmed, ReadIndexReply.class));
  }

  /** Rule 2 for reads: a read index request of an older term is refused, with the leader's term. */
  @Test
  void rule21_readIndexRequestOfAnOlderTermIsRefused() {
    Leader l = leaderWithX1();
    l.core.step(append(3, 1, 2, 2, 1, 2), LATER); // node 1 follows 3 in term 2 now
    assertEquals(2, l.core.currentTerm());

    Ready r = l.core.step(new ReadIndex(2, 1, 1, 4), LATER);

    assertEquals(new ReadIndexReply(1, 2, 2, 4, false, 0, 3), onlySent(r, ReadIndexReply.class));
  }
}
