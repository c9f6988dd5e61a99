package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.THREE;
import static raftsim.core.CoreFixture.allSent;
import static raftsim.core.CoreFixture.answer;
import static raftsim.core.CoreFixture.chunk;
import static raftsim.core.CoreFixture.events;
import static raftsim.core.CoreFixture.exchange;
import static raftsim.core.CoreFixture.installSnapshot;
import static raftsim.core.CoreFixture.kvAfter;
import static raftsim.core.CoreFixture.onlySent;
import static raftsim.core.CoreFixture.progressOf;
import static raftsim.core.CoreFixture.sent;
import static raftsim.core.CoreFixture.sentTo;
import static raftsim.core.CoreFixture.snapshotting;
import static raftsim.core.CoreFixture.winElection;
import static raftsim.core.InstallSnapshotTest.LEADER_LOG;
import static raftsim.core.InstallSnapshotTest.snapshotUpTo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import raftsim.kv.KvStore;

/**
 * A snapshot sent in chunks, §7 and Figure 13 (RAFT-CHECKLIST rule 25): the follower accepts only the chunk
 * at the offset it expects, restarts on offset 0 and installs on {@code done}; the leader sends one chunk at
 * a time, repeats an unanswered one on its heartbeat, and resumes AppendEntries after the snapshot.
 */
class SnapshotChunkTest {

  private static final int CHUNK = 16;

  // =================================================================== the follower's side

  /** Node 2, a fresh follower of term 2 (leader 1), and the 4-entry snapshot leader 1 sends it. */
  private static final class Receiver {
    final KvStore kv = new KvStore();
    final RaftCore core = CoreFixture.node(2, THREE, CoreFixture.CONFIG, CoreFixture.stored(2, 0, List.of()), kv, 0);
    final byte[] bytes = snapshotUpTo(4);

    Receiver() {
      assertTrue(bytes.length > 4 * CHUNK, "fixture: the snapshot should take several chunks");
    }

    Ready chunkAt(int offset) {
      return core.step(chunk(1, 2, 2, 4, 2, bytes, offset, Math.min(offset + CHUNK, bytes.length)), LATER);
    }

    InstallSnapshotReply replyToChunkAt(int offset) {
      return onlySent(chunkAt(offset), InstallSnapshotReply.class);
    }

    /** Sends the chunks from {@code offset} to the end; returns the last reply. */
    InstallSnapshotReply rest(int offset) {
      InstallSnapshotReply last = null;
      for (int at = offset; at < bytes.length; at += CHUNK) {
        last = replyToChunkAt(at);
      }
      return last;
    }

    void assertInstalledTheLeadersState() {
      assertEquals(4, core.lastApplied());
      assertEquals(4, core.log().snapshotIndex());
      assertEquals(kvAfter(LEADER_LOG.subList(0, 4)).data(), kv.data());
      assertArrayEquals(bytes, core.latestSnapshot().data().bytes());
    }
  }

  /** Rule 25: a chunk beyond the bytes received so far is not taken; the reply names the offset needed. */
  @Test
  void rule25_chunkAfterAGapIsRefusedAndTheReplyNamesTheOffsetNeeded() {
    Receiver f = new Receiver();
    assertEquals(CHUNK, f.replyToChunkAt(0).nextOffset());

    Ready gap = f.chunkAt(2 * CHUNK);

    InstallSnapshotReply reply = onlySent(gap, InstallSnapshotReply.class);
    assertEquals(CHUNK, reply.nextOffset());
    assertFalse(reply.installed());
    assertEquals(IgnoreReason.UNEXPECTED_CHUNK, events(gap, CoreEvent.Ignored.class).get(0).reason());
    assertTrue(f.rest(CHUNK).installed(), "the transfer resumes where the follower said");
    f.assertInstalledTheLeadersState();
  }

