package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.CONFIG;
import static raftsim.core.CoreFixture.THREE;
import static raftsim.core.CoreFixture.answer;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.events;
import static raftsim.core.CoreFixture.get;
import static raftsim.core.CoreFixture.onlySent;
import static raftsim.core.CoreFixture.replies;
import static raftsim.core.CoreFixture.sent;
import static raftsim.core.CoreFixture.sentTo;
import static raftsim.core.CoreFixture.winElection;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import raftsim.kv.KvStore;

/**
 * Leader leases (Raft dissertation §6.4.1; RAFT-CHECKLIST rule 22): with CheckQuorum, a leader answers
 * reads from its own state for electionTimeoutMin × (1 − ρ) / (1 + ρ) after a round a majority answered
 * was <em>sent</em>, with no heartbeat round per read; a transfer ends the lease at once.
 */
class LeaseReadTest {
  private static final long DRIFT = 10_000; // ρ = 1%
  private static final RaftConfig LEASE = CONFIG.withLeaseReads(true, DRIFT);
  private static final long LEASE_MS = 150 * 990_000 / 1_010_000; // 147

  /** Node 1, leader of {1, 2, 3} elected at {@code t0}; its first round went out at t0. */
  private static final class Leader {
    final RaftCore core;
    final Ready won;
    final long t0;

    Leader(RaftConfig config) {
      this(CoreFixture.node(1, THREE, config, PersistentState.EMPTY, new KvStore(), 0));
    }

    Leader(RaftCore node) {
      core = node;
      t0 = core.electionDeadline();
      won = winElection(core);
      core.persisted(1, 1, t0);
    }

    /** Node 2 answers the first round (sent at t0) {@code after} ms later: the no-op commits. */
    Leader answeredAfter(long after) {
      core.step(answer(sentTo(won, AppendEntries.class, 2)), t0 + after);
      assertEquals(1, core.commitIndex());
      return this;
    }
  }

  @Test
  void theLeaseIsTheMinimumElectionTimeoutScaledByTheDriftRate() {
    assertEquals(147, LEASE.leaseMs());
    assertEquals(150, CONFIG.withLeaseReads(true, 0).leaseMs());
    assertEquals(50, CONFIG.withLeaseReads(true, 500_000).leaseMs(), "(1 - 1/2) / (1 + 1/2) = 1/3");
    assertEquals(99, RaftConfig.of(100, 200, 10).withLeaseReads(true, 999).leaseMs(), "99.8 rounded down, never up");
  }

  /** Rule 22(a): leases are refused without CheckQuorum, whose vote rule makes them hold. */
  @Test
  void leasesNeedCheckQuorum() {
    assertThrows(IllegalArgumentException.class,
        () -> new RaftConfig(150, 300, 50, 64, 64, 0, 65536, false, false, true, 0));
    assertTrue(LEASE.checkQuorum());
  }

  /** Diss. §6.4.1: within the lease a read is answered at once, with no heartbeat round. */
  @Test
  void withinTheLeaseAReadIsAnsweredAtOnce() {
    Leader l = new Leader(LEASE).answeredAfter(5);

    Ready r = l.core.read(get(9, 1, "x"), l.t0 + LEASE_MS - 1);

    assertEquals(1, replies(r, ClientReply.Applied.class).size());
    assertTrue(sent(r, AppendEntries.class).isEmpty(), "no heartbeat round");
    assertEquals(1, events(r, CoreEvent.LeaseRead.class).size());
  }

  /**
   * Rule 22(b): the lease runs from when the round was sent, not from when it was answered — the answer
   * came 100 ms later here, yet the lease still ends at t0 + lease.
   */
  @Test
  void theLeaseRunsFromTheSendingOfTheRoundNotItsAnswer() {
    Leader l = new Leader(LEASE).answeredAfter(100);
    assertEquals(l.t0 + LEASE_MS, l.core.leaseExpiry());

    Ready r = l.core.read(get(9, 1, "x"), l.t0 + LEASE_MS);

    assertTrue(replies(r, ClientReply.Applied.class).isEmpty(), "the lease has run out: no answer yet");
    assertEquals(2, sent(r, AppendEntries.class).size(), "a ReadIndex heartbeat round instead");
  }

