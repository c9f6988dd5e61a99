package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.THREE;
import static raftsim.core.CoreFixture.allReplies;
import static raftsim.core.CoreFixture.allSent;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.assertIgnoredOnly;
import static raftsim.core.CoreFixture.campaign;
import static raftsim.core.CoreFixture.command;
import static raftsim.core.CoreFixture.events;
import static raftsim.core.CoreFixture.exchange;
import static raftsim.core.CoreFixture.fresh;
import static raftsim.core.CoreFixture.get;
import static raftsim.core.CoreFixture.noop;
import static raftsim.core.CoreFixture.onlySent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import raftsim.kv.KvStore;

/**
 * Reads on a follower, diss. §6.4 (RAFT-CHECKLIST rule 20, last sentence): the follower asks its leader for
 * a read index and serves the read itself once it has applied that far. It never answers from its own state
 * without the leader's confirmation.
 */
class FollowerReadTest {

  /** Node 2, following leader 1 in term 1: it holds [1: no-op, 2: SET x 1] and knows only index 1 committed. */
  private static final class Follower {
    final KvStore kv = new KvStore();
    final RaftCore core = CoreFixture.node(2, THREE, CoreFixture.CONFIG, PersistentState.EMPTY, kv, 0);

    Follower() {
      core.step(append(1, 2, 1, 0, 0, 1, noop(1, 1), command(2, 1, "SET x 1")), LATER);
      assertEquals(1, core.lastApplied());
      assertEquals(1, core.leaderId());
    }

    /** The leader's answer to {@code request}. */
    ReadIndexReply ok(ReadIndex request, long readIndex) {
      return new ReadIndexReply(1, 2, 1, request.readId(), true, readIndex, 1);
    }

    /** A heartbeat from leader 1 that says entries up to {@code commit} are committed. */
    Ready heartbeat(long commit, long now) {
      return core.step(append(1, 2, 1, 2, 1, commit), now);
    }
  }

  private static ClientReply.Applied served(long readIndex, String result) {
    return new ClientReply.Applied(5, 1, readIndex, result);
  }

  /** Diss. §6.4: a follower that knows its leader forwards the read and answers nobody yet. */
  @Test
  void rule20_followerForwardsAReadToItsLeader() {
    Follower f = new Follower();

    Ready r = f.core.read(get(5, 1, "x"), LATER);

    ReadIndex forwarded = onlySent(r, ReadIndex.class);
    assertEquals(2, forwarded.from());
    assertEquals(1, forwarded.to());
    assertEquals(1, forwarded.term());
    assertTrue(r.replies().isEmpty());
    assertEquals(List.of(new CoreEvent.ReadForwarded(5, 1, 1)), events(r, CoreEvent.ReadForwarded.class));
  }

  /**
   * Rule 20(d) on a follower: with the leader's read index 2 in hand but only index 1 applied, the follower
   * waits; it serves the read as soon as it has applied index 2.
   */
  @Test
  void rule20d_followerServesOnlyOnceItHasAppliedUpToTheReadIndex() {
    Follower f = new Follower();
    ReadIndex forwarded = onlySent(f.core.read(get(5, 1, "x"), LATER), ReadIndex.class);

    Ready confirmed = f.core.step(f.ok(forwarded, 2), LATER);
    assertTrue(confirmed.replies().isEmpty(), "applied only up to 1, the read index is 2");
    assertEquals(List.of(new CoreEvent.ReadIndexConfirmed(5, 1, 2, 1)),
        events(confirmed, CoreEvent.ReadIndexConfirmed.class));

    Ready applied = f.heartbeat(2, LATER + 10);

    assertEquals(2, f.core.lastApplied());
    assertEquals(List.of(served(2, "VALUE 1")), applied.replies());
  }

  /** Diss. §6.4: applying more than the follower knew is not enough; it needs the leader's read index first. */
  @Test
  void rule20_followerDoesNotServeBeforeTheLeaderAnswers() {
    Follower f = new Follower();
    ReadIndex forwarded = onlySent(f.core.read(get(5, 1, "x"), LATER), ReadIndex.class);

    Ready applied = f.heartbeat(2, LATER + 10);
    assertEquals(2, f.core.lastApplied());
    assertTrue(applied.replies().isEmpty(), "no read index from the leader yet");

    Ready confirmed = f.core.step(f.ok(forwarded, 2), LATER + 20);

    assertEquals(List.of(served(2, "VALUE 1")), confirmed.replies());
  }