  /** Rule 25: a chunk received twice is taken once; the bytes are not appended a second time. */
  @Test
  void rule25_repeatedChunkIsNotAppendedTwice() {
    Receiver f = new Receiver();
    f.replyToChunkAt(0);
    f.replyToChunkAt(CHUNK);

    InstallSnapshotReply repeat = f.replyToChunkAt(CHUNK);

    assertEquals(2 * CHUNK, repeat.nextOffset());
    assertFalse(repeat.installed());
    assertTrue(f.rest(2 * CHUNK).installed());
    f.assertInstalledTheLeadersState();
  }

  /** Rule 25: offset 0 starts the snapshot afresh, dropping what was received. */
  @Test
  void rule25_offsetZeroRestartsTheTransfer() {
    Receiver f = new Receiver();
    f.replyToChunkAt(0);
    f.replyToChunkAt(CHUNK);

    InstallSnapshotReply restart = f.replyToChunkAt(0);

    assertEquals(CHUNK, restart.nextOffset(), "only the first chunk is held after a restart");
    assertTrue(f.rest(CHUNK).installed());
    f.assertInstalledTheLeadersState();
  }

  /** Rule 25: offset 0 of a newer snapshot replaces a partly received older one. */
  @Test
  void rule25_offsetZeroOfAnotherSnapshotReplacesAPartialOne() {
    Receiver f = new Receiver();
    f.replyToChunkAt(0);
    f.replyToChunkAt(CHUNK);
    byte[] newer = snapshotUpTo(5);

    InstallSnapshotReply last = null;
    for (int at = 0; at < newer.length; at += CHUNK) {
      last = onlySent(f.core.step(chunk(1, 2, 2, 5, 2, newer, at, Math.min(at + CHUNK, newer.length)), LATER),
          InstallSnapshotReply.class);
    }

    assertTrue(last.installed());
    assertEquals(5, f.core.lastApplied());
    assertEquals("12345", f.kv.get("k"));
  }

  /** Rule 25: a chunk of another snapshot that does not start at 0 cannot continue this one: start again. */
  @Test
  void rule25_chunkOfAnotherSnapshotMidTransferIsRefused() {
    Receiver f = new Receiver();
    f.replyToChunkAt(0);
    byte[] other = snapshotUpTo(5);

    Ready r = f.core.step(chunk(1, 2, 2, 5, 2, other, CHUNK, 2 * CHUNK), LATER);

    InstallSnapshotReply reply = onlySent(r, InstallSnapshotReply.class);
    assertEquals(0, reply.nextOffset());
    assertFalse(reply.installed());
    assertEquals(0, f.core.lastApplied());
  }

  /**
   * Rule 25: nothing is installed before the chunk marked done — not even when every byte has arrived; the
   * done chunk (here empty) installs it.
   */
  @Test
  void rule25_installsOnlyOnTheDoneChunk() {
    Receiver f = new Receiver();

    Ready allBytes = f.core.step(installSnapshot(1, 2, 2, 4, 2, 0, f.bytes, false), LATER);
    InstallSnapshotReply reply = onlySent(allBytes, InstallSnapshotReply.class);
    assertFalse(reply.installed());
    assertEquals(f.bytes.length, reply.nextOffset());
    assertNull(allBytes.snapshot());
    assertEquals(0, f.core.lastApplied());
    assertEquals(0, f.kv.data().size());

    Ready done = f.core.step(installSnapshot(1, 2, 2, 4, 2, f.bytes.length, new byte[0], true), LATER);

    assertTrue(onlySent(done, InstallSnapshotReply.class).installed());
    f.assertInstalledTheLeadersState();
  }

