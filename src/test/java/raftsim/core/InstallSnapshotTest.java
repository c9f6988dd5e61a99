package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.THREE;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.campaign;
import static raftsim.core.CoreFixture.chunk;
import static raftsim.core.CoreFixture.command;
import static raftsim.core.CoreFixture.commands;
import static raftsim.core.CoreFixture.events;
import static raftsim.core.CoreFixture.kvBytes;
import static raftsim.core.CoreFixture.observe;
import static raftsim.core.CoreFixture.onlySent;
import static raftsim.core.CoreFixture.stored;
import static raftsim.core.CoreFixture.wholeSnapshot;

import java.util.List;
import org.junit.jupiter.api.Test;
import raftsim.kv.KvStore;

/**
 * The follower's side of InstallSnapshot, §7 and Figure 13 (RAFT-CHECKLIST rule 24, with rule 16 for what
 * must be durable before the acknowledgement leaves).
 */
class InstallSnapshotTest {

  /** Leader 1's log: 1..3 of term 1, 4..6 of term 2; entry i appends i to k. */
  static final List<LogEntry> LEADER_LOG = List.of(
      command(1, 1, "APPEND k 1"), command(2, 1, "APPEND k 2"), command(3, 1, "APPEND k 3"),
      command(4, 2, "APPEND k 4"), command(5, 2, "APPEND k 5"), command(6, 2, "APPEND k 6"));

  /** Leader 1's snapshot bytes up to {@code index}. */
  static byte[] snapshotUpTo(int index) {
    return kvBytes(LEADER_LOG.subList(0, index));
  }

  /** Node 2 started in {@code term} with {@code log}, its store at hand. */
  private static final class Follower {
    final KvStore kv = new KvStore();
    final RaftCore core;

    Follower(long term, List<LogEntry> log) {
      core = CoreFixture.node(2, THREE, CoreFixture.CONFIG, stored(term, 0, log), kv, 0);
    }

    /** Leader 1 of term 2 sends its snapshot up to {@code index} in one chunk. */
    Ready install(int index, long now) {
      return core.step(wholeSnapshot(1, 2, 2, index, LEADER_LOG.get(index - 1).term(), snapshotUpTo(index)), now);
    }
  }

  // ------------------------------------------------------------------ terms and the timer

  /**
   * Rule 24, §7 step 1 (with rule 2): a snapshot of an older term is refused with the current term, installs
   * nothing, and does not re-arm the election timer (it is not from a current leader).
   */
  @Test
  void rule24_staleTermIsRefusedWithTheCurrentTermAndInstallsNothing() {
    Follower f = new Follower(3, LEADER_LOG.subList(0, 2));
    CoreFixture.Observed before = observe(f.core);

    Ready r = f.install(4, 100); // term 2 < 3

    assertEquals(new InstallSnapshotReply(2, 1, 3, 4, 0, false), onlySent(r, InstallSnapshotReply.class));
    assertEquals(before, observe(f.core), "nothing changes, the election timer included");
    assertNull(r.snapshot());
    assertNull(f.core.latestSnapshot());
    assertEquals(0, f.kv.data().size());
  }

  /** Rule 24 (rule 4b): a chunk from the current leader re-arms the election timer, even before the snapshot is whole. */
  @Test
  void rule24_chunkFromTheCurrentLeaderResetsTheElectionTimer() {
    Follower f = new Follower(2, List.of());
    long armedAtStart = f.core.nextDeadline();
    assertTrue(armedAtStart <= 300);
    byte[] bytes = snapshotUpTo(4);

    f.core.step(chunk(1, 2, 2, 4, 2, bytes, 0, 8), 200); // not the last chunk

    assertTrue(f.core.nextDeadline() >= 200 + 150, "timer re-armed from 200: " + f.core.nextDeadline());
    assertEquals(1, f.core.leaderId());
  }

  /** Rule 24 with rule 3: a candidate that receives a snapshot from a leader of its own term follows it. */
  @Test
  void rule24_candidateReceivingASnapshotOfItsTermFollowsTheSender() {
    Follower f = new Follower(1, List.of());
    campaign(f.core); // candidate of term 2

    Ready r = f.install(4, LATER);

    assertEquals(Role.FOLLOWER, f.core.role());
    assertEquals(1, f.core.leaderId());
    assertEquals(2, f.core.currentTerm());
    assertTrue(onlySent(r, InstallSnapshotReply.class).installed());
  }

  // ------------------------------------------------------------------ what happens to the log

