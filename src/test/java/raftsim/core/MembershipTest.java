package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.CONFIG;
import static raftsim.core.CoreFixture.THREE;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.events;
import static raftsim.core.CoreFixture.noop;
import static raftsim.core.CoreFixture.onlySent;
import static raftsim.core.CoreFixture.requestVote;
import static raftsim.core.CoreFixture.sent;
import static raftsim.core.CoreFixture.sentTo;
import static raftsim.core.CoreFixture.stored;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import raftsim.kv.KvStore;

/**
 * Membership changes one server at a time (Raft dissertation §4.1–§4.3; RAFT-CHECKLIST rules 26–28):
 * configurations in force when appended, learners that catch up before they vote, one change at a
 * time and only after the leader's own term has committed, and a removed leader stepping down.
 */
class MembershipTest {
  private static final long MIN = CONFIG.electionTimeoutMinMs();

  private static Configuration voters(Integer... ids) {
    return Configuration.of(List.of(ids));
  }

  private static LogEntry config(long index, long term, Configuration c) {
    return new LogEntry(index, term, new Payload.Config(c));
  }

  /** Node 1 leading {1, 2, 3} in term 1 with [1:no-op], which it has made durable and 2 has acknowledged. */
  private static RaftCore committedLeader() {
    RaftCore leader = CoreFixture.node(1, THREE, CONFIG, PersistentState.EMPTY, new KvStore(), 0);
    long t = leader.electionDeadline();
    CoreFixture.winElection(leader);
    leader.persisted(1, 1, t);
    leader.step(AppendEntriesReply.accept(2, 1, 1, 1, 0), t);
    assertEquals(1, leader.commitIndex());
    return leader;
  }

  private static long now(RaftCore leader) {
    return leader.electionDeadline(); // any time after its election
  }

  /** Acknowledges, from {@code follower}, everything the leader holds; returns the Ready. */
  private static Ready ackAll(RaftCore leader, int follower, long now) {
    return leader.step(AppendEntriesReply.accept(follower, 1, leader.currentTerm(), leader.log().lastIndex(), 0), now);
  }

  // --------------------------------------------------- rule 26: in force as soon as appended

  /** Diss. §4.1: a follower uses a configuration the moment it appends it, long before it commits. */
  @Test
  void aFollowerUsesAConfigurationAsSoonAsItIsAppended() {
    RaftCore f = CoreFixture.node(2, THREE, CONFIG, stored(1, 1, List.of(noop(1, 1))), new KvStore(), 0);

    Ready r = f.step(append(1, 2, 1, 1, 1, 0, config(2, 1, voters(1, 2, 3, 4))), 100);

    assertEquals(List.of(1, 2, 3, 4), f.configuration().voters());
    assertEquals(0, f.commitIndex(), "not committed, yet in force");
    assertEquals(1, events(r, CoreEvent.ConfigurationChanged.class).size());
  }

  /** Diss. §4.1: when a configuration entry is truncated, the configuration before it is in force again. */
  @Test
  void aTruncatedConfigurationIsUndone() {
    RaftCore f = CoreFixture.node(2, THREE, CONFIG,
        stored(1, 1, List.of(noop(1, 1), config(2, 1, voters(1, 2, 3, 4)))), new KvStore(), 0);
    assertEquals(4, f.configuration().voters().size(), "recovered from the stored log");

    f.step(append(3, 2, 2, 1, 1, 0, noop(2, 2)), 100); // a new leader overwrites index 2

    assertEquals(THREE, f.configuration().voters());
  }

  // ------------------------------------------------------------------ learners (§4.2.1)

  /** Diss. §4.2.1: a new server joins as a learner; the leader replicates to it at once. */
  @Test
  void anAddedServerJoinsAsALearnerAndIsReplicatedTo() {
    RaftCore leader = committedLeader();
    long t = now(leader);

    AdminResult r = leader.addServer(4, "", t);

    assertTrue(r.accepted());
    assertEquals(List.of(4), leader.configuration().learners());
    assertEquals(THREE, leader.configuration().voters());
    AppendEntries ae = sentTo(r.ready(), AppendEntries.class, 4);
    assertEquals(4, ae.to());
  }