  /** Rule 25: each chunk before the last is acknowledged with the bytes held, installed = false, nothing to persist. */
  @Test
  void rule25_chunksBeforeTheLastAreAcknowledgedWithTheBytesHeld() {
    Receiver f = new Receiver();
    for (int at = 0; at + CHUNK < f.bytes.length; at += CHUNK) {
      Ready r = f.chunkAt(at);
      assertEquals(new InstallSnapshotReply(2, 1, 2, 4, at + CHUNK, false), onlySent(r, InstallSnapshotReply.class));
      assertNull(r.snapshot());
      assertEquals(0, f.core.lastApplied());
    }
  }

  // =================================================================== the leader's side

  /**
   * Node 1 restarted from a snapshot up to 4 (term 2) plus entries 5..6, elected for term 3 (no-op at 7),
   * chunks of 16 bytes; node 3 is a fresh follower with an empty log, so it needs the snapshot.
   */
  private static final class Sender {
    final byte[] bytes = snapshotUpTo(4);
    final KvStore kv = new KvStore();
    final RaftCore leader;
    final KvStore followerKv = new KvStore();
    final RaftCore follower;
    final Ready won;

    Sender() {
      this(1000);
    }

    /** The leader snapshots again once it has applied {@code snapshotEvery} entries past index 4. */
    Sender(long snapshotEvery) {
      leader = CoreFixture.node(1, THREE, snapshotting(snapshotEvery, CHUNK),
          new PersistentState(new HardState(2, 0), new Snapshot(4, 2, SnapshotData.of(bytes)), LEADER_LOG.subList(4, 6)),
          kv, 0);
      follower = CoreFixture.node(3, THREE, snapshotting(snapshotEvery, CHUNK), PersistentState.EMPTY, followerKv, 0);
      won = winElection(leader);
    }

    /** Node 3's refusal of the leader's first AppendEntries (its log is too short). */
    AppendEntriesReply refusal() {
      return onlySent(follower.step(sentTo(won, AppendEntries.class, 3), LATER), AppendEntriesReply.class);
    }

    /** Node 3 refuses the first AppendEntries (its log is too short); returns the leader's Ready for that. */
    Ready refuse() {
      AppendEntriesReply refusal = refusal();
      assertEquals(AppendRejection.LOG_TOO_SHORT, refusal.rejection());
      return leader.step(refusal, LATER);
    }

    /** Commits the leader's whole log (up to its no-op at 7) with node 2's acknowledgement; returns that Ready. */
    Ready commitWithNode2() {
      leader.persisted(7, 3, LATER);
      Ready r = leader.step(answer(sentTo(won, AppendEntries.class, 2)), LATER);
      assertEquals(7, leader.commitIndex());
      return r;
    }

    /** Delivers {@code chunk} to node 3 and its reply to the leader; returns the leader's Ready. */
    Ready deliver(InstallSnapshot chunk, long now) {
      return leader.step(onlySent(follower.step(chunk, now), InstallSnapshotReply.class), now);
    }
  }

  /** Rule 12 with §7: a follower that needs entries the leader compacted away is sent the snapshot, from offset 0. */
  @Test
  void rule25_leaderSendsItsSnapshotToAFollowerThatNeedsCompactedEntries() {
    Sender s = new Sender();

    Ready r = s.refuse();

    InstallSnapshot first = onlySent(r, InstallSnapshot.class);
    assertEquals(3, first.to());
    assertEquals(3, first.term());
    assertEquals(4, first.lastIncludedIndex());
    assertEquals(2, first.lastIncludedTerm());
    assertEquals(0, first.offset());
    assertArrayEquals(Arrays.copyOfRange(s.bytes, 0, CHUNK), first.data());
    assertFalse(first.done());
    assertTrue(sent(r, AppendEntries.class).isEmpty(), "no AppendEntries the follower cannot use");
  }

