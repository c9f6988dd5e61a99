package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.CONFIG;
import static raftsim.core.CoreFixture.command;
import static raftsim.core.CoreFixture.noop;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import raftsim.kv.KvStore;

/**
 * The core's value types, which drivers, traces and summaries rely on: the bounds their constructors accept
 * (the smallest legal value is legal, one below is not), how they compare, and how they print.
 */
class ValuesTest {

  // ------------------------------------------------------------------------------ RaftConfig

  /** The smallest legal setting of each bound is accepted: 1 ms timeouts (min = max), 1 entry, 1 byte. */
  @Test
  void configAcceptsTheSmallestLegalSettings() {
    RaftConfig c = new RaftConfig(1, 1, 1, 1, 1, 0, 1);

    assertEquals(1, c.electionTimeoutMinMs());
    assertEquals(1, c.electionTimeoutMaxMs());
    assertEquals(1, c.heartbeatMs());
    assertEquals(1, c.maxEntriesPerAppend());
    assertEquals(1, c.maxInflightAppends());
    assertEquals(0, c.snapshotEveryEntries());
    assertEquals(1, c.snapshotChunkBytes());
  }

  /** The documented defaults: election timeout 150..300 ms, heartbeat 50 ms, a snapshot every 1000 entries in 64 KiB chunks. */
  @Test
  void configDefaultsAreTheDocumentedOnes() {
    assertEquals(new RaftConfig(150, 300, 50, 64, 64, 1000, 65536), RaftConfig.defaults());
  }

  @Test
  void withMaxEntriesPerAppendChangesThatBoundOnly() {
    RaftConfig base = new RaftConfig(10, 20, 5, 64, 3, 100, 512);

    assertEquals(new RaftConfig(10, 20, 5, 2, 3, 100, 512), base.withMaxEntriesPerAppend(2));
  }

  // ------------------------------------------------------------------ HardState and Snapshot

  /** Figure 2: a node that has seen no term and voted for nobody is in the initial hard state. */
  @Test
  void hardStateOfTermZeroWithoutAVoteIsTheInitialState() {
    assertEquals(HardState.INITIAL, new HardState(0, HardState.NO_VOTE));
    assertThrows(IllegalArgumentException.class, () -> new HardState(-1, HardState.NO_VOTE));
    assertThrows(IllegalArgumentException.class, () -> new HardState(0, -1));
  }

  /** §7: the smallest snapshot covers entry 1 of term 1; index or term 0 covers nothing. */
  @Test
  void snapshotOfTheFirstEntryOfTheFirstTermIsValid() {
    SnapshotData data = SnapshotData.of(new byte[] {1});

    Snapshot s = new Snapshot(1, 1, data);

    assertEquals(1, s.index());
    assertEquals(1, s.term());
    assertThrows(IllegalArgumentException.class, () -> new Snapshot(0, 1, data));
    assertThrows(IllegalArgumentException.class, () -> new Snapshot(1, 0, data));
  }

  // ------------------------------------------------------------------------------ SnapshotData

  /**
   * Snapshot data compares by its bytes, whichever implementation holds them: a snapshot received as bytes
   * equals the state machine's own, both ways round, and hashes alike (as equal objects must).
   */
  @Test
  void snapshotDataReceivedAsBytesEqualsTheStateMachinesOwn() {
    KvStore kv = new KvStore();
    kv.apply(new Payload.Command(5, 1, "SET a 1"));
    SnapshotData own = kv.snapshot();

    SnapshotData received = SnapshotData.of(own.bytes());

    assertEquals(received, own);
    assertEquals(own, received);
    assertEquals(own.hashCode(), received.hashCode());
  }

  @Test
  void snapshotDataWithOtherBytesOrOfAnotherKindIsNotEqual() {
    SnapshotData data = SnapshotData.of(new byte[] {1, 2, 3});

    assertEquals(SnapshotData.of(new byte[] {1, 2, 3}), data);
    assertNotEquals(SnapshotData.of(new byte[] {1, 2, 4}), data);
    assertNotEquals(data, (Object) new byte[] {1, 2, 3});
  }

  /** Traces print snapshot data by its size, never its contents. */
  @Test
  void snapshotDataPrintsItsLength() {
    assertEquals("SnapshotData[3 bytes]", SnapshotData.of(new byte[] {1, 2, 3}).toString());
  }

  // --------------------------------------------------------------------------- InstallSnapshot

