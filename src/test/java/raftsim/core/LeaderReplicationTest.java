package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.CONFIG;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.ack;
import static raftsim.core.CoreFixture.events;
import static raftsim.core.CoreFixture.follower;
import static raftsim.core.CoreFixture.leader;
import static raftsim.core.CoreFixture.logOfTerms;
import static raftsim.core.CoreFixture.nack;
import static raftsim.core.CoreFixture.onlySent;
import static raftsim.core.CoreFixture.progressOf;
import static raftsim.core.CoreFixture.sent;
import static raftsim.core.CoreFixture.sentTo;
import static raftsim.core.CoreFixture.stored;
import static raftsim.core.CoreFixture.termsOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import raftsim.kv.KvStore;

/** The leader's side of replication, §5.3 (RAFT-CHECKLIST rules 12 and 13). */
class LeaderReplicationTest {

  private static ClientRequest request(long seq) {
    return new ClientRequest(7, seq, "APPEND k " + seq);
  }

  /** A leader of term 1 with an empty start whose follower 2 has acknowledged the no-op (index 1) and then
   *  been sent entries 2..4 optimistically: matchIndex 2 after one more ack, nextIndex 5, replicating. */
  private static RaftCore leaderReplicatingToNode2() {
    RaftCore leader = leader(PersistentState.EMPTY);
    leader.step(ack(2, 1, 1, 1), LATER);
    for (long seq = 1; seq <= 3; seq++) {
      leader.propose(request(seq), LATER);
    }
    leader.step(ack(2, 1, 1, 2), LATER);
    ProgressView p = progressOf(leader, 2);
    assertTrue(p.replicating());
    assertEquals(2, p.matchIndex());
    assertEquals(5, p.nextIndex());
    return leader;
  }

  // ----------------------------------------------------------------- rule 12: fast back-off

  /** Rule 12, §5.3: LOG_TOO_SHORT says where the follower's log ends; the leader jumps there at once. */
  @Test
  void rule12_logTooShortHintMovesNextIndexToTheFollowersEnd() {
    RaftCore leader = leader(stored(2, 0, logOfTerms(1, 1, 2, 2))); // term 3, log [1 1 2 2 3]
    assertEquals(5, progressOf(leader, 2).nextIndex());

    Ready r = leader.step(nack(2, 1, 3, AppendRejection.LOG_TOO_SHORT, 4, 0, 2), LATER);

    assertEquals(2, progressOf(leader, 2).nextIndex());
    AppendEntries retry = sentTo(r, AppendEntries.class, 2);
    assertEquals(1, retry.prevLogIndex());
    assertEquals(1, retry.prevLogTerm());
    assertEquals(2, retry.entries().get(0).index());
  }

  /**
   * Rule 12, §5.3: PREV_TERM_MISMATCH names the follower's conflicting term and where it starts; a leader
   * holding no entry of that term jumps to that first index — past the whole conflicting run at once.
   * Driven against a real follower until the logs agree.
   */
  @Test
  void rule12_conflictTermHintSkipsTheFollowersWholeRunOfThatTerm() {
    RaftCore leader = leader(stored(3, 0, logOfTerms(1, 1, 3, 3))); // term 4, log [1 1 3 3 4]
    RaftCore follower = follower(2, 4, logOfTerms(1, 2, 2, 2));
    AppendEntries probe = sentTo(leader.tick(LATER), AppendEntries.class, 2);

    AppendEntriesReply refusal = onlySent(follower.step(probe, LATER), AppendEntriesReply.class);
    assertEquals(AppendRejection.PREV_TERM_MISMATCH, refusal.rejection());
    assertEquals(2, refusal.conflictTerm());
    assertEquals(2, refusal.conflictIndex());
    Ready backedOff = leader.step(refusal, LATER);

    assertEquals(2, progressOf(leader, 2).nextIndex());
    AppendEntries retry = sentTo(backedOff, AppendEntries.class, 2);
    AppendEntriesReply accepted = onlySent(follower.step(retry, LATER), AppendEntriesReply.class);
    assertTrue(accepted.success());
    assertArrayEquals(termsOf(leader), termsOf(follower));
  }

