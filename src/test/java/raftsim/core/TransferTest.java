package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.CONFIG;
import static raftsim.core.CoreFixture.THREE;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.events;
import static raftsim.core.CoreFixture.logOfTerms;
import static raftsim.core.CoreFixture.onlySent;
import static raftsim.core.CoreFixture.replies;
import static raftsim.core.CoreFixture.sent;
import static raftsim.core.CoreFixture.sentTo;
import static raftsim.core.CoreFixture.stored;
import static raftsim.core.CoreFixture.winElection;

import java.util.List;
import org.junit.jupiter.api.Test;
import raftsim.kv.KvStore;

/**
 * Leadership transfer (Raft dissertation §3.10): the leader stops taking proposals, brings the target up
 * to date, sends TimeoutNow; the target stands at once, and voters answer it even while they hear from
 * the old leader (§4.2.3).
 */
class TransferTest {
  private static final long MIN = CONFIG.electionTimeoutMinMs();

  private static RaftCore node(int id, RaftConfig config, long term, List<LogEntry> log) {
    return CoreFixture.node(id, THREE, config, stored(term, HardState.NO_VOTE, log), new KvStore(), 0);
  }

  /** Node 1 leading {1, 2, 3} in term 1 with [1:t1]; returns the time it took office. */
  private static long lead(RaftCore leader) {
    long at = leader.electionDeadline();
    winElection(leader);
    return at;
  }

  private static AppendEntriesReply ack(int from, RaftCore leader, long match) {
    return AppendEntriesReply.accept(from, 1, leader.currentTerm(), match, 0);
  }

  /** Diss. §3.10: a target that already holds the whole log is told to stand at once. */
  @Test
  void anUpToDateTargetGetsTimeoutNowAtOnce() {
    RaftCore leader = node(1, CONFIG, 0, List.of());
    long t = lead(leader);
    leader.step(ack(2, leader, 1), t + 1);

    AdminResult r = leader.transferLeadership(2, t + 2);

    assertTrue(r.accepted());
    TimeoutNow m = onlySent(r.ready(), TimeoutNow.class);
    assertEquals(2, m.to());
    assertEquals(1, m.term());
    assertEquals(1, events(r.ready(), CoreEvent.TimeoutNowSent.class).size());
  }

  /** Diss. §3.10: a target that lags is first brought up to date; TimeoutNow follows its acknowledgement. */
  @Test
  void aLaggingTargetIsCaughtUpFirst() {
    RaftCore leader = node(1, CONFIG, 0, List.of());
    long t = lead(leader);

    AdminResult r = leader.transferLeadership(3, t + 1);

    assertTrue(sent(r.ready(), TimeoutNow.class).isEmpty(), "not before its log is complete");
    Ready acked = leader.step(ack(3, leader, 1), t + 2);
    assertEquals(3, onlySent(acked, TimeoutNow.class).to());
  }

  /** Diss. §3.10: while it hands over office the leader takes no proposals, and points clients at the target. */
  @Test
  void theLeaderTakesNoProposalsDuringTheTransfer() {
    RaftCore leader = node(1, CONFIG, 0, List.of());
    long t = lead(leader);
    leader.transferLeadership(3, t + 1);

    Ready r = leader.propose(new ClientRequest(7, 1, "SET a 1"), t + 2);

    assertEquals(1, leader.log().lastIndex(), "nothing appended");
    ClientReply.NotLeader no = replies(r, ClientReply.NotLeader.class).get(0);
    assertEquals(3, no.leaderHint());
  }

  /** Diss. §3.10: a transfer that does not complete within an election timeout is aborted; proposals resume. */
  @Test
  void anUnfinishedTransferIsAbortedAfterAnElectionTimeout() {
    RaftCore leader = node(1, CONFIG, 0, List.of());
    long t = lead(leader);
    leader.transferLeadership(3, t + 1);
    assertTrue(leader.nextDeadline() <= t + 1 + MIN);

    Ready aborted = leader.tick(t + 1 + MIN);
    Ready r = leader.propose(new ClientRequest(7, 1, "SET a 1"), t + 2 + MIN);

    assertEquals(1, events(aborted, CoreEvent.TransferAborted.class).size());
    assertEquals(Role.LEADER, leader.role());
    assertEquals(2, leader.log().lastIndex(), "appended again");
    assertTrue(r.replies().isEmpty());
  }