  /** Diss. §4.2.1: a learner's acknowledgement does not count toward a majority. */
  @Test
  void aLearnerDoesNotCountTowardCommitment() {
    RaftCore leader = committedLeader();
    long t = now(leader);
    leader.addServer(4, "", t);
    leader.persisted(2, 1, t);
    ackAll(leader, 2, t); // commits the learner's entry with 1 and 2
    leader.propose(new ClientRequest(7, 1, "SET a 1"), t);
    long last = leader.log().lastIndex();
    leader.persisted(last, 1, t);

    ackAll(leader, 4, t + 1);

    assertTrue(leader.commitIndex() < last, "the leader and a learner are no majority of three voters");
  }

  /** Diss. §4.2.1: a learner that finishes a catch-up round within the minimum election timeout becomes a voter. */
  @Test
  void aCaughtUpLearnerIsPromoted() {
    RaftCore leader = committedLeader();
    long t = now(leader);
    leader.addServer(4, "", t);
    leader.persisted(2, 1, t);
    ackAll(leader, 2, t); // the learner entry commits

    Ready r = ackAll(leader, 4, t + 10); // the learner holds everything, 10 ms into its round

    assertEquals(1, events(r, CoreEvent.LearnerCaughtUp.class).size());
    assertEquals(List.of(1, 2, 3, 4), leader.configuration().voters());
    assertTrue(leader.configuration().learners().isEmpty());
  }

  /** Diss. §4.2.1: a round that took longer than the minimum election timeout starts another; no promotion yet. */
  @Test
  void aSlowRoundStartsAnotherInsteadOfPromoting() {
    RaftCore leader = committedLeader();
    long t = now(leader);
    leader.addServer(4, "", t);
    leader.persisted(2, 1, t);
    ackAll(leader, 2, t);
    leader.propose(new ClientRequest(7, 1, "SET a 1"), t + MIN); // the log grows meanwhile

    Ready slow = leader.step(AppendEntriesReply.accept(4, 1, 1, 2, 0), t + MIN + 1); // round 1 done, late

    assertTrue(events(slow, CoreEvent.LearnerCaughtUp.class).isEmpty());
    assertEquals(List.of(4), leader.configuration().learners());
    Ready fast = ackAll(leader, 4, t + MIN + 20); // round 2 (up to index 3) done quickly
    assertEquals(1, events(fast, CoreEvent.LearnerCaughtUp.class).size());
  }

  /** Diss. §4.2.1: a learner never stands for election, however long it hears nothing. */
  @Test
  void aLearnerOrAServerOutsideTheConfigurationNeverStands() {
    RaftCore spare = CoreFixture.node(4, THREE, CONFIG, PersistentState.EMPTY, new KvStore(), 0);

    for (int i = 0; i < 20; i++) {
      Ready r = spare.tick(spare.nextDeadline());
      assertTrue(sent(r, RequestVote.class).isEmpty() && sent(r, PreVote.class).isEmpty());
    }
    assertEquals(0, spare.currentTerm());
    assertEquals(Role.FOLLOWER, spare.role());
  }

  // ----------------------------------------------------------- rule 27: one change at a time

  /** Diss. §4.1: a second change while the first is uncommitted is refused. */
  @Test
  void aSecondChangeWaitsForTheFirstToCommit() {
    RaftCore leader = committedLeader();
    long t = now(leader);
    assertTrue(leader.addServer(4, "", t).accepted());

    assertEquals(AdminRefusal.CHANGE_IN_PROGRESS, leader.addServer(5, "", t).refusal());
    assertEquals(AdminRefusal.CHANGE_IN_PROGRESS, leader.removeServer(3, t).refusal());

    leader.persisted(2, 1, t);
    ackAll(leader, 2, t); // the first change commits
    assertTrue(leader.addServer(5, "", t).accepted());
  }

