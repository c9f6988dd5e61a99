package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.THREE;
import static raftsim.core.CoreFixture.answer;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.campaign;
import static raftsim.core.CoreFixture.commands;
import static raftsim.core.CoreFixture.events;
import static raftsim.core.CoreFixture.noop;
import static raftsim.core.CoreFixture.sent;
import static raftsim.core.CoreFixture.sentTo;
import static raftsim.core.CoreFixture.snapshotting;
import static raftsim.core.CoreFixture.stored;
import static raftsim.core.CoreFixture.winElection;

import java.util.List;
import org.junit.jupiter.api.Test;
import raftsim.kv.KvStore;

/**
 * Taking snapshots and compacting the log, §7 (RAFT-CHECKLIST rule 23): a snapshot holds lastIncludedIndex,
 * lastIncludedTerm and the state machine with its client sessions; the Ready hands it over for persisting.
 */
class SnapshotTakeTest {

  /** A single-node cluster that compacts every {@code every} entries; it has committed and applied its no-op. */
  private static RaftCore solo(KvStore kv, long every) {
    RaftCore solo = CoreFixture.node(1, List.of(1), snapshotting(every, 64), PersistentState.EMPTY, kv, 0);
    CoreFixture.electAlone(solo);
    solo.persisted(1, 1, LATER);
    assertEquals(1, solo.lastApplied());
    return solo;
  }

  /** Proposes {@code text} to a single node and makes it durable, which commits and applies it. */
  private static Ready commit(RaftCore solo, long seq, String text) {
    solo.propose(new ClientRequest(7, seq, text), LATER);
    return solo.persisted(solo.log().lastIndex(), solo.currentTerm(), LATER);
  }

  /**
   * Rule 23, §7: once {@code everyEntries} entries are applied, the node snapshots the state machine at
   * lastApplied; the snapshot names that index and its term, and the Ready carries it to be persisted.
   */
  @Test
  void rule23_snapshotAfterEveryEntriesHoldsIndexTermAndStateAndIsHandedOverForPersisting() {
    KvStore kv = new KvStore();
    RaftCore solo = solo(kv, 4);
    assertNull(commit(solo, 1, "SET a 1").snapshot());
    assertNull(commit(solo, 2, "SET b 2").snapshot(), "3 entries applied: not yet");

    Ready r = commit(solo, 3, "SET c 3"); // the 4th applied entry

    Snapshot s = r.snapshot();
    assertNotNull(s, "the Ready must carry the snapshot to persist");
    assertTrue(r.mustPersist());
    assertEquals(4, s.index());
    assertEquals(1, s.term());
    assertEquals(s, solo.latestSnapshot());
    KvStore restored = new KvStore();
    restored.restore(SnapshotData.of(s.data().bytes()));
    assertEquals(kv.data(), restored.data());
    assertEquals(List.of("a", "b", "c"), List.copyOf(restored.data().keySet()));
    assertEquals(1, events(r, CoreEvent.SnapshotTaken.class).size());
  }

  /** Rule 23: each snapshot taken is reported with its index, term and the entries the log keeps, and counted. */
  @Test
  void rule23_eachSnapshotTakenIsReportedAndCounted() {
    RaftCore solo = solo(new KvStore(), 2);
    commit(solo, 1, "SET a 1"); // 2 applied: a snapshot at 2, keeping entry 2
    commit(solo, 2, "SET b 2");

    Ready r = commit(solo, 3, "SET c 3"); // 4 applied: a snapshot at 4, keeping entry 4

    assertEquals(List.of(new CoreEvent.SnapshotTaken(4, 1, 1)), events(r, CoreEvent.SnapshotTaken.class));
    assertEquals(2, solo.stats().snapshotsTaken());
  }

  /** Rule 23: lastIncludedTerm is the term of the entry at lastIncludedIndex, not the node's current term. */
  @Test
  void rule23_snapshotTermIsTheTermOfItsLastEntry() {
    RaftCore follower = CoreFixture.node(2, THREE, snapshotting(4, 64),
        stored(3, 0, commands(1, "SET a 1", "SET b 2", "SET c 3", "SET d 4")), new KvStore(), 0);

    Ready r = follower.step(append(1, 2, 3, 4, 1, 4), LATER); // leader 1 of term 3: all four committed

    assertNotNull(r.snapshot());
    assertEquals(4, r.snapshot().index());
    assertEquals(1, r.snapshot().term());
  }