  @Test
  void refusesWhatCannotBeTransferred() {
    RaftCore leader = node(1, CONFIG, 0, List.of());
    long t = lead(leader);
    RaftCore follower = node(2, CONFIG, 0, List.of());

    assertEquals(AdminRefusal.TARGET_IS_SELF, leader.transferLeadership(1, t).refusal());
    assertEquals(AdminRefusal.NOT_A_VOTER, leader.transferLeadership(9, t).refusal());
    assertEquals(AdminRefusal.NOT_LEADER, follower.transferLeadership(1, t).refusal());
  }

  /**
   * Diss. §3.10: the target stands at once on TimeoutNow — not waiting for its timer, and skipping PreVote
   * (which its leader's followers would refuse) — and its RequestVote says it is a transfer.
   */
  @Test
  void theTargetStandsAtOnceSkippingPreVote() {
    RaftCore target = node(2, CONFIG.withPreVote(true), 1, logOfTerms(1));
    target.step(append(1, 2, 1, 1, 1, 1), 1000);

    Ready r = target.step(new TimeoutNow(1, 2, 1), 1001);

    assertEquals(Role.CANDIDATE, target.role());
    assertEquals(2, target.currentTerm());
    assertTrue(sent(r, PreVote.class).isEmpty());
    RequestVote rv = sentTo(r, RequestVote.class, 3);
    assertTrue(rv.transfer());
    assertEquals(1, events(r, CoreEvent.TimeoutNowReceived.class).size());
  }

  /** A TimeoutNow of an older term is a leftover: the node does not stand. */
  @Test
  void aStaleTimeoutNowIsIgnored() {
    RaftCore n = node(2, CONFIG, 3, logOfTerms(1, 3));

    Ready r = n.step(new TimeoutNow(1, 2, 2), 1000);

    assertEquals(Role.FOLLOWER, n.role());
    assertEquals(IgnoreReason.CANNOT_STAND, events(r, CoreEvent.Ignored.class).get(0).reason());
  }

  /**
   * Diss. §4.2.3: a voter that heard from its leader a moment ago refuses an ordinary RequestVote under
   * CheckQuorum, but answers a transfer's: the leader itself asked for that election.
   */
  @Test
  void votersAnswerATransfersElectionDespiteCheckQuorum() {
    RaftCore voter = node(3, CONFIG.withCheckQuorum(true), 1, logOfTerms(1));
    voter.step(append(1, 3, 1, 1, 1, 1), 1000);
    RaftCore twin = node(3, CONFIG.withCheckQuorum(true), 1, logOfTerms(1));
    twin.step(append(1, 3, 1, 1, 1, 1), 1000);

    Ready transfer = voter.step(new RequestVote(2, 3, 2, 1, 1, true), 1001);
    Ready ordinary = twin.step(new RequestVote(2, 3, 2, 1, 1, false), 1001);

    assertTrue(onlySent(transfer, RequestVoteReply.class).granted());
    assertEquals(2, voter.currentTerm());
    assertEquals(VoteRefusal.LEADER_HEARD, onlySent(ordinary, RequestVoteReply.class).refusal());
    assertEquals(1, twin.currentTerm());
  }

  /** Diss. §3.10: the transfer is reported with its target, term and the time it is aborted if unfinished. */
  @Test
  void aTransferIsReportedWithItsDeadline() {
    RaftCore leader = node(1, CONFIG, 0, List.of());
    long t = lead(leader);

    Ready r = leader.transferLeadership(3, t + 1).ready();

    assertEquals(List.of(new CoreEvent.TransferStarted(3, 1, t + 1 + MIN)), events(r, CoreEvent.TransferStarted.class));
    assertTrue(events(leader.tick(t + MIN), CoreEvent.TransferAborted.class).isEmpty(), "not before the deadline");
  }

