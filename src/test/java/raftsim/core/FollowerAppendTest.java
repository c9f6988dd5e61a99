package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.assertIgnoredOnly;
import static raftsim.core.CoreFixture.command;
import static raftsim.core.CoreFixture.events;
import static raftsim.core.CoreFixture.follower;
import static raftsim.core.CoreFixture.logOfTerms;
import static raftsim.core.CoreFixture.noop;
import static raftsim.core.CoreFixture.onlySent;
import static raftsim.core.CoreFixture.terms;
import static raftsim.core.CoreFixture.termsOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import raftsim.kv.KvStore;

/**
 * The AppendEntries receiver, §5.3 (RAFT-CHECKLIST rules 9–11, and rule 16 for its reply). The STALE_TERM
 * refusal is in {@link TermRulesTest#rule2_staleAppendEntriesIsRefusedWithTheCurrentTerm}.
 */
class FollowerAppendTest {

  // ------------------------------------------------------------- rule 9: the consistency check

  /** §5.3: no entry at prevLogIndex — refuse, and hint the first index the follower lacks. */
  @Test
  void rule9_refusesWhenTheLogIsTooShortAndHintsItsLength() {
    RaftCore node = follower(1, 2, logOfTerms(1, 2));

    Ready r = node.step(append(2, 1, 2, 5, 2, 0, noop(6, 2)), LATER);

    AppendEntriesReply reply = onlySent(r, AppendEntriesReply.class);
    assertFalse(reply.success());
    assertEquals(AppendRejection.LOG_TOO_SHORT, reply.rejection());
    assertEquals(5, reply.rejectedIndex());
    assertEquals(0, reply.conflictTerm());
    assertEquals(3, reply.conflictIndex(), "the follower's last index + 1");
    assertEquals(2, reply.term());
    assertNull(r.logWrite());
    assertArrayEquals(terms(1, 2), termsOf(node));
  }

  /**
   * §5.3: the entry at prevLogIndex has another term — refuse, hint its term and the first index of that
   * term, and leave the log alone (a refusal never truncates).
   */
  @Test
  void rule9_refusesOnAPrevTermMismatchAndHintsTheConflictingTerm() {
    RaftCore node = follower(1, 3, logOfTerms(1, 2, 2, 2));

    Ready r = node.step(append(2, 1, 3, 4, 3, 0, noop(5, 3)), LATER);

    AppendEntriesReply reply = onlySent(r, AppendEntriesReply.class);
    assertFalse(reply.success());
    assertEquals(AppendRejection.PREV_TERM_MISMATCH, reply.rejection());
    assertEquals(4, reply.rejectedIndex());
    assertEquals(2, reply.conflictTerm());
    assertEquals(2, reply.conflictIndex(), "the first index of term 2 in the follower's log");
    assertNull(r.logWrite());
    assertArrayEquals(terms(1, 2, 2, 2), termsOf(node));
  }

  /**
   * §5.3 and rule 16: a matching prevLogIndex/prevLogTerm is accepted; the new entries are handed to the
   * driver to persist in the same Ready as the success reply, which reports the request's last index.
   */
  @Test
  void rule9_acceptsAMatchingRequestAndPersistsBeforeAcknowledging() {
    RaftCore node = follower(1, 2, logOfTerms(1));
    LogEntry second = command(2, 2, "SET a 1");
    LogEntry third = command(3, 2, "SET b 2");

    Ready r = node.step(append(2, 1, 2, 1, 1, 0, second, third), LATER);

    assertEquals(new LogWrite(2, List.of(second, third)), r.logWrite());
    AppendEntriesReply reply = onlySent(r, AppendEntriesReply.class);
    assertTrue(reply.success());
    assertEquals(3, reply.matchIndex());
    assertEquals(2, reply.term());
    assertEquals(3, node.log().lastIndex());
    assertEquals(2, node.leaderId());
  }

  // ------------------------------------------------------------- rule 10: truncation

  /** §5.3: an entry conflicting with a new one is deleted with everything after it, then the new ones appended. */
  @Test
  void rule10_conflictingEntryAndTheSuffixAfterItAreReplaced() {
    RaftCore node = follower(1, 2, logOfTerms(1, 1, 2, 2));
    LogEntry replacement = noop(3, 3);

    Ready r = node.step(append(2, 1, 3, 2, 1, 0, replacement), LATER);

    assertArrayEquals(terms(1, 1, 3), termsOf(node));
    assertEquals(new LogWrite(3, List.of(replacement)), r.logWrite());
    assertEquals(3, events(r, CoreEvent.EntriesAppended.class).get(0).truncatedFrom());
    assertEquals(3, onlySent(r, AppendEntriesReply.class).matchIndex());
  }