  /** Rule 20(a) holds for leases too: until an entry of its term commits, a leader reads by ReadIndex. */
  @Test
  void noLeaseReadsBeforeTheTermsFirstCommit() {
    Leader l = new Leader(LEASE);

    Ready r = l.core.read(get(9, 1, "x"), l.t0 + 1);

    assertTrue(replies(r, ClientReply.Applied.class).isEmpty());
    assertTrue(events(r, CoreEvent.LeaseRead.class).isEmpty());
  }

  /** RAFT-CHECKLIST rule 22: a leadership transfer ends the lease at once, for the rest of the term. */
  @Test
  void aTransferEndsTheLeaseAtOnce() {
    Leader l = new Leader(LEASE).answeredAfter(5);
    assertTrue(l.core.transferLeadership(3, l.t0 + 10).accepted());

    assertEquals(Long.MIN_VALUE, l.core.leaseExpiry());
    Ready r = l.core.read(get(9, 1, "x"), l.t0 + 11);
    assertTrue(events(r, CoreEvent.LeaseRead.class).isEmpty());

    l.core.tick(l.t0 + 10 + CONFIG.electionTimeoutMinMs()); // the transfer is aborted
    assertEquals(Long.MIN_VALUE, l.core.leaseExpiry(), "TimeoutNow may still be on its way: no lease this term");
  }

  /** Diss. §6.4.1: a follower's forwarded read is answered at once from the leader's lease. */
  @Test
  void aForwardedReadIsAnsweredFromTheLease() {
    Leader l = new Leader(LEASE).answeredAfter(5);

    Ready r = l.core.step(new ReadIndex(3, 1, 1, 42), l.t0 + 20);

    ReadIndexReply reply = onlySent(r, ReadIndexReply.class);
    assertTrue(reply.ok());
    assertEquals(1, reply.readIndex());
  }

  /** Without lease reads every read waits for a heartbeat round (diss. §6.4), lease or no lease. */
  @Test
  void withoutLeaseReadsEveryReadTakesARound() {
    Leader l = new Leader(CONFIG.withCheckQuorum(true)).answeredAfter(5);

    Ready r = l.core.read(get(9, 1, "x"), l.t0 + 10);

    assertTrue(replies(r, ClientReply.Applied.class).isEmpty());
    assertFalse(sent(r, AppendEntries.class).isEmpty());
    assertEquals(Long.MIN_VALUE, l.core.leaseExpiry());
  }

  /** Only voters grant a lease: a learner's answer proves nothing about who can be elected. */
  @Test
  void aLearnersAnswerGrantsNoLease() {
    Leader l = new Leader(LEASE).answeredAfter(5);
    long t = l.t0 + 10;
    Ready added = l.core.addServer(4, "", t).ready(); // sends the learner entry to 2, 3 and 4 at t

    l.core.step(answer(sentTo(added, AppendEntries.class, 4)), t + 1);
    assertEquals(l.t0 + LEASE_MS, l.core.leaseExpiry(), "the learner's answer renews nothing");

    l.core.step(answer(sentTo(added, AppendEntries.class, 2)), t + 2);
    assertEquals(t + LEASE_MS, l.core.leaseExpiry(), "a voter's answer does, from when the round was sent");
  }

  /** Rule 22(b): before any voter has answered a round, the leader holds no lease. */
  @Test
  void noLeaseBeforeAMajorityAnswers() {
    Leader l = new Leader(LEASE);

    assertEquals(Long.MIN_VALUE, l.core.leaseExpiry());
  }

  /**
   * A leader of {1, 2, 3} elected late enough (its clock past twice the maximum election timeout) for its
   * oldest rounds to be forgotten; node 2 answered the first round at once, so it streams to node 2.
   */
  private static Leader lateLeader(RaftConfig config) {
    RaftCore core = CoreFixture.node(1, THREE, config, PersistentState.EMPTY, new KvStore(), 10_000);
    Leader l = new Leader(core);
    core.step(answer(sentTo(l.won, AppendEntries.class, 2)), l.t0 + 1);
    assertEquals(l.t0 + LEASE_MS, core.leaseExpiry());
    return l;
  }