  /** Diss. §3.10: an up-to-date target gets TimeoutNow alone, with no AppendEntries: there is nothing to send. */
  @Test
  void anUpToDateTargetIsSentNothingButTimeoutNow() {
    RaftCore leader = node(1, CONFIG, 0, List.of());
    long t = lead(leader);
    leader.step(ack(2, leader, 1), t + 1);

    Ready r = leader.transferLeadership(2, t + 2).ready();

    assertEquals(2, onlySent(r, TimeoutNow.class).to());
    assertTrue(sent(r, AppendEntries.class).isEmpty(), "nothing to bring up to date");
  }

  /**
   * Diss. §3.10, §7: the leader starts bringing a lagging target up to date at once. Here the entries node 3
   * lacks were compacted while its first probe went unanswered: the transfer starts by sending it the snapshot.
   */
  @Test
  void aTargetBehindTheSnapshotIsSentItWhenTheTransferStarts() {
    RaftCore leader = node(1, CoreFixture.snapshotting(4, 65536), 0, List.of());
    long t = lead(leader);
    leader.persisted(1, 1, t);
    leader.step(ack(2, leader, 1), t + 1);
    for (int i = 1; i <= 6; i++) {
      leader.propose(new ClientRequest(7, i, "SET a " + i), t + 1);
    }
    leader.persisted(7, 1, t + 1);
    leader.step(ack(2, leader, 7), t + 2);
    assertTrue(leader.log().snapshotIndex() >= 1, "node 3's next entry is compacted away");

    Ready r = leader.transferLeadership(3, t + 3).ready();

    assertEquals(3, onlySent(r, InstallSnapshot.class).to());
    assertTrue(sent(r, TimeoutNow.class).isEmpty());
  }

  /**
   * Diss. §3.10: a leader that loses office during a transfer drops it; leading again later, in a new term,
   * it takes proposals at once.
   */
  @Test
  void aTransferEndsWithTheLeadership() {
    RaftCore leader = node(1, CONFIG, 0, List.of());
    long t = lead(leader);
    leader.transferLeadership(3, t + 1);
    leader.step(append(3, 1, 2, 1, 1, 0), t + 2); // 3 leads term 2
    assertEquals(Role.FOLLOWER, leader.role());

    long again = leader.electionDeadline();
    leader.tick(again);
    leader.step(CoreFixture.grant(2, 1, 3), again);
    assertEquals(Role.LEADER, leader.role());
    Ready r = leader.propose(new ClientRequest(7, 1, "SET a 1"), again);

    assertTrue(r.replies().isEmpty(), "no transfer under way: " + r.replies());
    assertEquals(3, leader.log().lastIndex(), "appended after the new term's no-op");
  }

  /**
   * Diss. §3.10, §7: a target brought up to date by a snapshot that ends at the leader's last entry is told
   * to stand as soon as it reports the snapshot installed.
   */
  @Test
  void aTargetCaughtUpByASnapshotGetsTimeoutNow() {
    RaftCore leader = node(1, CoreFixture.snapshotting(4, 65536), 0, List.of());
    long t = lead(leader);
    leader.persisted(1, 1, t);
    leader.step(ack(2, leader, 1), t + 1);
    for (int i = 1; i <= 6; i++) {
      leader.propose(new ClientRequest(7, i, "SET a " + i), t + 1);
    }
    leader.persisted(7, 1, t + 1);
    leader.step(ack(2, leader, 7), t + 2);
    InstallSnapshot is = onlySent(leader.transferLeadership(3, t + 3).ready(), InstallSnapshot.class);
    assertTrue(is.done());
    assertEquals(leader.log().lastIndex(), is.lastIncludedIndex(), "the snapshot holds the whole log");

    Ready r = leader.step(new InstallSnapshotReply(3, 1, 1, is.lastIncludedIndex(), is.data().length, true), t + 4);

    assertEquals(3, onlySent(r, TimeoutNow.class).to());
  }
}