  /**
   * Diss. §4.1 (the fix of the single-server bug): a new leader changes nothing before an entry of its own
   * term has committed, since an uncommitted change of an earlier leader may still be in flight.
   */
  @Test
  void aNewLeaderChangesNothingBeforeItsTermCommits() {
    RaftCore leader = CoreFixture.node(1, THREE, CONFIG, PersistentState.EMPTY, new KvStore(), 0);
    CoreFixture.winElection(leader);
    long t = now(leader);

    assertEquals(AdminRefusal.NO_COMMIT_IN_TERM, leader.addServer(4, "", t).refusal());
    leader.persisted(1, 1, t);
    ackAll(leader, 2, t);
    assertTrue(leader.addServer(4, "", t).accepted());
  }

  @Test
  void refusesWhatCannotBeChanged() {
    RaftCore leader = committedLeader();
    long t = now(leader);
    RaftCore follower = CoreFixture.node(2, THREE, CONFIG, PersistentState.EMPTY, new KvStore(), 0);

    assertEquals(AdminRefusal.ALREADY_MEMBER, leader.addServer(2, "", t).refusal());
    assertEquals(AdminRefusal.NOT_MEMBER, leader.removeServer(9, t).refusal());
    assertEquals(AdminRefusal.NOT_LEADER, follower.addServer(4, "", t).refusal());
    RaftCore alone = CoreFixture.node(1, List.of(1), CONFIG, PersistentState.EMPTY, new KvStore(), 0);
    CoreFixture.electAlone(alone);
    alone.persisted(1, 1, alone.electionDeadline());
    assertEquals(AdminRefusal.LAST_VOTER, alone.removeServer(1, alone.electionDeadline()).refusal());
  }

  /** Diss. §4.1: majorities are of the configuration in force, at once: {1, 2} needs both after 3 is removed. */
  @Test
  void majoritiesAreOfTheNewConfigurationAsSoonAsItIsAppended() {
    RaftCore leader = committedLeader();
    long t = now(leader);
    leader.removeServer(3, t);
    leader.persisted(2, 1, t);

    ackAll(leader, 3, t); // 3 is no voter any more: its acknowledgement proves nothing
    assertEquals(1, leader.commitIndex());
    ackAll(leader, 2, t);
    assertEquals(2, leader.commitIndex());
  }

  // --------------------------------------------------------- rule 28: removing servers (§4.2.2)

  /**
   * Diss. §4.2.2: a leader removing itself does not count itself meanwhile; once the change commits it
   * steps down and hands office to an up-to-date voter.
   */
  @Test
  void aRemovedLeaderStepsDownOnceTheChangeCommits() {
    RaftCore leader = committedLeader();
    long t = now(leader);
    leader.removeServer(1, t);
    leader.persisted(2, 1, t);
    assertEquals(Role.LEADER, leader.role(), "it leads until the change commits");

    Ready one = ackAll(leader, 2, t);
    assertEquals(1, leader.commitIndex(), "its own copy does not count: one voter of {2, 3} is no majority");
    assertTrue(sent(one, TimeoutNow.class).isEmpty());

    Ready two = ackAll(leader, 3, t + 1);

    assertEquals(2, leader.commitIndex());
    assertEquals(Role.FOLLOWER, leader.role());
    assertEquals(1, events(two, CoreEvent.LeaderRemoved.class).size());
    assertEquals(2, onlySent(two, TimeoutNow.class).to(), "the first voter holding the whole log");
  }