  /**
   * Rule 12: when the leader holds entries of the conflicting term, the new nextIndex still lies within the
   * refused range (never past the refused prevLogIndex, never before the follower's first entry of that term)
   * and the logs converge.
   */
  @Test
  void rule12_conflictTermHintKnownToTheLeaderConverges() {
    RaftCore leader = leader(stored(4, 0, logOfTerms(1, 2, 2, 4))); // term 5, log [1 2 2 4 5]
    RaftCore follower = follower(2, 5, logOfTerms(1, 2, 2, 2, 2));
    Ready r = leader.tick(LATER);

    for (int round = 0; round < 4 && !sent(r, AppendEntries.class).isEmpty(); round++) {
      AppendEntries ae = sentTo(r, AppendEntries.class, 2);
      AppendEntriesReply reply = onlySent(follower.step(ae, LATER), AppendEntriesReply.class);
      r = leader.step(reply, LATER);
      if (!reply.success()) {
        long next = progressOf(leader, 2).nextIndex();
        assertTrue(next >= reply.conflictIndex() && next <= reply.rejectedIndex(), "nextIndex " + next);
      }
    }

    assertArrayEquals(termsOf(leader), termsOf(follower));
    assertEquals(5, progressOf(leader, 2).matchIndex());
  }

  /** Rule 12/13 (Progress invariant matchIndex < nextIndex): a back-off never goes to or below matchIndex. */
  @Test
  void rule12_backOffNeverGoesToOrBelowMatchIndex() {
    RaftCore leader = leaderReplicatingToNode2();

    leader.step(nack(2, 1, 1, AppendRejection.LOG_TOO_SHORT, 3, 0, 1), LATER);

    ProgressView p = progressOf(leader, 2);
    assertEquals(2, p.matchIndex());
    assertEquals(3, p.nextIndex());
  }

  /** Rule 12: a refusal of a request at or below matchIndex is stale (reordered) and changes nothing. */
  @Test
  void rule12_staleRejectionWhileReplicatingIsIgnored() {
    RaftCore leader = leaderReplicatingToNode2();

    Ready r = leader.step(nack(2, 1, 1, AppendRejection.LOG_TOO_SHORT, 1, 0, 1), LATER);

    assertEquals(IgnoreReason.STALE_REJECTION, events(r, CoreEvent.Ignored.class).get(0).reason());
    ProgressView p = progressOf(leader, 2);
    assertEquals(5, p.nextIndex());
    assertEquals(2, p.matchIndex());
    assertTrue(p.replicating());
    assertTrue(r.messages().isEmpty());
  }

  /**
   * Rule 12: while probing just above matchIndex, a refusal at matchIndex comes from a follower that
   * lost entries it acknowledged (or is stale): it is ignored, not answered with the same probe again,
   * which would loop for ever and, with duplicated messages, multiply.
   */
  @Test
  void rule12_refusalAtOrBelowMatchIndexWhileProbingIsIgnored() {
    RaftCore leader = leaderReplicatingToNode2();
    leader.step(nack(2, 1, 1, AppendRejection.LOG_TOO_SHORT, 4, 0, 3), LATER);
    ProgressView probing = progressOf(leader, 2);
    assertFalse(probing.replicating());
    assertEquals(3, probing.nextIndex());

    Ready r = leader.step(nack(2, 1, 1, AppendRejection.LOG_TOO_SHORT, 2, 0, 2), LATER);

    assertEquals(IgnoreReason.STALE_REJECTION, events(r, CoreEvent.Ignored.class).get(0).reason());
    assertTrue(r.messages().isEmpty(), "no probe resent: " + r.messages());
    assertEquals(3, progressOf(leader, 2).nextIndex());
  }

  /** Rule 12: while probing, only a refusal of the outstanding probe moves nextIndex. */
  @Test
  void rule12_rejectionOfAnythingButTheOutstandingProbeIsIgnored() {
    RaftCore leader = leader(stored(1, 0, logOfTerms(1, 1))); // term 2, probe to 2 at prevLogIndex 2
    assertEquals(3, progressOf(leader, 2).nextIndex());

    Ready r = leader.step(nack(2, 1, 2, AppendRejection.LOG_TOO_SHORT, 1, 0, 1), LATER);

    assertEquals(IgnoreReason.STALE_REJECTION, events(r, CoreEvent.Ignored.class).get(0).reason());
    assertEquals(3, progressOf(leader, 2).nextIndex());
    assertFalse(progressOf(leader, 2).replicating());
  }

  /**
   * Rule 12, §5.3: when the leader holds entries of the follower's conflicting term, the logs may match up to the
   * leader's last entry of that term, so the retry starts right after it. Leader [1 2 2 4 5], follower
   * [1 2 2 2 2]: the refusal at 4 names term 2; the leader's last entry of term 2 is 3, so it retries from 4.
   */
  @Test
  void rule12_conflictTermTheLeaderHoldsResumesRightAfterItsLastEntryOfThatTerm() {
    RaftCore leader = leader(stored(4, 0, logOfTerms(1, 2, 2, 4))); // term 5, log [1 2 2 4 5]

    Ready r = leader.step(nack(2, 1, 5, AppendRejection.PREV_TERM_MISMATCH, 4, 2, 2), LATER);

    assertEquals(4, progressOf(leader, 2).nextIndex());
    AppendEntries retry = sentTo(r, AppendEntries.class, 2);
    assertEquals(3, retry.prevLogIndex());
    assertEquals(2, retry.prevLogTerm());
    assertEquals(List.of(new CoreEvent.NextIndexBackedOff(2, 5, 4)), events(r, CoreEvent.NextIndexBackedOff.class));
  }