  /** A chunk compares by its bytes, not by the array that holds them, and by every other field. */
  @Test
  void installSnapshotChunksCompareByContent() {
    InstallSnapshot chunk = new InstallSnapshot(1, 2, 3, 4, 2, 16, new byte[] {1, 2}, false);
    InstallSnapshot same = new InstallSnapshot(1, 2, 3, 4, 2, 16, new byte[] {1, 2}, false);

    assertEquals(chunk, same);
    assertEquals(chunk.hashCode(), same.hashCode());
    assertNotEquals(chunk, new InstallSnapshot(1, 2, 3, 4, 2, 16, new byte[] {1, 3}, false));
    assertNotEquals(chunk, new InstallSnapshot(1, 2, 3, 4, 2, 16, new byte[] {1, 2}, true));
    assertNotEquals(chunk, new InstallSnapshot(1, 2, 3, 4, 1, 16, new byte[] {1, 2}, false));
    assertNotEquals(chunk, new InstallSnapshot(1, 2, 3, 4, 2, 0, new byte[] {1, 2}, false));
    assertNotEquals(chunk, (Object) new InstallSnapshotReply(1, 2, 3, 4, 16, false));
  }

  /** Chunks that differ in their bytes or their place get different hash codes (these, at least). */
  @Test
  void installSnapshotChunksThatDifferHashDifferently() {
    InstallSnapshot chunk = new InstallSnapshot(1, 2, 3, 4, 2, 16, new byte[] {1, 2}, false);

    assertNotEquals(chunk.hashCode(), new InstallSnapshot(1, 2, 3, 4, 2, 16, new byte[] {1, 3}, false).hashCode());
    assertNotEquals(chunk.hashCode(), new InstallSnapshot(1, 2, 3, 4, 2, 32, new byte[] {1, 2}, false).hashCode());
  }

  /** Traces print a chunk with its length, not its bytes. */
  @Test
  void installSnapshotPrintsItsFieldsAndTheChunksLength() {
    InstallSnapshot chunk = new InstallSnapshot(1, 2, 3, 4, 2, 16, new byte[] {7, 7, 7}, true);

    assertEquals("InstallSnapshot[from=1, to=2, term=3, lastIncluded=4/2, offset=16, length=3, done=true]",
        chunk.toString());
  }

  // ---------------------------------------------------------------------- the rest of the API

  /** Summaries add up the counts of a node's successive starts, field by field. */
  @Test
  void coreStatsAddFieldByField() {
    CoreStats a = new CoreStats(1, 20, 300, 4000, 50000, 600000);
    CoreStats b = new CoreStats(6, 70, 800, 9000, 10000, 200000);

    assertEquals(new CoreStats(7, 90, 1100, 13000, 60000, 800000), a.plus(b));
    assertEquals(a, a.plus(CoreStats.ZERO));
  }

  /** A log write ends at its last entry; one that only truncates ends just before where it starts. */
  @Test
  void logWriteLastIndexIsItsLastEntryOrOneBeforeItsStart() {
    assertEquals(7, new LogWrite(5, List.of(noop(5, 1), noop(6, 1), command(7, 2, "SET a 1"))).lastIndex());
    assertEquals(4, new LogWrite(5, List.of()).lastIndex());
  }

  /** Traces and the wire name roles in lower case. */
  @Test
  void rolesHaveLowerCaseWireNames() {
    assertEquals("follower", Role.FOLLOWER.wireName());
    assertEquals("candidate", Role.CANDIDATE.wireName());
    assertEquals("leader", Role.LEADER.wireName());
  }

  /** Each message names its type as the trace does: the protocol's name for it. */
  @Test
  void messagesNameTheirType() {
    List<Message> messages = List.of(
        new RequestVote(1, 2, 1, 0, 0),
        RequestVoteReply.grant(2, 1, 1),
        new AppendEntries(1, 2, 1, 0, 0, List.of(), 0, 1),
        AppendEntriesReply.accept(2, 1, 1, 0, 1),
        new InstallSnapshot(1, 2, 1, 1, 1, 0, new byte[0], true),
        new InstallSnapshotReply(2, 1, 1, 1, 0, true),
        new ReadIndex(2, 1, 1, 7),
        new ReadIndexReply(1, 2, 1, 7, true, 1, 1));

    assertEquals(List.of("RequestVote", "RequestVoteReply", "AppendEntries", "AppendEntriesReply", "InstallSnapshot",
        "InstallSnapshotReply", "ReadIndex", "ReadIndexReply"), messages.stream().map(Message::type).toList());
  }

  // --------------------------------------------------------------------- protocol extensions

  /** RAFT-CHECKLIST rule 22(c): a drift rate is below one (999,999 ppm at most); a rate of one is refused. */
  @Test
  void configRefusesADriftRateOfOne() {
    assertEquals(0, CONFIG.withLeaseReads(true, 999_999).leaseMs());
    assertThrows(IllegalArgumentException.class, () -> CONFIG.withLeaseReads(true, 1_000_000));
    assertThrows(IllegalArgumentException.class, () -> CONFIG.withLeaseReads(true, -1));
  }