  /**
   * Diss. §4.2.2: a voter that the latest configuration entry removes, while that entry is not known
   * committed, still stands — without its own vote. Here node 1 led {1, 2}, appended {2} (removing
   * itself) and restarted before anyone else got the entry: node 2, with the shorter log, can win no
   * election in {1, 2}, for node 1 refuses it its vote; only node 1 can get the change committed. It asks
   * node 2, the only voter of {2}, and leads once node 2 grants.
   */
  @Test
  void aServerRemovedByAnUncommittedChangeStandsWithoutItsOwnVote() {
    List<Integer> pair = List.of(1, 2);
    RaftCore removed = CoreFixture.node(1, pair, CONFIG,
        stored(1, 1, List.of(noop(1, 1), config(2, 1, voters(2)))), new KvStore(), 0);
    assertTrue(removed.mayStand());

    Ready r = removed.tick(removed.electionDeadline());

    assertEquals(Role.CANDIDATE, removed.role());
    assertEquals(2, removed.currentTerm());
    RequestVote rv = onlySent(r, RequestVote.class);
    assertEquals(2, rv.to(), "it asks the voters of {2}, and counts no vote of its own");
    assertEquals(2, rv.lastLogIndex());

    removed.step(RequestVoteReply.grant(2, 1, 2), removed.electionDeadline() - 1);
    assertEquals(Role.LEADER, removed.role(), "one vote of the one voter of {2}");
  }

  /** The same with PreVote (diss. §9.6): it asks the voters of {2} first, without its own pre-vote. */
  @Test
  void withPreVoteAServerRemovedByAnUncommittedChangeAsksFirst() {
    RaftCore removed = CoreFixture.node(1, List.of(1, 2), CONFIG.withPreVote(true),
        stored(1, 1, List.of(noop(1, 1), config(2, 1, voters(2)))), new KvStore(), 0);

    Ready r = removed.tick(removed.electionDeadline());

    assertEquals(2, onlySent(r, PreVote.class).to());
    assertEquals(1, removed.currentTerm(), "a pre-vote raises no term");
    Ready granted = removed.step(PreVoteReply.grant(2, 1, 2), removed.electionDeadline() - 1);
    assertEquals(Role.CANDIDATE, removed.role(), "one pre-vote of the one voter of {2}");
    assertEquals(2, onlySent(granted, RequestVote.class).to());
  }

  /**
   * Diss. §4.2.2, the other side: once a server knows its removal committed — here, it led when it did
   * — it never stands again, and neither does a server whose latest configuration never named it.
   */
  @Test
  void aServerThatKnowsItsRemovalCommittedNeverStands() {
    RaftCore leader = committedLeader();
    long t = now(leader);
    leader.removeServer(1, t);
    leader.persisted(2, 1, t);
    ackAll(leader, 2, t);
    ackAll(leader, 3, t + 1);
    assertEquals(Role.FOLLOWER, leader.role(), "stepped down once {2, 3} committed");
    assertFalse(leader.mayStand());

    for (int i = 0; i < 10; i++) {
      Ready r = leader.tick(leader.nextDeadline());
      assertTrue(sent(r, RequestVote.class).isEmpty() && sent(r, PreVote.class).isEmpty());
    }
    assertEquals(Role.FOLLOWER, leader.role());
  }

  /**
   * Diss. §6.2: a server that cannot stand forgets, when its election timer fires, a leader it has not
   * heard from since; it would otherwise point clients at that leader for ever. A removed server kept
   * its last leader, and another server that knows no leader sends clients to the next node: two such
   * servers could send a client back and forth between them without end.
   */
  @Test
  void aServerThatCannotStandForgetsALeaderItNoLongerHears() {
    RaftCore f = CoreFixture.node(3, THREE, CONFIG, PersistentState.EMPTY, new KvStore(), 0);
    f.step(append(1, 3, 1, 0, 0, 2, noop(1, 1), config(2, 1, voters(1, 2))), 100); // 3 removed, and committed
    assertFalse(f.mayStand());
    assertEquals(1, f.leaderId());

    f.tick(f.electionDeadline());

    assertEquals(0, f.leaderId());
    Ready r = f.propose(new ClientRequest(7, 1, "SET a 1"), f.electionDeadline());
    assertEquals(new ClientReply.NotLeader(7, 1, 0), r.replies().get(0));
  }