  /**
   * Rule 12 with §7: the leader's snapshot ends with an entry of term 2, so it does hold term 2 — at the
   * snapshot's index — and retries right after it with AppendEntries, instead of sending the snapshot.
   */
  @Test
  void rule12_theSnapshotsLastEntryCountsAsAnEntryOfItsTerm() {
    Snapshot snapshot = new Snapshot(4, 2, SnapshotData.of(InstallSnapshotTest.snapshotUpTo(4)));
    RaftCore leader = leader(new PersistentState(new HardState(3, 0), snapshot, List.of(CoreFixture.noop(5, 3))));
    assertEquals(6, progressOf(leader, 2).nextIndex()); // term 4, log [snapshot to 4/2] 5:3 6:4

    Ready r = leader.step(nack(2, 1, 4, AppendRejection.PREV_TERM_MISMATCH, 5, 2, 3), LATER);

    assertEquals(5, progressOf(leader, 2).nextIndex());
    AppendEntries retry = sentTo(r, AppendEntries.class, 2);
    assertEquals(4, retry.prevLogIndex());
    assertEquals(2, retry.prevLogTerm());
    assertTrue(sent(r, InstallSnapshot.class).isEmpty(), "the follower needs nothing the leader compacted");
  }

  /**
   * Rule 12: a refusal of a heartbeat at the leader's last index is not "beyond the log". Node 2 lost the
   * requests for 3 and 4 and refuses the heartbeat at 4; the leader backs off to 3 and sends 3..4 again.
   */
  @Test
  void rule12_refusalAtTheLeadersLastIndexBacksOff() {
    RaftCore leader = leaderReplicatingToNode2(); // log [1..4], match 2, next 5

    Ready r = leader.step(nack(2, 1, 1, AppendRejection.LOG_TOO_SHORT, 4, 0, 3), LATER);

    assertEquals(3, progressOf(leader, 2).nextIndex());
    AppendEntries retry = sentTo(r, AppendEntries.class, 2);
    assertEquals(2, retry.prevLogIndex());
    assertEquals(List.of(3L, 4L), retry.entries().stream().map(LogEntry::index).toList());
  }

  /** Rule 12: a refusal at exactly matchIndex answers a request older than the match: stale, it changes nothing. */
  @Test
  void rule12_refusalAtMatchIndexWhileReplicatingIsStale() {
    RaftCore leader = leaderReplicatingToNode2(); // match 2

    Ready r = leader.step(nack(2, 1, 1, AppendRejection.LOG_TOO_SHORT, 2, 0, 1), LATER);

    assertEquals(IgnoreReason.STALE_REJECTION, events(r, CoreEvent.Ignored.class).get(0).reason());
    ProgressView p = progressOf(leader, 2);
    assertEquals(5, p.nextIndex());
    assertTrue(p.replicating());
    assertTrue(r.messages().isEmpty());
  }

  // ------------------------------------------------------------- flow control

  /** One entry per request and one request in flight per follower. */
  private static final RaftConfig WINDOW_OF_ONE = new RaftConfig(150, 300, 50, 1, 1, 0, 65536);

  /** Node 1, leader of term 1 with [1: no-op], replicating to node 2 (which acknowledged 1) with nothing in flight. */
  private static RaftCore leaderWithAWindowOfOne() {
    RaftCore leader = CoreFixture.node(1, CoreFixture.THREE, WINDOW_OF_ONE, PersistentState.EMPTY,
        new KvStore(), 0);
    CoreFixture.winElection(leader);
    leader.step(ack(2, 1, 1, 1), LATER);
    assertTrue(progressOf(leader, 2).replicating());
    return leader;
  }

  /** §5.3 flow control: while the window is full nothing more is sent; the acknowledgement of the request in flight frees it. */
  @Test
  void flowControl_anAcknowledgementFreesItsRequestsPlaceInTheWindow() {
    RaftCore leader = leaderWithAWindowOfOne();
    Ready sentOne = leader.propose(request(1), LATER);
    assertEquals(List.of(2L), sentTo(sentOne, AppendEntries.class, 2).entries().stream().map(LogEntry::index).toList());
    Ready full = leader.propose(request(2), LATER);
    assertTrue(sent(full, AppendEntries.class).isEmpty(), "entry 2 is in flight: " + full.messages());

    Ready r = leader.step(ack(2, 1, 1, 2), LATER);

    AppendEntries next = sentTo(r, AppendEntries.class, 2);
    assertEquals(2, next.prevLogIndex());
    assertEquals(List.of(3L), next.entries().stream().map(LogEntry::index).toList());
  }