  /** §7: a leader that compacted its own log sends its latest snapshot to a follower that lags behind it. */
  @Test
  void rule25_leaderThatCompactedItsLogSendsTheSnapshotToALaggingFollower() {
    RaftCore leader = CoreFixture.node(1, THREE, snapshotting(4, 4096), PersistentState.EMPTY, new KvStore(), 0);
    Ready won = winElection(leader); // no-op at 1
    leader.persisted(1, 1, LATER);
    leader.step(answer(sentTo(won, AppendEntries.class, 2)), LATER);
    for (long seq = 1; seq <= 5; seq++) {
      Ready p = leader.propose(new ClientRequest(7, seq, "SET k " + seq), LATER);
      leader.persisted(leader.log().lastIndex(), 1, LATER);
      leader.step(answer(sentTo(p, AppendEntries.class, 2)), LATER);
    }
    assertTrue(leader.log().snapshotIndex() >= 1, "the leader compacted its log");
    RaftCore node3 = CoreFixture.node(3, THREE, snapshotting(4, 4096), PersistentState.EMPTY, new KvStore(), 0);

    List<Ready> readies = exchange(new TreeMap<>(Map.of(1, leader, 3, node3)), 1, leader.tick(LATER + 50), LATER + 50);

    List<InstallSnapshot> chunks = allSent(readies, InstallSnapshot.class);
    assertFalse(chunks.isEmpty(), "node 3 needs entries the leader no longer holds");
    assertEquals(leader.latestSnapshot().index(), chunks.get(0).lastIncludedIndex());
    assertEquals(6, node3.log().lastIndex());
    assertEquals(leader.latestSnapshot().index(), node3.log().snapshotIndex());
  }

  /** Rule 25: one chunk at a time — a proposal or an early tick sends no further chunk; the acknowledgement does. */
  @Test
  void rule25_leaderSendsTheNextChunkOnlyAfterThePreviousIsAcknowledged() {
    Sender s = new Sender();
    InstallSnapshot first = onlySent(s.refuse(), InstallSnapshot.class);

    Ready proposed = s.leader.propose(new ClientRequest(7, 1, "SET a 1"), LATER);
    Ready early = s.leader.tick(LATER + 10);
    assertTrue(sent(proposed, InstallSnapshot.class).isEmpty());
    assertTrue(sent(early, InstallSnapshot.class).isEmpty());

    Ready acked = s.deliver(first, LATER + 20);

    InstallSnapshot second = onlySent(acked, InstallSnapshot.class);
    assertEquals(CHUNK, second.offset());
    assertArrayEquals(Arrays.copyOfRange(s.bytes, CHUNK, 2 * CHUNK), second.data());
  }

  /** Rule 25 with §5.2: a chunk left unanswered for a heartbeat interval is sent again, from the same offset. */
  @Test
  void rule25_leaderResendsAnUnansweredChunkOnItsHeartbeat() {
    Sender s = new Sender();
    InstallSnapshot first = onlySent(s.refuse(), InstallSnapshot.class);
    InstallSnapshot second = onlySent(s.deliver(first, LATER), InstallSnapshot.class); // then lost

    Ready heartbeat = s.leader.tick(LATER + 50);

    assertEquals(second, sentTo(heartbeat, InstallSnapshot.class, 3));
  }

  /** Rule 25: the leader continues from the offset the follower names, even back to 0 (the follower restarted). */
  @Test
  void rule25_leaderContinuesFromTheOffsetTheFollowerNames() {
    Sender s = new Sender();
    InstallSnapshot first = onlySent(s.refuse(), InstallSnapshot.class);
    s.deliver(first, LATER);

    Ready r = s.leader.step(new InstallSnapshotReply(3, 1, 3, 4, 0, false), LATER);

    assertEquals(first, onlySent(r, InstallSnapshot.class));
  }