  /** Diss. §6.4: when the leader refuses (it is no longer leader), the follower answers NotLeader with its hint. */
  @Test
  void rule20_followerAnswersNotLeaderWhenTheLeaderRefuses() {
    Follower f = new Follower();
    ReadIndex forwarded = onlySent(f.core.read(get(5, 1, "x"), LATER), ReadIndex.class);

    Ready refused = f.core.step(new ReadIndexReply(1, 2, 1, forwarded.readId(), false, 0, 3), LATER);
    assertEquals(List.of(new ClientReply.NotLeader(5, 1, 3)), refused.replies());

    Ready late = f.core.step(f.ok(forwarded, 1), LATER);
    assertIgnoredOnly(late, IgnoreReason.STALE_REPLY);
  }

  /** Diss. §6.2, §6.4: a node that knows no leader (fresh, or a candidate) answers NotLeader at once, unhinted. */
  @Test
  void rule20_nodeWithoutALeaderAnswersNotLeaderAtOnce() {
    RaftCore follower = fresh(2);
    RaftCore candidate = fresh(3);
    campaign(candidate);

    Ready a = follower.read(get(5, 1, "x"), LATER);
    Ready b = candidate.read(get(5, 2, "x"), LATER);

    assertEquals(List.of(new ClientReply.NotLeader(5, 1, 0)), a.replies());
    assertEquals(List.of(new ClientReply.NotLeader(5, 2, 0)), b.replies());
    assertTrue(a.messages().isEmpty());
    assertTrue(b.messages().isEmpty());
  }

  /**
   * Diss. §6.4: a forwarded read whose leader never answers is not kept forever. The leader's heartbeats keep
   * the follower from standing for election; the read is answered NotLeader, once, and never served.
   */
  @Test
  void rule20_forwardedReadExpiresWhenTheLeaderNeverAnswers() {
    Follower f = new Follower();
    ReadIndex forwarded = onlySent(f.core.read(get(5, 1, "x"), LATER), ReadIndex.class);
    List<ClientReply> answers = new ArrayList<>();
    long firstAnswerAt = -1;
    for (long now = LATER + 50; now <= LATER + 20 * 300; now += 50) {
      if (f.core.nextDeadline() <= now) {
        answers.addAll(f.core.tick(f.core.nextDeadline()).replies());
      }
      answers.addAll(f.heartbeat(1, now).replies());
      if (firstAnswerAt < 0 && !answers.isEmpty()) {
        firstAnswerAt = now;
      }
    }

    assertEquals(Role.FOLLOWER, f.core.role());
    assertEquals(List.of(new ClientReply.NotLeader(5, 1, 1)), answers);
    assertTrue(firstAnswerAt > LATER + 300, "not before the leader had a fair chance to answer: " + firstAnswerAt);
    assertIgnoredOnly(f.core.step(f.ok(forwarded, 1), LATER + 20 * 300), IgnoreReason.STALE_REPLY);
  }

  /**
   * Diss. §6.4: the follower's timer covers its forwarded reads. Heartbeats come every 140 ms, keeping the
   * election timer away; the read's expiry falls between two of them, and the tick the driver makes at
   * {@link RaftCore#nextDeadline} is what answers it.
   */
  @Test
  void rule20_followerArmsItsTimerForAForwardedReadsExpiry() {
    Follower f = new Follower();
    f.core.read(get(5, 1, "x"), LATER);
    List<ClientReply> byHeartbeat = new ArrayList<>();
    List<ClientReply> byTick = new ArrayList<>();

    long now = LATER;
    for (int i = 0; i < 200 && byTick.isEmpty() && byHeartbeat.isEmpty(); i++) {
      long deadline = f.core.nextDeadline();
      long heartbeatAt = now + 140;
      if (deadline <= heartbeatAt) {
        now = deadline;
        byTick.addAll(f.core.tick(now).replies());
      } else {
        now = heartbeatAt;
        byHeartbeat.addAll(f.heartbeat(1, now).replies());
      }
    }

    assertEquals(Role.FOLLOWER, f.core.role());
    assertEquals(List.of(), byHeartbeat, "the expiry should not wait for the next heartbeat");
    assertEquals(List.of(new ClientReply.NotLeader(5, 1, 1)), byTick);
  }

  /** Diss. §6.4: a follower that stands for election has no leader to wait for: its forwarded reads are answered NotLeader. */
  @Test
  void rule20_followerThatBecomesCandidateAbandonsItsForwardedReads() {
    Follower f = new Follower();
    ReadIndex forwarded = onlySent(f.core.read(get(5, 1, "x"), LATER), ReadIndex.class);

    Ready candidate = f.core.tick(f.core.nextDeadline());
    assertEquals(Role.CANDIDATE, f.core.role());
    assertEquals(List.of(new ClientReply.NotLeader(5, 1, 0)), candidate.replies());

    Ready late = f.core.step(new ReadIndexReply(1, 2, 1, forwarded.readId(), true, 1, 1), LATER + 1000);
    assertTrue(late.replies().isEmpty(), "an abandoned read is never served: " + late.replies());
  }

