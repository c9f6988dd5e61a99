package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static raftsim.core.CoreFixture.noop;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The log's index arithmetic at the snapshot boundary (§7): the entries held are snapshotIndex + 1 ..
 * lastIndex; the snapshot's own index has the snapshot's term but no entry. Every test uses a log compacted
 * up to (4, term 2) that holds 5:t2, 6:t3, 7:t3.
 */
class RaftLogTest {
  /** The configuration in force at the snapshot: three voters (diss. §4.1). */
  private static final Configuration CLUSTER = Configuration.of(List.of(1, 2, 3));

  private static RaftLog compactedLog() {
    return new RaftLog(4, 2, CLUSTER, List.of(noop(5, 2), noop(6, 3), noop(7, 3)));
  }

  /** The snapshot's index has a term but no entry; the error names the entries the log does hold. */
  @Test
  void entryAtTheSnapshotIndexIsNotHeld() {
    RaftLog log = compactedLog();

    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> log.entry(4));

    assertEquals("no entry 4 in log 5..7", e.getMessage());
    assertEquals(2, log.termAt(4));
    assertEquals(noop(5, 2), log.entry(5));
    assertEquals(noop(7, 3), log.entry(7));
  }

  /** §7: compacting to the index the log is already compacted to is a mistake; to its last index empties it. */
  @Test
  void compactionMustMoveForwardAndMayTakeEveryEntry() {
    RaftLog log = compactedLog();

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> log.compactTo(4));
    assertEquals("cannot compact to 4 in log 5..7", e.getMessage());
    assertThrows(IllegalStateException.class, () -> log.compactTo(8));

    log.compactTo(7);

    assertEquals(7, log.snapshotIndex());
    assertEquals(3, log.snapshotTerm());
    assertEquals(0, log.size());
    assertEquals(7, log.lastIndex());
    assertEquals(3, log.lastTerm());
  }

  /** §5.3 with §7: truncation keeps the entries before the index, counted from the snapshot, never into it. */
  @Test
  void truncationCountsFromTheSnapshotAndNeverReachesIntoIt() {
    RaftLog log = compactedLog();

    assertThrows(IllegalStateException.class, () -> log.truncateFrom(4));
    log.truncateFrom(6);

    assertEquals(5, log.lastIndex());
    assertEquals(2, log.lastTerm());
    assertEquals(List.of(noop(5, 2)), log.slice(1, 10));
  }

  /** Rule 12: the run of a term that a follower reports starts after the snapshot, even when the snapshot's term is the same. */
  @Test
  void firstIndexOfATermsRunStopsAfterTheSnapshot() {
    RaftLog log = compactedLog();

    assertEquals(5, log.firstIndexOfTermAt(5), "index 4 has term 2 too, but it is inside the snapshot");
    assertEquals(6, log.firstIndexOfTermAt(7));
    assertEquals(6, log.firstIndexOfTermAt(6));
  }

  /** Rule 12: the leader's last index of a term searches back from the end; the snapshot's last entry counts. */
  @Test
  void lastIndexOfATermSearchesBackToTheSnapshot() {
    RaftLog log = compactedLog();

    assertEquals(7, log.lastIndexOfTerm(3));
    assertEquals(5, log.lastIndexOfTerm(2));
    assertEquals(-1, log.lastIndexOfTerm(1), "earlier terms are compacted away: unknown");
    assertEquals(-1, log.lastIndexOfTerm(4));

    RaftLog prefixOnly = new RaftLog(4, 2, CLUSTER, List.of(noop(5, 3)));
    assertEquals(4, prefixOnly.lastIndexOfTerm(2), "the snapshot's last entry is of term 2");
    assertEquals(-1, prefixOnly.lastIndexOfTerm(1));
  }

  /**
   * Indices are longs: a log compacted past index 2^31 still slices correctly. (The slice's length fits an int,
   * the indices need not.)
   */
  @Test
  void slicesAreRightAtIndicesBeyondTheIntRange() {
    long base = Integer.MAX_VALUE - 1L; // the snapshot ends at 2^31 - 2
    List<LogEntry> entries = List.of(noop(base + 1, 5), noop(base + 2, 5), noop(base + 3, 6), noop(base + 4, 6));
    RaftLog log = new RaftLog(base, 5, CLUSTER, entries);

    assertEquals(entries.subList(0, 3), log.slice(base + 1, base + 3));
    assertEquals(entries.subList(1, 3), log.slice(base + 2, base + 3));
    assertEquals(entries, log.slice(0, Long.MAX_VALUE));
    assertEquals(6, log.termAt(base + 4));
  }

  private static LogEntry config(long index, long term, Configuration c) {
    return new LogEntry(index, term, new Payload.Config(c));
  }

  private static final Configuration FOUR = Configuration.of(List.of(1, 2, 3, 4));
  private static final Configuration FIVE = Configuration.of(List.of(1, 2, 3, 4, 5));

  /**
   * Diss. §4.1, §7: compaction folds the configurations up to the new snapshot into it, and keeps the
   * ones after it in force.
   */
  @Test
  void compactionKeepsTheConfigurationsAfterTheSnapshot() {
    RaftLog log = new RaftLog(0, 0, CLUSTER,
        List.of(noop(1, 1), config(2, 1, FOUR), noop(3, 1), config(4, 1, FIVE), noop(5, 1)));

    log.compactTo(3);

    assertEquals(FIVE, log.configuration());
    assertEquals(4, log.configurationIndex());
    assertEquals(FOUR, log.configurationAt(3), "the snapshot's own configuration");
  }

  /** Diss. §4.1: a log reset to a snapshot keeps none of its configuration entries: the snapshot's is in force. */
  @Test
  void aResetLogUsesTheSnapshotsConfiguration() {
    RaftLog log = new RaftLog(0, 0, CLUSTER, List.of(noop(1, 1), config(2, 1, FOUR), noop(3, 1)));

    log.resetTo(9, 2, FIVE);

    assertEquals(FIVE, log.configuration());
    assertEquals(9, log.configurationIndex());
  }

  /** Diss. §4.1: a truncation undoes only the configurations it removes; an earlier one stays in force. */
  @Test
  void truncationKeepsTheConfigurationsBeforeIt() {
    RaftLog log = new RaftLog(0, 0, CLUSTER,
        List.of(noop(1, 1), config(2, 1, FOUR), noop(3, 1), config(4, 1, FIVE)));

    log.truncateFrom(3);

    assertEquals(FOUR, log.configuration());
    assertEquals(2, log.configurationIndex());
  }
}