  /**
   * Rule 25 with rule 13: after the follower reports the snapshot installed, the leader takes it to match up to
   * lastIncludedIndex and resumes AppendEntries right after it: prevLogIndex 4 with term 2, entries 5..7.
   */
  @Test
  void rule25_afterInstallTheLeaderResumesAppendEntriesAfterLastIncludedIndex() {
    Sender s = new Sender();
    InstallSnapshot chunk = onlySent(s.refuse(), InstallSnapshot.class);
    Ready r = s.deliver(chunk, LATER);
    for (int chunks = 1; !sent(r, InstallSnapshot.class).isEmpty(); chunks++) {
      assertTrue(chunks < 100, "the transfer does not end: " + r.messages());
      chunk = onlySent(r, InstallSnapshot.class);
      r = s.deliver(chunk, LATER);
    }
    assertTrue(chunk.done());
    assertEquals(4, s.follower.lastApplied());

    assertEquals(4, progressOf(s.leader, 3).matchIndex());
    AppendEntries resumed = sentTo(r, AppendEntries.class, 3);
    assertEquals(4, resumed.prevLogIndex());
    assertEquals(2, resumed.prevLogTerm());
    assertEquals(List.of(5L, 6L, 7L), resumed.entries().stream().map(LogEntry::index).toList());

    AppendEntriesReply accepted = onlySent(s.follower.step(resumed, LATER), AppendEntriesReply.class);
    assertTrue(accepted.success());
    s.leader.step(accepted, LATER);
    assertEquals(7, progressOf(s.leader, 3).matchIndex());
    assertEquals(8, progressOf(s.leader, 3).nextIndex());
  }

  /** Rules 24–25 end to end: the follower ends with the leader's state and log, and commits through the leader. */
  @Test
  void rule25_aChunkedTransferBringsTheFollowerToTheLeadersState() {
    Sender s = new Sender();
    Map<Integer, RaftCore> nodes = new TreeMap<>(Map.of(1, s.leader, 3, s.follower));

    List<Ready> readies = exchange(nodes, 1, s.won, LATER);
    assertTrue(allSent(readies, InstallSnapshot.class).size() > 4, "several chunks");
    assertEquals(7, s.leader.commitIndex(), "node 3's acknowledgement commits the no-op");
    exchange(nodes, 1, s.leader.tick(LATER + 50), LATER + 50); // the heartbeat carries the commit index

    assertEquals(7, s.follower.commitIndex());
    assertEquals(7, s.follower.lastApplied());
    assertEquals(s.kv.data(), s.followerKv.data());
    assertEquals(s.leader.log().slice(5, 7), s.follower.log().slice(5, 7));
  }

  /**
   * Rule 25: the leader keeps one chunk in flight. A duplicated acknowledgement (the network may duplicate)
   * of a chunk the leader has already moved past must not make it send the next chunk a second time.
   */
  @Test
  void rule25_aDuplicatedAcknowledgementDoesNotSendAChunkAgain() {
    Sender s = new Sender();
    InstallSnapshot first = onlySent(s.refuse(), InstallSnapshot.class);
    InstallSnapshotReply ack = onlySent(s.follower.step(first, LATER), InstallSnapshotReply.class);
    Ready once = s.leader.step(ack, LATER);
    assertEquals(CHUNK, onlySent(once, InstallSnapshot.class).offset());

    Ready twice = s.leader.step(ack, LATER);

    assertTrue(sent(twice, InstallSnapshot.class).isEmpty(),
        "the chunk at " + CHUNK + " is already in flight: " + twice.messages());
  }

  /**
   * Rule 25 and rule 2: an acknowledgement older than what the follower already confirmed does not move the
   * leader back: the follower holds 32 bytes; a late reply saying 16 must not make the leader resend from 16.
   */
  @Test
  void rule25_aLateAcknowledgementDoesNotMoveTheLeaderBack() {
    Sender s = new Sender();
    InstallSnapshot first = onlySent(s.refuse(), InstallSnapshot.class);
    InstallSnapshotReply ack16 = onlySent(s.follower.step(first, LATER), InstallSnapshotReply.class);
    InstallSnapshot second = onlySent(s.leader.step(ack16, LATER), InstallSnapshot.class);
    InstallSnapshotReply ack32 = onlySent(s.follower.step(second, LATER), InstallSnapshotReply.class);
    InstallSnapshot third = onlySent(s.leader.step(ack32, LATER), InstallSnapshot.class);
    assertEquals(2 * CHUNK, third.offset());

    Ready late = s.leader.step(ack16, LATER); // delayed duplicate of the first acknowledgement

    for (InstallSnapshot c : sent(late, InstallSnapshot.class)) {
      assertTrue(c.offset() >= 2 * CHUNK, "the follower holds " + 2 * CHUNK + " bytes; resent from " + c.offset());
    }
  }