  /** §5.3: entries that match are skipped; truncation starts at the first entry whose term differs. */
  @Test
  void rule10_truncationStartsAtTheFirstConflictNotAtPrevLogIndex() {
    RaftCore node = follower(1, 2, logOfTerms(1, 1, 1, 2, 2));

    Ready r = node.step(append(2, 1, 3, 1, 1, 0, noop(2, 1), noop(3, 1), noop(4, 3)), LATER);

    assertArrayEquals(terms(1, 1, 1, 3), termsOf(node));
    assertEquals(4, r.logWrite().fromIndex(), "entries 2 and 3 matched: nothing to rewrite there");
  }

  /**
   * Rule 10: when the terms match nothing is truncated. A delayed, shorter AppendEntries arriving after a
   * longer one must not cut off the entries the longer one appended — and its reply covers only its own range.
   */
  @Test
  void rule10_aDelayedShorterAppendDoesNotCutOffLaterEntries() {
    RaftCore node = follower(1, 2, List.of());
    AppendEntries shorter = append(2, 1, 2, 0, 0, 0, noop(1, 2));
    AppendEntries longer = append(2, 1, 2, 0, 0, 0, noop(1, 2), noop(2, 2), noop(3, 2));

    node.step(longer, LATER);
    Ready r = node.step(shorter, LATER + 1);

    assertArrayEquals(terms(2, 2, 2), termsOf(node));
    assertNull(r.logWrite(), "nothing changed on disk");
    AppendEntriesReply reply = onlySent(r, AppendEntriesReply.class);
    assertTrue(reply.success());
    assertEquals(1, reply.matchIndex(), "the request's range, not the follower's last index");
  }

  /** Rule 16: entries cut off by a truncation are no longer durable; the durable index falls back. */
  @Test
  void rule10_truncationLowersTheDurableIndex() {
    RaftCore node = follower(1, 2, logOfTerms(1, 1, 2, 2)); // all four durable at start
    assertEquals(4, node.durableIndex());

    node.step(append(2, 1, 3, 2, 1, 0, noop(3, 3)), LATER);

    assertEquals(2, node.durableIndex());
    assertIgnoredOnly(node.persisted(4, 2, LATER), IgnoreReason.STALE_PERSIST_REPORT);
    assertEquals(2, node.durableIndex());
    node.persisted(3, 3, LATER);
    assertEquals(3, node.durableIndex());
  }

  /**
   * Rule 10: a request repeating entries the follower already holds with the same terms — up to its very last
   * entry — rewrites nothing: no truncation, no write, and the durable index stays.
   */
  @Test
  void rule10_aRepeatedRequestRewritesNothing() {
    RaftCore node = follower(1, 2, logOfTerms(1, 2));
    assertEquals(2, node.durableIndex());

    Ready r = node.step(append(2, 1, 2, 1, 1, 0, noop(2, 2)), LATER);

    assertNull(r.logWrite());
    assertTrue(events(r, CoreEvent.EntriesAppended.class).isEmpty(), r.events().toString());
    assertEquals(2, node.durableIndex());
    assertEquals(2, onlySent(r, AppendEntriesReply.class).matchIndex());
  }

  // ------------------------------------------------------------- rules 9, 10 and 12 after a snapshot

  /** Node 1, a follower in {@code term} restarted from a snapshot up to (4, term 2), holding {@code suffix} after it. */
  private static RaftCore followerFromSnapshot(long term, LogEntry... suffix) {
    Snapshot snapshot = new Snapshot(4, 2, SnapshotData.of(CoreFixture.kvBytes(List.of())));
    return CoreFixture.node(1, CoreFixture.THREE, CoreFixture.CONFIG,
        new PersistentState(new HardState(term, HardState.NO_VOTE), snapshot, List.of(suffix)), new KvStore(), 0);
  }

  /** Rule 9: prevLogIndex at the snapshot's index matches only with the snapshot's term. */
  @Test
  void rule9_atTheSnapshotIndexOnlyTheSnapshotsTermMatches() {
    RaftCore node = followerFromSnapshot(2, noop(5, 2));

    Ready refused = node.step(append(2, 1, 3, 4, 1, 0, noop(5, 3)), LATER);

    AppendEntriesReply reply = onlySent(refused, AppendEntriesReply.class);
    assertEquals(AppendRejection.PREV_TERM_MISMATCH, reply.rejection());
    assertEquals(2, reply.conflictTerm());
    assertNull(refused.logWrite());
    assertEquals(2, node.log().termAt(5));

    Ready accepted = node.step(append(2, 1, 3, 4, 2, 0, noop(5, 3)), LATER);

    assertTrue(onlySent(accepted, AppendEntriesReply.class).success());
    assertEquals(3, node.log().termAt(5));
  }