  /** Diss. §6.4: forwarding and serving a read write nothing on the follower: no entry, no hard state, no session. */
  @Test
  void rule20_aReadOnAFollowerWritesNothing() {
    Follower f = new Follower();
    f.heartbeat(2, LATER);
    int sessions = f.kv.sessionCount();

    Ready forwardedReady = f.core.read(get(5, 1, "x"), LATER);
    Ready served = f.core.step(f.ok(onlySent(forwardedReady, ReadIndex.class), 2), LATER);

    assertEquals(List.of(served(2, "VALUE 1")), served.replies());
    for (Ready r : List.of(forwardedReady, served)) {
      assertNull(r.hardState());
      assertNull(r.logWrite());
      assertNull(r.snapshot());
      assertFalse(r.mustPersist());
      assertTrue(r.applied().isEmpty());
    }
    assertEquals(2, f.core.log().lastIndex());
    assertEquals(sessions, f.kv.sessionCount());
  }

  /** Diss. §6.4: each forwarded read is matched to its own answer by its read id. */
  @Test
  void rule20_eachForwardedReadIsAnsweredByItsOwnReply() {
    Follower f = new Follower();
    ReadIndex first = onlySent(f.core.read(get(5, 1, "x"), LATER), ReadIndex.class);
    ReadIndex second = onlySent(f.core.read(get(6, 1, "x"), LATER), ReadIndex.class);
    assertTrue(first.readId() != second.readId());

    Ready r = f.core.step(f.ok(second, 1), LATER);

    assertEquals(List.of(new ClientReply.Applied(6, 1, 1, "NIL")), r.replies());
  }

  /** Diss. §6.4: forwarded reads that become ready together are answered in the order they arrived. */
  @Test
  void rule20_forwardedReadsReadyTogetherAreAnsweredInArrivalOrder() {
    Follower f = new Follower();
    ReadIndex first = onlySent(f.core.read(get(5, 1, "x"), LATER), ReadIndex.class);
    ReadIndex second = onlySent(f.core.read(get(6, 1, "x"), LATER), ReadIndex.class);
    f.core.step(f.ok(second, 2), LATER); // the answers arrive the other way round
    f.core.step(f.ok(first, 2), LATER);

    Ready applied = f.heartbeat(2, LATER + 10);

    assertEquals(List.of(new ClientReply.Applied(5, 1, 2, "VALUE 1"), new ClientReply.Applied(6, 1, 2, "VALUE 1")),
        applied.replies());
  }

  /** Diss. §6.4: a forwarded read is answered once; later inputs do not serve it again. */
  @Test
  void rule20_aServedForwardedReadIsAnsweredOnce() {
    Follower f = new Follower();
    ReadIndex forwarded = onlySent(f.core.read(get(5, 1, "x"), LATER), ReadIndex.class);
    assertEquals(List.of(served(1, "NIL")), f.core.step(f.ok(forwarded, 1), LATER).replies());

    Ready next = f.heartbeat(2, LATER + 10);

    assertEquals(List.of(), next.replies());
  }

  /** Diss. §6.4: a read index of 0 is applied already: the follower serves the read at once. */
  @Test
  void rule20_readIndexZeroIsServedAtOnce() {
    Follower f = new Follower();
    ReadIndex forwarded = onlySent(f.core.read(get(5, 1, "x"), LATER), ReadIndex.class);

    Ready r = f.core.step(f.ok(forwarded, 0), LATER);

    assertEquals(List.of(served(0, "NIL")), r.replies());
  }

  /**
   * Diss. §6.4 with restarts: read ids differ between two starts of a node even when both start at local time
   * 0 (a driver may restart the clock with the node); the start's random source tells them apart. The answer
   * to the read forwarded before the restart serves nothing after it.
   */
  @Test
  void rule20_readIdsOfTwoStartsAtTheSameTimeDiffer() {
    RaftCore before = new RaftCore(2, THREE, CoreFixture.CONFIG, new SplittableRandom(11), new KvStore(),
        PersistentState.EMPTY, 0);
    before.step(append(1, 2, 1, 0, 0, 0), 0);
    ReadIndex old = onlySent(before.read(get(5, 1, "x"), 0), ReadIndex.class);
    RaftCore after = new RaftCore(2, THREE, CoreFixture.CONFIG, new SplittableRandom(12), new KvStore(),
        PersistentState.EMPTY, 0);
    after.step(append(1, 2, 1, 0, 0, 0), 0);

    ReadIndex fresh = onlySent(after.read(get(6, 1, "x"), 0), ReadIndex.class);

    assertNotEquals(old.readId(), fresh.readId());
    assertIgnoredOnly(after.step(new ReadIndexReply(1, 2, 1, old.readId(), true, 0, 1), 0), IgnoreReason.STALE_REPLY);
  }