  /** Rule 25: chunks need not be of one size (a leader of a later term may cut them otherwise): a small chunk, then a large one. */
  @Test
  void rule25_chunksOfDifferentSizesAssembleTheSnapshot() {
    Receiver f = new Receiver();

    InstallSnapshotReply first = onlySent(f.core.step(chunk(1, 2, 2, 4, 2, f.bytes, 0, 1), LATER),
        InstallSnapshotReply.class);
    InstallSnapshotReply rest = onlySent(f.core.step(chunk(1, 2, 2, 4, 2, f.bytes, 1, f.bytes.length), LATER),
        InstallSnapshotReply.class);

    assertEquals(1, first.nextOffset());
    assertTrue(rest.installed());
    f.assertInstalledTheLeadersState();
  }

  /** Rule 25: the chunk that carries the last bytes is the one marked done; there is no empty chunk after it. */
  @Test
  void rule25_onlyTheChunkCarryingTheLastBytesIsMarkedDone() {
    Sender s = new Sender();
    List<InstallSnapshot> chunks = new ArrayList<>();
    Ready r = s.refuse();
    while (!sent(r, InstallSnapshot.class).isEmpty()) {
      assertTrue(chunks.size() < 100, "the transfer does not end: " + r.messages());
      InstallSnapshot c = onlySent(r, InstallSnapshot.class);
      chunks.add(c);
      r = s.deliver(c, LATER);
    }

    assertEquals((s.bytes.length + CHUNK - 1) / CHUNK, chunks.size());
    for (InstallSnapshot c : chunks.subList(0, chunks.size() - 1)) {
      assertFalse(c.done(), "chunk at " + c.offset());
    }
    InstallSnapshot last = chunks.get(chunks.size() - 1);
    assertTrue(last.done());
    assertTrue(last.length() > 0);
    assertEquals(s.bytes.length, last.offset() + last.length());
    assertEquals(4, s.follower.lastApplied());
  }

  /** Rule 25: each chunk sent is reported with the follower, the snapshot, its place and size, and counted. */
  @Test
  void rule25_eachChunkSentIsReportedAndCounted() {
    Sender s = new Sender();

    Ready r = s.refuse();
    Ready again = s.leader.tick(LATER + 50); // unanswered: sent again

    CoreEvent.SnapshotChunkSent expected = new CoreEvent.SnapshotChunkSent(3, 4, 0, CHUNK, s.bytes.length, false);
    assertEquals(List.of(expected), events(r, CoreEvent.SnapshotChunkSent.class));
    assertEquals(List.of(expected), events(again, CoreEvent.SnapshotChunkSent.class));
    assertEquals(2, s.leader.stats().snapshotChunksSent());
  }

  /** Rule 25 and rule 2: an acknowledgement of a chunk the leader has moved past is ignored as stale, and says so. */
  @Test
  void rule25_aDuplicatedAcknowledgementIsIgnoredAsStale() {
    Sender s = new Sender();
    InstallSnapshot first = onlySent(s.refuse(), InstallSnapshot.class);
    InstallSnapshotReply ack = onlySent(s.follower.step(first, LATER), InstallSnapshotReply.class);
    s.leader.step(ack, LATER);

    CoreFixture.assertIgnoredOnly(s.leader.step(ack, LATER), IgnoreReason.STALE_REPLY);
  }