  /**
   * Diss. §6.4.1, §4.2.3 (RAFT-CHECKLIST rule 22(a)): leases rest on CheckQuorum, so turning leases on
   * turns CheckQuorum on, turning CheckQuorum off turns leases off, and neither touches the other otherwise.
   */
  @Test
  void leasesAndCheckQuorumGoTogether() {
    RaftConfig lease = CONFIG.withLeaseReads(true, 0);
    assertTrue(lease.checkQuorum());
    assertTrue(lease.leaseReads());

    RaftConfig off = lease.withCheckQuorum(false);
    assertFalse(off.checkQuorum());
    assertFalse(off.leaseReads(), "no lease without CheckQuorum");

    RaftConfig kept = lease.withCheckQuorum(true);
    assertTrue(kept.checkQuorum());
    assertTrue(kept.leaseReads(), "CheckQuorum on again keeps the lease");

    assertFalse(CONFIG.withCheckQuorum(true).leaseReads(), "CheckQuorum alone grants no lease");
    assertTrue(CONFIG.withCheckQuorum(true).withLeaseReads(false, 0).checkQuorum(), "leases off leave CheckQuorum on");
    assertFalse(CONFIG.withLeaseReads(false, 0).checkQuorum());
  }

  // --------------------------------------------------------------------------- Configuration

  /** Diss. §4.1: a member is a voter or a learner, never both — whichever voter it is, the first included. */
  @Test
  void configurationRefusesAVoterThatIsAlsoALearner() {
    assertThrows(IllegalArgumentException.class, () -> new Configuration(List.of(1, 2), List.of(1), new TreeMap<>()));
    assertThrows(IllegalArgumentException.class, () -> new Configuration(List.of(1, 2), List.of(2), new TreeMap<>()));
    assertEquals(List.of(3), new Configuration(List.of(1, 2), List.of(3), new TreeMap<>()).learners());
  }

  /** Addresses belong to members, the first voter and the first learner included, and to nobody else. */
  @Test
  void configurationAddressesBelongToMembers() {
    Configuration c = new Configuration(List.of(1, 2), List.of(3), new TreeMap<>(Map.of(1, "a:1", 3, "c:3")));
    assertEquals(Map.of(1, "a:1", 3, "c:3"), c.addresses());
    assertThrows(IllegalArgumentException.class,
        () -> new Configuration(List.of(1, 2), List.of(3), new TreeMap<>(Map.of(4, "d:4"))));
  }

  /** Diss. §4.2.1: a learner added with an address is reachable there; added with none, it has no entry. */
  @Test
  void aLearnerIsAddedWithItsAddressOnlyWhenItHasOne() {
    Configuration c = Configuration.of(List.of(1, 2, 3));
    assertEquals(Map.of(4, "d:4"), c.withLearner(4, "d:4").addresses());
    assertTrue(c.withLearner(4, "").addresses().isEmpty());
    assertTrue(c.withLearner(4, null).addresses().isEmpty());
    assertEquals(List.of(4), c.withLearner(4, "").learners());
  }

  @Test
  void configurationPrintsItsVotersAndLearners() {
    assertEquals("voters [1, 2, 3]", Configuration.of(List.of(3, 1, 2)).toString());
    assertEquals("voters [1, 2, 3], learners [4]", Configuration.of(List.of(1, 2, 3)).withLearner(4, "").toString());
  }

  /** An operator's request is accepted exactly when nothing refused it. */
  @Test
  void adminResultIsAcceptedOnlyWithoutARefusal() {
    assertTrue(new AdminResult(null, null).accepted());
    assertFalse(new AdminResult(null, AdminRefusal.NOT_LEADER).accepted());
  }

  // --------------------------------------------------------------------------------- TermRun

  /** The runs of a log's entries: one per term, starting where that term's entries start. */
  @Test
  void termRunsListWhereEachTermStarts() {
    List<LogEntry> log = List.of(noop(1, 1), noop(2, 1), noop(3, 2), noop(4, 4), noop(5, 4));

    assertEquals(List.of(new TermRun(1, 1), new TermRun(3, 2), new TermRun(4, 4)), TermRun.all(log));
    assertEquals(List.of(new TermRun(1, 1)), TermRun.all(log.subList(0, 2)), "all: even a single run");
    assertEquals(List.of(new TermRun(2, 1), new TermRun(3, 2), new TermRun(4, 4)), TermRun.of(log, 1));
    assertEquals(List.of(new TermRun(3, 2), new TermRun(4, 4)), TermRun.of(log, 2));
    assertEquals(List.of(), TermRun.of(log, 3), "of: entries of one term need no runs");
    assertEquals(List.of(), TermRun.of(log, 4));
    assertEquals(List.of(), TermRun.of(log, 5), "nothing from the end on");
    assertEquals(List.of(), TermRun.all(List.of()));
  }

  @Test
  void termRunsPrintAsJson() {
    assertEquals("[]", TermRun.json(List.of()));
    assertEquals("[[1,1]]", TermRun.json(List.of(new TermRun(1, 1))));
    assertEquals("[[1,1],[3,2],[4,4]]", TermRun.json(List.of(new TermRun(1, 1), new TermRun(3, 2), new TermRun(4, 4))));
  }
}