  /**
   * Rule 24, §7 step 6: the follower holds entry 4 with term 2, as the snapshot's last entry — it keeps the
   * entries after it (5 and 6), now after a compacted prefix ending at (4, 2).
   */
  @Test
  void rule24_keepsTheSuffixAfterAnEntryMatchingLastIncludedIndexAndTerm() {
    Follower f = new Follower(2, LEADER_LOG);

    Ready r = f.install(4, LATER);

    LogView log = f.core.log();
    assertEquals(4, log.snapshotIndex());
    assertEquals(2, log.snapshotTerm());
    assertEquals(6, log.lastIndex());
    assertEquals(LEADER_LOG.subList(4, 6), log.slice(5, 6));
    assertNull(r.logWrite(), "the entries kept are already on disk");
    assertEquals(List.of(new CoreEvent.SnapshotInstalled(4, 2, true, 2)), events(r, CoreEvent.SnapshotInstalled.class));
  }

  /**
   * Rule 24, §7 step 7: the follower's entry 4 has term 1, not the snapshot's term 2 — its log after the
   * snapshot cannot be trusted, so the whole log goes, on disk too.
   */
  @Test
  void rule24_discardsTheWholeLogWhenTheEntryAtLastIncludedIndexHasAnotherTerm() {
    Follower f = new Follower(2, commands(1, "APPEND k 1", "APPEND k 2", "APPEND k 3", "APPEND k z", "APPEND k y",
        "APPEND k x"));

    Ready r = f.install(4, LATER);

    LogView log = f.core.log();
    assertEquals(4, log.snapshotIndex());
    assertEquals(2, log.snapshotTerm());
    assertEquals(4, log.lastIndex());
    assertEquals(2, log.lastTerm());
    assertEquals(new LogWrite(5, List.of()), r.logWrite(), "entries 5 and 6 must be dropped from disk");
    assertEquals("1234", f.kv.get("k"));
  }

  /** Rule 24, §7 step 7: a log that ends before lastIncludedIndex is discarded; the log is the snapshot. */
  @Test
  void rule24_discardsTheWholeLogWhenItEndsBeforeLastIncludedIndex() {
    Follower f = new Follower(2, LEADER_LOG.subList(0, 2));

    f.install(4, LATER);

    LogView log = f.core.log();
    assertEquals(4, log.snapshotIndex());
    assertEquals(4, log.lastIndex());
    assertEquals(2, log.termAt(4));
    assertEquals(LogView.UNKNOWN_TERM, log.termAt(2));
  }

  /**
   * Rule 24, §7 step 6: a log that ends exactly at the snapshot's last entry, with the same term, is kept: the
   * entries it held stay durable and nothing is written but the snapshot.
   */
  @Test
  void rule24_aLogEndingAtTheSnapshotsLastEntryIsKept() {
    Follower f = new Follower(2, LEADER_LOG.subList(0, 4));
    assertEquals(4, f.core.durableIndex());

    Ready r = f.install(4, LATER);

    assertEquals(List.of(new CoreEvent.SnapshotInstalled(4, 2, true, 0)), events(r, CoreEvent.SnapshotInstalled.class));
    assertEquals(4, f.core.durableIndex());
    assertNull(r.logWrite());
  }

  /**
   * Rule 24, §7 step 7: the follower's last entry is at the snapshot's index but of another term. The log goes,
   * but no entry lies after the snapshot, so there is nothing to drop from disk: the snapshot alone replaces it.
   */
  @Test
  void rule24_noLogWriteWhenNoEntryFollowsTheReplacedOne() {
    Follower f = new Follower(2, commands(1, "APPEND k 1", "APPEND k 2", "APPEND k 3", "APPEND k z"));

    Ready r = f.install(4, LATER);

    assertEquals(List.of(new CoreEvent.SnapshotInstalled(4, 2, false, 0)), events(r, CoreEvent.SnapshotInstalled.class));
    assertNotNull(r.snapshot());
    assertNull(r.logWrite(), "no entry after index 4 to drop");
  }

  // ------------------------------------------------------------------ never go back