  /** §5.2 with flow control: a heartbeat carries no entries, so it takes no place in the window. */
  @Test
  void flowControl_heartbeatsTakeNoPlaceInTheWindow() {
    RaftCore leader = leaderWithAWindowOfOne();
    AppendEntries heartbeat = sentTo(leader.tick(LATER + 50), AppendEntries.class, 2);
    assertTrue(heartbeat.entries().isEmpty());

    Ready r = leader.propose(request(1), LATER + 50);

    assertEquals(List.of(2L), sentTo(r, AppendEntries.class, 2).entries().stream().map(LogEntry::index).toList());
  }

  /** §5.3: while probing, one request at a time: a proposal sends nothing more; the next heartbeat probes again. */
  @Test
  void flowControl_aProbingFollowerGetsOneRequestAtATime() {
    RaftCore leader = leader(PersistentState.EMPTY); // probes with the no-op are out to 2 and 3

    Ready proposed = leader.propose(request(1), LATER);

    assertTrue(sent(proposed, AppendEntries.class).isEmpty(), proposed.messages().toString());
    Ready heartbeat = leader.tick(LATER + 50);
    for (int follower : List.of(2, 3)) {
      AppendEntries probe = sentTo(heartbeat, AppendEntries.class, follower);
      assertEquals(0, probe.prevLogIndex());
      assertEquals(2, probe.entries().size());
    }
  }

  /** §5.3: no request carries more than maxEntriesPerAppend entries. */
  @Test
  void flowControl_eachRequestCarriesAtMostMaxEntriesPerAppend() {
    RaftCore leader = CoreFixture.node(1, CoreFixture.THREE, CONFIG.withMaxEntriesPerAppend(2),
        stored(1, 0, logOfTerms(1, 1, 1, 1)), new KvStore(), 0);
    CoreFixture.winElection(leader); // term 2, no-op at 5

    Ready r = leader.step(nack(2, 1, 2, AppendRejection.LOG_TOO_SHORT, 4, 0, 1), LATER);

    AppendEntries probe = sentTo(r, AppendEntries.class, 2);
    assertEquals(0, probe.prevLogIndex());
    assertEquals(List.of(1L, 2L), probe.entries().stream().map(LogEntry::index).toList());
  }

  // ------------------------------------------------------------- rule 13: matchIndex

  /**
   * Rule 13: a success reply proves what *its* request covered. Entries the leader appended after sending it
   * are not matched by it.
   */
  @Test
  void rule13_matchIndexComesFromTheRequestsRangeNotTheLeadersLastIndex() {
    RaftCore leader = leader(PersistentState.EMPTY); // no-op at 1, probe to 2 covers 1
    leader.propose(request(1), LATER); // 2
    leader.propose(request(2), LATER); // 3
    leader.persisted(3, 1, LATER);

    Ready r = leader.step(ack(2, 1, 1, 1), LATER);

    assertEquals(1, progressOf(leader, 2).matchIndex());
    assertEquals(1, leader.commitIndex(), "only the no-op is on a majority");
    AppendEntries rest = sentTo(r, AppendEntries.class, 2);
    assertEquals(1, rest.prevLogIndex());
    assertEquals(2, rest.entries().size());
  }

  /** Rule 13: matchIndex only grows; a reordered or duplicated older success leaves it where it is. */
  @Test
  void rule13_matchIndexNeverDecreases() {
    RaftCore leader = leaderReplicatingToNode2();
    leader.step(ack(2, 1, 1, 4), LATER);

    Ready r = leader.step(ack(2, 1, 1, 2), LATER);

    ProgressView p = progressOf(leader, 2);
    assertEquals(4, p.matchIndex());
    assertTrue(p.nextIndex() > p.matchIndex());
    assertTrue(events(r, CoreEvent.CommitAdvanced.class).isEmpty());
  }

  // ------------------------------------------------------------- §5.2: heartbeats

  /** §5.2: an idle leader sends every follower an AppendEntries each heartbeat interval. */
  @Test
  void leaderSendsHeartbeatsEveryInterval() {
    RaftCore leader = leader(PersistentState.EMPTY);
    long due = leader.nextDeadline();

    Ready r = leader.tick(due);

    assertEquals(2, sent(r, AppendEntries.class).size());
    for (AppendEntries ae : sent(r, AppendEntries.class)) {
      assertEquals(1, ae.term());
    }
    assertEquals(due + CONFIG.heartbeatMs(), r.nextDeadline());
    assertEquals(List.of(), leader.tick(due + 1).messages(), "nothing is due one millisecond later");
  }
}