  /**
   * The leader keeps sending to a removed member until the change commits (so it most likely learns it
   * is out and stops standing), and nothing to it afterwards.
   */
  @Test
  void aRemovedMemberIsReplicatedToUntilItsRemovalCommits() {
    RaftCore leader = committedLeader();
    long t = now(leader);
    ackAll(leader, 3, t); // 3 is replicating, not waiting on a probe

    AdminResult removal = leader.removeServer(3, t);
    assertEquals(1, sent(removal.ready(), AppendEntries.class).stream().filter(m -> m.to() == 3).count());

    leader.persisted(2, 1, t);
    ackAll(leader, 2, t);
    Ready heartbeat = leader.tick(t + 10 * CONFIG.heartbeatMs());
    assertTrue(sent(heartbeat, AppendEntries.class).stream().noneMatch(m -> m.to() == 3));
  }

  /**
   * Diss. §4.1: a node hears a RequestVote from a node its configuration does not name — the candidate
   * may belong to a newer configuration this node has not seen yet.
   */
  @Test
  void aVoteRequestFromOutsideTheConfigurationIsAnswered() {
    RaftCore f = CoreFixture.node(2, THREE, CONFIG, stored(1, HardState.NO_VOTE, List.of(noop(1, 1))), new KvStore(), 0);

    Ready r = f.step(requestVote(4, 2, 2, 3, 1), 100);

    assertTrue(onlySent(r, RequestVoteReply.class).granted());
  }

  // -------------------------------------------------- recovery: snapshots carry the configuration

  /** A snapshot carries the configuration in force at its index, and a node restarting from it uses it. */
  @Test
  void snapshotsCarryTheConfigurationAndRestartsRecoverIt() {
    RaftConfig snapshotting = CONFIG.withSnapshots(4, 1024);
    RaftCore f = CoreFixture.node(2, THREE, snapshotting, PersistentState.EMPTY, new KvStore(), 0);
    Configuration four = voters(1, 2, 3, 4);
    List<LogEntry> entries = new ArrayList<>(List.of(noop(1, 1), config(2, 1, four), noop(3, 1), noop(4, 1)));
    Ready r = f.step(append(1, 2, 1, 0, 0, 4, entries.toArray(LogEntry[]::new)), 100);

    Snapshot s = r.snapshot();
    assertEquals(4, s.index());
    assertEquals(four, s.configuration());

    RaftCore restarted = CoreFixture.node(2, THREE, snapshotting, new PersistentState(new HardState(1, 0), s, List.of()),
        new KvStore(), 0);
    assertEquals(four, restarted.configuration());
  }

  /** InstallSnapshot carries the configuration; the follower takes it with the snapshot (§4.1, §7). */
  @Test
  void anInstalledSnapshotBringsItsConfiguration() {
    RaftCore f = CoreFixture.node(2, THREE, CONFIG, PersistentState.EMPTY, new KvStore(), 0);
    Configuration five = voters(1, 2, 3, 4, 5);
    byte[] data = new KvStore().snapshot().bytes();

    f.step(new InstallSnapshot(1, 2, 3, 10, 3, 0, data, true, five), 100);

    assertEquals(five, f.configuration());
    assertEquals(10, f.log().configurationIndex());
  }

  /** A configuration entry survives the trip through a restart from the stored log alone. */
  @Test
  void aRestartRecoversTheLatestConfigurationFromTheLog() {
    Configuration c = new Configuration(List.of(1, 2, 3), List.of(4), new TreeMap<>(java.util.Map.of(4, "h:4")));
    RaftCore n = CoreFixture.node(3, THREE, CONFIG, stored(2, 1, List.of(noop(1, 1), config(2, 2, c))),
        new KvStore(), 0);

    assertEquals(c, n.configuration());
    assertEquals("h:4", n.configuration().addresses().get(4));
    assertNull(n.configuration().addresses().get(1));
    assertFalse(n.configuration().isVoter(4));
  }

  // ------------------------------------------------------------------ the details of a change