  /**
   * §7: the leader snapshots again before any byte of the old snapshot has reached the follower; the next chunk
   * it sends is the start of the newest snapshot, which covers more.
   */
  @Test
  void rule25_aSnapshotNothingOfWhichHasArrivedIsReplacedByTheNewest() {
    Sender s = new Sender(3);
    assertEquals(4, onlySent(s.refuse(), InstallSnapshot.class).lastIncludedIndex()); // lost
    s.commitWithNode2(); // applies 5..7: a new snapshot at 7
    assertEquals(7, s.leader.latestSnapshot().index());

    Ready heartbeat = s.leader.tick(LATER + 50);

    InstallSnapshot chunk = sentTo(heartbeat, InstallSnapshot.class, 3);
    assertEquals(7, chunk.lastIncludedIndex());
    assertEquals(3, chunk.lastIncludedTerm());
    assertEquals(0, chunk.offset());
  }

  /** Rule 25: once bytes of a snapshot have arrived, the leader finishes sending that one, even if it has a newer one. */
  @Test
  void rule25_aSnapshotPartlyReceivedIsFinishedFirst() {
    Sender s = new Sender(3);
    InstallSnapshot second = onlySent(s.deliver(onlySent(s.refuse(), InstallSnapshot.class), LATER),
        InstallSnapshot.class); // lost
    s.commitWithNode2();
    assertEquals(7, s.leader.latestSnapshot().index());

    Ready heartbeat = s.leader.tick(LATER + 50);

    assertEquals(second, sentTo(heartbeat, InstallSnapshot.class, 3));
  }

  /**
   * Rule 13 with §7: a late AppendEntries success shows the follower already holds everything up to the
   * snapshot's index; it needs no snapshot, and the leader goes on with AppendEntries right after it.
   */
  @Test
  void rule25_aLateSuccessCoveringTheSnapshotEndsTheTransfer() {
    Sender s = new Sender();
    s.refuse();

    Ready r = s.leader.step(CoreFixture.ack(3, 1, 3, 4), LATER);

    assertTrue(sent(r, InstallSnapshot.class).isEmpty(), r.messages().toString());
    AppendEntries resumed = sentTo(r, AppendEntries.class, 3);
    assertEquals(4, resumed.prevLogIndex());
    assertEquals(2, resumed.prevLogTerm());
    assertEquals(4, progressOf(s.leader, 3).matchIndex());
  }

  /** Rule 12 with §7: a follower whose log ends just before the snapshot's last entry needs that entry: it gets the snapshot. */
  @Test
  void rule25_aFollowerLackingTheSnapshotsLastEntryGetsTheSnapshot() {
    Sender s = new Sender();
    RaftCore node3 = CoreFixture.node(3, THREE, snapshotting(1000, CHUNK),
        CoreFixture.stored(2, 0, LEADER_LOG.subList(0, 3)), new KvStore(), 0);
    AppendEntriesReply refusal = onlySent(node3.step(sentTo(s.won, AppendEntries.class, 3), LATER),
        AppendEntriesReply.class);
    assertEquals(4, refusal.conflictIndex());

    Ready r = s.leader.step(refusal, LATER);

    assertEquals(4, onlySent(r, InstallSnapshot.class).lastIncludedIndex());
    assertTrue(sent(r, AppendEntries.class).isEmpty(), r.messages().toString());
  }

  /** Rule 12: a refusal arriving while the snapshot is being sent answers an older AppendEntries: stale. */
  @Test
  void rule25_aRefusalArrivingDuringTheTransferIsStale() {
    Sender s = new Sender();
    AppendEntriesReply refusal = s.refusal();
    s.leader.step(refusal, LATER); // the transfer starts

    CoreFixture.assertIgnoredOnly(s.leader.step(refusal, LATER), IgnoreReason.STALE_REJECTION);
  }
}