  /**
   * Rule 24: a snapshot no newer than what the follower has applied is never installed — installing it would
   * take the state machine back — but it is acknowledged, so the leader moves on.
   */
  @Test
  void rule24_snapshotNoNewerThanWhatIsAppliedIsAcknowledgedButNotInstalled() {
    Follower f = new Follower(2, LEADER_LOG);
    f.core.step(append(1, 2, 2, 6, 2, 5), LATER); // commits and applies 1..5
    assertEquals("12345", f.kv.get("k"));

    for (int index : new int[] {4, 5}) {
      CoreFixture.Observed before = CoreFixture.observeIgnoringTimer(f.core);
      Ready r = f.install(index, LATER);

      InstallSnapshotReply reply = onlySent(r, InstallSnapshotReply.class);
      assertTrue(reply.installed(), "acknowledged, so the leader stops sending it");
      assertEquals(index, reply.lastIncludedIndex());
      assertNull(r.snapshot(), "nothing to persist");
      assertEquals(before, CoreFixture.observeIgnoringTimer(f.core));
      assertEquals("12345", f.kv.get("k"));
      assertNull(f.core.latestSnapshot());
    }
  }

  /**
   * Rule 24: a chunk of a snapshot no newer than what is applied is declined, and says so; it is acknowledged
   * as installed and as received up to the end of that chunk, so the leader stops sending it.
   */
  @Test
  void rule24_aDeclinedChunkIsReportedAndAcknowledgedUpToItsEnd() {
    Follower f = new Follower(2, LEADER_LOG);
    f.core.step(append(1, 2, 2, 6, 2, 5), LATER); // applies 1..5

    Ready r = f.core.step(chunk(1, 2, 2, 4, 2, snapshotUpTo(4), 16, 32), LATER);

    assertEquals(new InstallSnapshotReply(2, 1, 2, 4, 32, true), onlySent(r, InstallSnapshotReply.class));
    assertEquals(List.of(new CoreEvent.SnapshotDeclined(1, 4, 5)), r.events());
  }

  /**
   * Rule 24, §7 step 8: after the install, commitIndex and lastApplied are the snapshot's index and the state
   * machine is the snapshot's; the entries it covers are never applied again — only the suffix is, once
   * committed.
   */
  @Test
  void rule24_afterInstallCommitAndLastAppliedAreTheSnapshotIndexAndCoveredEntriesAreNotReapplied() {
    Follower f = new Follower(2, LEADER_LOG);
    f.core.step(append(1, 2, 2, 6, 2, 2), LATER); // commits and applies 1..2
    assertEquals("12", f.kv.get("k"));

    Ready installed = f.install(4, LATER);
    assertEquals(4, f.core.commitIndex());
    assertEquals(4, f.core.lastApplied());
    assertTrue(installed.applied().isEmpty(), "the snapshot's entries are not applied from the log");
    assertEquals("1234", f.kv.get("k"));

    Ready r = f.core.step(append(1, 2, 2, 6, 2, 6), LATER);

    assertEquals(List.of(5L, 6L), r.applied().stream().map(a -> a.entry().index()).toList());
    assertEquals("123456", f.kv.get("k"));
  }

  // ------------------------------------------------------------------ rule 16: durable before acknowledged

  /**
   * Rule 16 for snapshots: the acknowledgement of an installed snapshot leaves in the same Ready that asks for
   * the snapshot to be persisted, so the driver makes it durable before the leader hears of it.
   */
  @Test
  void rule16_installAcknowledgementTravelsWithTheSnapshotToPersist() {
    Follower f = new Follower(2, List.of());
    byte[] bytes = snapshotUpTo(4);

    Ready r = f.install(4, LATER);

    assertNotNull(r.snapshot());
    assertTrue(r.mustPersist());
    assertEquals(4, r.snapshot().index());
    assertEquals(2, r.snapshot().term());
    assertArrayEquals(bytes, r.snapshot().data().bytes());
    assertEquals(new InstallSnapshotReply(2, 1, 2, 4, bytes.length, true), onlySent(r, InstallSnapshotReply.class));
    assertEquals(r.snapshot(), f.core.latestSnapshot());
  }

  /**
   * Rule 16: after an install that discarded the log, nothing of the old log counts as durable; the driver's
   * report that the snapshot is durable — persisted(snapshot index, snapshot term) — restores durability.
   */
  @Test
  void rule16_persistedSnapshotRestoresDurabilityAfterTheLogWasDiscarded() {
    Follower f = new Follower(2, commands(1, "APPEND k 1", "APPEND k 2", "APPEND k 3", "APPEND k z", "APPEND k y",
        "APPEND k x"));
    assertEquals(6, f.core.durableIndex());

    f.install(4, LATER);
    assertTrue(f.core.durableIndex() < 4, "the old log's entries are gone: " + f.core.durableIndex());

    Ready r = f.core.persisted(4, 2, LATER);

    assertEquals(4, f.core.durableIndex());
    assertTrue(events(r, CoreEvent.Ignored.class).isEmpty(), "the report is not stale: " + r.events());
  }
}