  /** Diss. §4.1, §3.10: no change is proposed while a leadership transfer is under way. */
  @Test
  void noChangeDuringATransfer() {
    RaftCore leader = committedLeader();
    long t = now(leader);
    assertTrue(leader.transferLeadership(2, t).accepted());

    AdminResult r = leader.addServer(4, "", t + 1);

    assertEquals(AdminRefusal.TRANSFER_IN_PROGRESS, r.refusal());
    assertEquals(THREE, leader.configuration().voters());
    assertTrue(leader.configuration().learners().isEmpty());
  }

  /** Diss. §4.1: the proposed configuration is reported with the index of its entry. */
  @Test
  void aProposedChangeIsReported() {
    RaftCore leader = committedLeader();

    Ready r = leader.addServer(4, "", now(leader)).ready();

    assertEquals(List.of(new CoreEvent.ConfigurationProposed(2, THREE, List.of(4))),
        events(r, CoreEvent.ConfigurationProposed.class));
  }

  /**
   * Diss. §4.1, §4.2.2: the new configuration counts from the moment the leader appends it. Node 1 leads
   * {1, 2}; node 2 holds entry 2, which node 1 has not made durable, so it is not committed. Once node 1
   * removes itself, {2} is the configuration, whose only voter holds entry 2: it commits at once.
   */
  @Test
  void aLeaderRemovingItselfCommitsWhatTheNewMajorityHolds() {
    RaftCore leader = CoreFixture.node(1, List.of(1, 2), CONFIG, PersistentState.EMPTY, new KvStore(), 0);
    long t = leader.electionDeadline();
    CoreFixture.winElection(leader);
    leader.persisted(1, 1, t);
    ackAll(leader, 2, t);
    assertEquals(1, leader.commitIndex());
    leader.propose(new ClientRequest(7, 1, "SET a 1"), t);
    ackAll(leader, 2, t + 1);
    assertEquals(1, leader.commitIndex(), "{1, 2} needs node 1's durable copy too");

    Ready r = leader.removeServer(1, t + 2).ready();

    assertEquals(2, leader.commitIndex());
    assertEquals(1, r.applied().size(), "the command is applied in the same step");
  }

  /** Diss. §4.2.1: a round that ends exactly the minimum election timeout after it began still counts. */
  @Test
  void aRoundEndingExactlyAtTheMinimumElectionTimeoutCounts() {
    RaftCore leader = committedLeader();
    long t = now(leader);
    leader.addServer(4, "", t);
    leader.persisted(2, 1, t);
    ackAll(leader, 2, t);

    Ready r = ackAll(leader, 4, t + MIN);

    assertEquals(1, events(r, CoreEvent.LearnerCaughtUp.class).size());
    assertEquals(List.of(1, 2, 3, 4), leader.configuration().voters());
  }

  /** Diss. §4.2.1: a round ends only when the learner holds everything the leader held when it began. */
  @Test
  void aLearnerPartWayThroughItsRoundIsNotPromoted() {
    RaftCore leader = committedLeader();
    long t = now(leader);
    leader.addServer(4, "", t); // the round's target: index 2
    leader.persisted(2, 1, t);
    ackAll(leader, 2, t);

    Ready r = leader.step(AppendEntriesReply.accept(4, 1, 1, 1, 0), t + 10);

    assertTrue(events(r, CoreEvent.LearnerCaughtUp.class).isEmpty());
    assertEquals(List.of(4), leader.configuration().learners());
  }

  /**
   * Diss. §4.1, §4.2.1: a learner that caught up while its own addition was still uncommitted waits; it is
   * promoted as soon as that change commits.
   */
  @Test
  void aLearnerThatCaughtUpEarlyIsPromotedWhenTheChangeBeforeCommits() {
    RaftCore leader = committedLeader();
    long t = now(leader);
    leader.addServer(4, "", t);
    Ready early = ackAll(leader, 4, t + 10); // caught up, but entry 2 is not committed
    assertTrue(events(early, CoreEvent.ConfigurationProposed.class).isEmpty(), "one change at a time");
    leader.persisted(2, 1, t + 10);

    Ready r = ackAll(leader, 2, t + 20); // entry 2 commits

    assertEquals(2, leader.commitIndex());
    assertEquals(1, events(r, CoreEvent.ConfigurationProposed.class).size());
    assertEquals(List.of(1, 2, 3, 4), leader.configuration().voters());
  }