  /** The AppendEntries to node 2 of a proposal at {@code now}. */
  private static AppendEntries proposeAt(Leader l, long now) {
    Ready r = l.core.propose(new ClientRequest(70, now, "SET k " + now), now);
    return sentTo(r, AppendEntries.class, 2);
  }

  /**
   * Rule 22(b): an answer to an older round, arriving after newer rounds went out, grants the lease from
   * when that older round was sent.
   */
  @Test
  void aLateAnswerToAnOlderRoundGrantsTheLeaseFromItsSending() {
    Leader l = lateLeader(LEASE);
    AppendEntries at50 = proposeAt(l, l.t0 + 50);
    proposeAt(l, l.t0 + 100);
    proposeAt(l, l.t0 + 150);

    l.core.step(answer(at50), l.t0 + 151);

    assertEquals(l.t0 + 50 + LEASE_MS, l.core.leaseExpiry());
  }

  /**
   * Rule 22(b) over a long stretch: rounds sent every 10 ms for a second — more than the leader keeps at
   * first, and longer than it keeps any — still map to the time each was sent.
   */
  @Test
  void sendTimesAreKeptAcrossManyRounds() {
    RaftConfig wideWindow = new RaftConfig(150, 300, 50, 64, 256, 0, 65536, false, true, true, DRIFT);
    Leader l = lateLeader(wideWindow);
    List<AppendEntries> sentToTwo = new ArrayList<>();
    for (int k = 1; k <= 100; k++) {
      sentToTwo.add(proposeAt(l, l.t0 + 10 * k));
    }
    long end = l.t0 + 1000;

    l.core.step(answer(sentToTwo.get(40)), end + 1); // sent at t0 + 410, 590 ms before the last round
    assertEquals(l.t0 + 410 + LEASE_MS, l.core.leaseExpiry());
    l.core.step(answer(sentToTwo.get(97)), end + 2); // sent at t0 + 980
    assertEquals(l.t0 + 980 + LEASE_MS, l.core.leaseExpiry());
    assertEquals(1, events(l.core.read(get(9, 1, "x"), end + 3), CoreEvent.LeaseRead.class).size());
  }

  /**
   * Rule 22 and diss. §3.10: a transfer ends the lease for the rest of <em>that</em> term only; the same node,
   * leading again in a later term, holds leases again.
   */
  @Test
  void aLeaderElectedAgainAfterATransferHoldsLeasesAgain() {
    Leader l = new Leader(LEASE).answeredAfter(5);
    l.core.transferLeadership(3, l.t0 + 10);
    l.core.step(append(3, 1, 2, 1, 1, 1), l.t0 + 11); // 3 leads term 2
    assertEquals(Role.FOLLOWER, l.core.role());

    long again = l.core.electionDeadline();
    l.core.tick(again);
    Ready won = l.core.step(CoreFixture.grant(2, 1, 3), again);
    assertEquals(Role.LEADER, l.core.role());
    l.core.step(answer(sentTo(won, AppendEntries.class, 2)), again + 1);

    assertEquals(again + LEASE_MS, l.core.leaseExpiry());
  }

  /** Diss. §6.4.1: reads answered from the lease are counted, the leader's own and forwarded ones alike. */
  @Test
  void leaseReadsAreCountedAndReported() {
    Leader l = new Leader(LEASE).answeredAfter(5);

    l.core.read(get(9, 1, "x"), l.t0 + 10);
    assertEquals(1, l.core.stats().leaseReads());
    Ready r = l.core.step(new ReadIndex(3, 1, 1, 42), l.t0 + 20);

    assertEquals(2, l.core.stats().leaseReads());
    assertEquals(List.of(new CoreEvent.LeaseRead(3, 0, 0, 1, l.t0 + LEASE_MS)), events(r, CoreEvent.LeaseRead.class));
  }
}