  /**
   * Diss. §6.4: once the leader has named a read's index, a second answer for the same read (a duplicate, or a
   * confused peer) changes nothing: it neither lowers the index the read waits for nor turns it into NotLeader.
   */
  @Test
  void rule20_aSecondAnswerToTheSameForwardedReadChangesNothing() {
    Follower f = new Follower();
    ReadIndex forwarded = onlySent(f.core.read(get(5, 1, "x"), LATER), ReadIndex.class);
    f.core.step(f.ok(forwarded, 2), LATER);

    Ready lower = f.core.step(f.ok(forwarded, 1), LATER);
    Ready refusal = f.core.step(new ReadIndexReply(1, 2, 1, forwarded.readId(), false, 0, 3), LATER);
    assertTrue(lower.replies().isEmpty(), "still waiting for index 2: " + lower.replies());
    assertTrue(refusal.replies().isEmpty(), refusal.replies().toString());

    assertEquals(List.of(served(2, "VALUE 1")), f.heartbeat(2, LATER + 10).replies());
  }

  /**
   * Diss. §6.4 with §5.2's message delays and crashes: a leader's answer to a read forwarded *before* the
   * follower restarted says nothing about a read forwarded after it. Here node 2 forwards a read while x = 1
   * is committed (read index 2); the leader's ok is delayed; node 2 crashes and restarts from its snapshot at
   * 2. Meanwhile x = 2 is committed at 3 and acknowledged. A new read forwarded after the restart must not be
   * served from the old answer — that would return x = 1 after x = 2 was acknowledged, a stale read.
   */
  @Test
  void rule20_answerToAReadForwardedBeforeARestartDoesNotServeAReadForwardedAfterIt() {
    RaftConfig compacting = CoreFixture.snapshotting(2, 64);
    RaftCore before = CoreFixture.node(2, THREE, compacting, PersistentState.EMPTY, new KvStore(), 0);
    Ready applied = before.step(append(1, 2, 1, 0, 0, 2, noop(1, 1), command(2, 1, "SET x 1")), LATER);
    Snapshot snapshot = applied.snapshot();
    ReadIndex old = onlySent(before.read(get(5, 1, "x"), LATER), ReadIndex.class);
    ReadIndexReply delayed = new ReadIndexReply(1, 2, 1, old.readId(), true, 2, 1); // leader's commit was 2

    KvStore kv = new KvStore();
    RaftCore after = CoreFixture.node(2, THREE, compacting, new PersistentState(new HardState(1, 0),
        new Snapshot(snapshot.index(), snapshot.term(), SnapshotData.of(snapshot.data().bytes())), List.of()),
        kv, LATER + 100);
    after.step(append(1, 2, 1, 3, 1, 3), LATER + 100); // leader 1 has committed x = 2 at 3; node 2 lacks entry 3
    assertEquals(1, after.leaderId());
    assertEquals(2, after.lastApplied());
    onlySent(after.read(get(6, 1, "x"), LATER + 200), ReadIndex.class);

    Ready r = after.step(delayed, LATER + 200);

    assertTrue(r.replies().isEmpty(), "served a read started after x = 2 was acknowledged from an answer given "
        + "before it: " + r.replies());
  }

  /**
   * Rules 20(a)–(d) end to end, with real nodes 1 (leader) and 2 (follower): the follower's read is served
   * only after the leader confirmed a round sent after the request, with the leader's commit index.
   */
  @Test
  void rule20_followerReadThroughARealLeader() {
    KvStore leaderKv = new KvStore();
    KvStore followerKv = new KvStore();
    RaftCore leader = CoreFixture.node(1, THREE, CoreFixture.CONFIG, PersistentState.EMPTY, leaderKv, 0);
    RaftCore follower = CoreFixture.node(2, THREE, CoreFixture.CONFIG, PersistentState.EMPTY, followerKv, 0);
    Map<Integer, RaftCore> nodes = new TreeMap<>(Map.of(1, leader, 2, follower)); // node 3 is down
    long now = leader.nextDeadline();
    exchange(nodes, 1, leader.tick(now), now);
    assertEquals(Role.LEADER, leader.role());
    exchange(nodes, 1, leader.propose(new ClientRequest(77, 1, "SET x 1"), now), now);
    assertEquals(2, leader.commitIndex());

    List<Ready> readies = exchange(nodes, 2, follower.read(get(5, 1, "x"), now), now);

    assertEquals(1, allSent(readies, ReadIndexReply.class).size());
    assertEquals(2, allSent(readies, ReadIndexReply.class).get(0).readIndex());
    assertEquals(List.of(new ClientReply.Applied(5, 1, 2, "VALUE 1")), allReplies(readies));
  }
}