  /** Diss. §4.2.2: the removed leader reports whom it tells to stand. */
  @Test
  void aRemovedLeaderReportsItsTimeoutNow() {
    RaftCore leader = committedLeader();
    long t = now(leader);
    leader.removeServer(1, t);
    leader.persisted(2, 1, t);
    ackAll(leader, 2, t);

    Ready r = ackAll(leader, 3, t + 1);

    assertEquals(List.of(new CoreEvent.TimeoutNowSent(2, 1, 2)), events(r, CoreEvent.TimeoutNowSent.class));
  }

  /**
   * Diss. §4.2.1 and rule 4: a server that may not stand still restarts its timer when it fires, so it fires
   * again an election timeout later, not at every tick.
   */
  @Test
  void aServerThatCannotStandRestartsItsTimer() {
    RaftCore spare = CoreFixture.node(4, THREE, CONFIG, PersistentState.EMPTY, new KvStore(), 0);
    long d = spare.electionDeadline();

    spare.tick(d);

    assertTrue(spare.electionDeadline() >= d + MIN, "next firing " + spare.electionDeadline() + " after " + d);
  }

  /**
   * Diss. §4.2.1, §7: a learner whose round a snapshot completes has caught up at once. Its entries were
   * compacted while its first probe went unanswered; it installs the snapshot 60 ms into its round.
   */
  @Test
  void aLearnerCaughtUpByASnapshotIsPromoted() {
    RaftCore leader = CoreFixture.node(1, THREE, CoreFixture.snapshotting(4, 65536), PersistentState.EMPTY,
        new KvStore(), 0);
    long t = leader.electionDeadline();
    CoreFixture.winElection(leader);
    leader.persisted(1, 1, t);
    ackAll(leader, 2, t);
    leader.addServer(4, "", t); // entry 2: the learner's round ends once it holds index 2
    for (int i = 1; i <= 4; i++) {
      leader.propose(new ClientRequest(7, i, "SET a " + i), t);
    }
    leader.persisted(6, 1, t);
    ackAll(leader, 2, t);
    assertTrue(leader.log().snapshotIndex() >= 2, "the learner's entries are compacted away");
    InstallSnapshot is = sentTo(leader.tick(t + 50), InstallSnapshot.class, 4);

    Ready r = leader.step(new InstallSnapshotReply(4, 1, 1, is.lastIncludedIndex(), is.data().length, true), t + 60);

    assertEquals(1, events(r, CoreEvent.LearnerCaughtUp.class).size());
    assertEquals(List.of(1, 2, 3, 4), leader.configuration().voters());
  }

  /** Diss. §4.1: installing a snapshot reports the configuration it brings before the install itself. */
  @Test
  void anInstalledSnapshotReportsItsConfigurationFirst() {
    RaftCore f = CoreFixture.node(2, THREE, CONFIG, PersistentState.EMPTY, new KvStore(), 0);
    Configuration five = voters(1, 2, 3, 4, 5);
    byte[] data = new KvStore().snapshot().bytes();

    Ready r = f.step(new InstallSnapshot(1, 2, 3, 10, 3, 0, data, true, five), 100);

    List<CoreEvent> changes = new ArrayList<>();
    for (CoreEvent e : r.events()) {
      if (e instanceof CoreEvent.ConfigurationChanged || e instanceof CoreEvent.SnapshotInstalled) {
        changes.add(e);
      }
    }
    assertEquals(List.of(new CoreEvent.ConfigurationChanged(10, five.voters(), List.of()),
        new CoreEvent.SnapshotInstalled(10, 3, false, 0)), changes);
  }
}