  /**
   * Rule 9: entries up to the snapshot's index are committed and known to match, so they are skipped without
   * comparing them — whatever the request says about them — and the rest is taken as usual.
   */
  @Test
  void rule9_entriesTheSnapshotCoversAreNotComparedAgain() {
    RaftCore node = followerFromSnapshot(2, noop(5, 2));

    Ready r = node.step(append(2, 1, 2, 3, 1, 0, noop(4, 1), noop(5, 2), noop(6, 2)), LATER);

    AppendEntriesReply reply = onlySent(r, AppendEntriesReply.class);
    assertTrue(reply.success());
    assertEquals(6, reply.matchIndex());
    assertEquals(new LogWrite(6, List.of(noop(6, 2))), r.logWrite());
    assertEquals(2, node.log().termAt(4));
  }

  /** Rule 10 after a snapshot: truncation counts from the snapshot, keeping the entries before the conflict. */
  @Test
  void rule10_truncationAfterASnapshotKeepsTheEntriesBeforeTheConflict() {
    RaftCore node = followerFromSnapshot(2, noop(5, 2), noop(6, 2), noop(7, 2));

    Ready r = node.step(append(2, 1, 3, 5, 2, 0, noop(6, 3)), LATER);

    assertEquals(List.of(noop(5, 2), noop(6, 3)), node.log().slice(5, 7));
    assertEquals(new LogWrite(6, List.of(noop(6, 3))), r.logWrite());
    assertEquals(6, events(r, CoreEvent.EntriesAppended.class).get(0).truncatedFrom());
  }

  /**
   * Rule 12: the first index of the conflicting term's run is looked for among the entries the follower holds:
   * it never points into the snapshot, even when the snapshot's last entry has that term too.
   */
  @Test
  void rule12_theConflictHintNeverPointsIntoTheSnapshot() {
    RaftCore node = followerFromSnapshot(2, noop(5, 2), noop(6, 2));

    Ready r = node.step(append(2, 1, 3, 6, 3, 0), LATER);

    AppendEntriesReply reply = onlySent(r, AppendEntriesReply.class);
    assertEquals(AppendRejection.PREV_TERM_MISMATCH, reply.rejection());
    assertEquals(2, reply.conflictTerm());
    assertEquals(5, reply.conflictIndex(), "the follower's first entry after its snapshot at 4");
  }

  // ------------------------------------------------------------- rule 11: the follower's commitIndex

  /** §5.3: a heartbeat (no entries) still carries the leader's commit index and advances the follower's. */
  @Test
  void rule11_heartbeatAdvancesTheCommitIndex() {
    RaftCore node = follower(1, 1, logOfTerms(1, 1, 1));

    Ready r = node.step(append(2, 1, 1, 3, 1, 2), LATER);

    assertEquals(2, node.commitIndex());
    assertEquals(2, r.applied().size());
    assertTrue(onlySent(r, AppendEntriesReply.class).success());
  }

  /**
   * Rule 11: commitIndex = min(leaderCommit, prevLogIndex + entries). Entries beyond the request's range
   * may be an old leader's and differ from the committed ones, so they are not committed by it.
   */
  @Test
  void rule11_commitNeverGoesBeyondWhatTheRequestProved() {
    RaftCore node = follower(1, 2, logOfTerms(1, 1, 1, 1, 1));

    node.step(append(2, 1, 2, 2, 1, 5), LATER);
    assertEquals(2, node.commitIndex(), "a heartbeat at prevLogIndex 2 proves the logs match up to 2 only");

    node.step(append(2, 1, 2, 2, 1, 5, noop(3, 1)), LATER);
    assertEquals(3, node.commitIndex());
  }

  /** Rule 11: a refused request proves nothing, so its leaderCommit is not learned. */
  @Test
  void rule11_refusedRequestDoesNotAdvanceTheCommitIndex() {
    RaftCore node = follower(1, 2, logOfTerms(1, 1));

    node.step(append(2, 1, 2, 3, 2, 2), LATER);

    assertEquals(0, node.commitIndex());
  }

  /** §5.3: commitIndex = max(commitIndex, ...): a lower leaderCommit (an older request) never lowers it. */
  @Test
  void rule11_commitIndexNeverDecreases() {
    RaftCore node = follower(1, 1, logOfTerms(1, 1, 1));
    node.step(append(2, 1, 1, 3, 1, 3), LATER);

    Ready r = node.step(append(2, 1, 1, 3, 1, 1), LATER + 1);

    assertEquals(3, node.commitIndex());
    assertTrue(r.applied().isEmpty());
  }
}