  /**
   * Rule 23, §7: a snapshot covers only applied entries. With 5 entries in its log and only 4 committed, the
   * leader snapshots at 4 and keeps entry 5 in its log.
   */
  @Test
  void rule23_snapshotCoversAppliedEntriesOnlyAndTheLogKeepsTheRest() {
    KvStore kv = new KvStore();
    RaftCore leader = CoreFixture.node(1, THREE, snapshotting(4, 64), PersistentState.EMPTY, kv, 0);
    winElection(leader); // no-op at 1
    for (long seq = 1; seq <= 4; seq++) {
      leader.propose(new ClientRequest(7, seq, "SET k" + seq + " v"), LATER); // 2..5
    }
    leader.persisted(5, 1, LATER);

    Ready r = leader.step(AppendEntriesReply.accept(2, 1, 1, 4, 1), LATER); // node 2 holds 1..4

    assertEquals(4, leader.commitIndex());
    assertNotNull(r.snapshot());
    assertEquals(4, r.snapshot().index());
    assertEquals(5, leader.log().lastIndex());
    assertEquals(5, leader.log().entry(5).index());
    assertTrue(leader.log().snapshotIndex() >= 1 && leader.log().snapshotIndex() <= 4);
    KvStore restored = new KvStore();
    restored.restore(SnapshotData.of(r.snapshot().data().bytes()));
    assertEquals(List.of("k1", "k2", "k3"), List.copyOf(restored.data().keySet()), "k4 is not committed");
  }

  /**
   * Rules 23 and 18: client sessions are part of the snapshot. Node 2 applies (7, 1) "APPEND k x" and
   * snapshots; restarted from that snapshot alone, it still knows the command was applied, so the client's
   * retry — appended again by the next leader — is answered from the session and not applied twice.
   */
  @Test
  void rule23_snapshotCarriesClientSessionsSoARetryAfterRestoreIsDeduplicated() {
    LogEntry appendX = new LogEntry(2, 1, new Payload.Command(7, 1, "APPEND k x"));
    RaftCore before = CoreFixture.node(2, THREE, snapshotting(2, 64), PersistentState.EMPTY, new KvStore(), 0);
    Ready r = before.step(append(1, 2, 1, 0, 0, 2, noop(1, 1), appendX), LATER);
    Snapshot s = r.snapshot();
    assertNotNull(s);
    assertEquals(2, s.index());

    KvStore kv = new KvStore();
    RaftCore after = CoreFixture.node(2, THREE, snapshotting(2, 64),
        new PersistentState(new HardState(1, 0), new Snapshot(s.index(), s.term(), SnapshotData.of(s.data().bytes())),
            List.of()), kv, LATER);
    assertEquals("x", kv.get("k"));
    assertEquals(1, kv.sessionCount());
    LogEntry retry = new LogEntry(3, 2, new Payload.Command(7, 1, "APPEND k x"));
    Ready applied = after.step(append(3, 2, 2, 2, 1, 3, retry), LATER + 1); // node 3 leads term 2

    assertEquals(1, applied.applied().size());
    assertEquals("OK", applied.applied().get(0).result());
    assertEquals("x", kv.get("k"), "the retry must not be applied a second time");
  }

  /**
   * Rule 23, §7: the in-memory log stays bounded under a long run of proposals. A leader with one follower
   * keeping up and one silent commits 500 commands while compacting every 10 entries.
   */
  @Test
  void rule23_logStaysBoundedUnderALongRunOfProposals() {
    KvStore kv = new KvStore();
    RaftCore leader = CoreFixture.node(1, THREE, snapshotting(10, 4096), PersistentState.EMPTY, kv, 0);
    Ready won = winElection(leader);
    leader.persisted(1, 1, LATER);
    leader.step(answer(sentTo(won, AppendEntries.class, 2)), LATER);
    long maxHeld = 0;
    int snapshots = 0;

    for (long seq = 1; seq <= 500; seq++) {
      Ready p = leader.propose(new ClientRequest(7, seq, "APPEND k a"), LATER);
      leader.persisted(leader.log().lastIndex(), 1, LATER);
      for (AppendEntries ae : sent(p, AppendEntries.class)) {
        if (ae.to() == 2 && leader.step(answer(ae), LATER).snapshot() != null) {
          snapshots++;
        }
      }
      maxHeld = Math.max(maxHeld, leader.log().lastIndex() - leader.log().snapshotIndex());
    }

    assertEquals(501, leader.commitIndex());
    assertEquals(500, kv.get("k").length());
    assertTrue(maxHeld <= 20, "the log held up to " + maxHeld + " entries with a snapshot every 10");
    assertTrue(snapshots >= 45, "snapshots taken: " + snapshots);
    assertEquals(500, leader.latestSnapshot().index(), "the last snapshot was taken at 500");
  }
}
