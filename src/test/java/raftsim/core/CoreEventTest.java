package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.FIVE;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.ack;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.campaign;
import static raftsim.core.CoreFixture.events;
import static raftsim.core.CoreFixture.follower;
import static raftsim.core.CoreFixture.fresh;
import static raftsim.core.CoreFixture.grant;
import static raftsim.core.CoreFixture.leader;
import static raftsim.core.CoreFixture.logOfTerms;
import static raftsim.core.CoreFixture.nack;
import static raftsim.core.CoreFixture.noop;
import static raftsim.core.CoreFixture.refuse;
import static raftsim.core.CoreFixture.requestVote;
import static raftsim.core.CoreFixture.stored;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The events a node reports in {@link Ready#events()}: every decision, with what it was based on, in the order
 * it was taken. Traces, invariant checks and explanations are built from them, so each decision below must be
 * reported exactly once and with the right fields. Refusals and ignored inputs are covered where they are
 * tested ({@link BadInputTest}, {@link FollowerAppendTest}, {@link TermRulesTest}).
 */
class CoreEventTest {

  // ------------------------------------------------------------------------------ elections

  /** §5.2 (rule 4c): a follower standing for election reports the role change, then the election with its last log position. */
  @Test
  void rule4c_standingForElectionIsReportedWithTheCandidatesLastLogPosition() {
    RaftCore node = follower(1, 2, logOfTerms(1, 2));

    Ready r = campaign(node);

    assertEquals(List.of(
        new CoreEvent.RoleChanged(Role.FOLLOWER, Role.CANDIDATE, 3, 0),
        new CoreEvent.ElectionStarted(3, 2, 2)), r.events());
  }

  /** §5.2: a candidate whose election timed out stands again; its role does not change, so none is reported. */
  @Test
  void rule4c_aCandidateStandingAgainReportsOnlyTheNewElection() {
    RaftCore node = follower(1, 2, logOfTerms(1, 2));
    campaign(node);

    Ready again = campaign(node);

    assertEquals(List.of(new CoreEvent.ElectionStarted(4, 2, 2)), again.events());
  }

  /** Rule 5: a granted vote is reported with the candidate and the term. */
  @Test
  void rule5_grantedVoteIsReportedWithTheCandidateAndTheTerm() {
    RaftCore node = fresh(1);

    Ready r = node.step(requestVote(2, 1, 1, 0, 0), LATER);

    assertEquals(List.of(new CoreEvent.TermAdopted(0, 1, 2), new CoreEvent.VoteGranted(2, 1)), r.events());
  }

  /** Rule 6: each answer a candidate counts is reported with the tally so far and the votes it needs. */
  @Test
  void rule6_eachCountedAnswerIsReportedWithTheTally() {
    RaftCore candidate = CoreFixture.node(1, FIVE, PersistentState.EMPTY, 0);
    campaign(candidate); // term 1, needs 3 of 5

    Ready granted = candidate.step(grant(2, 1, 1), LATER);
    Ready refused = candidate.step(refuse(3, 1, 1, VoteRefusal.CANDIDATE_LOG_BEHIND), LATER);

    assertEquals(List.of(new CoreEvent.VoteCounted(2, 1, true, 2, 3)), granted.events());
    assertEquals(List.of(new CoreEvent.VoteCounted(3, 1, false, 2, 3)), refused.events());
  }

  /** Rule 8: the winning vote is reported, then the new role, then the no-op the new leader appends. */
  @Test
  void rule8_winningIsReportedAsBecomingLeaderAndAppendingTheNoOp() {
    RaftCore candidate = fresh(1);
    campaign(candidate);

    Ready won = candidate.step(grant(2, 1, 1), LATER);

    assertEquals(List.of(
        new CoreEvent.VoteCounted(2, 1, true, 2, 2),
        new CoreEvent.RoleChanged(Role.CANDIDATE, Role.LEADER, 1, 1),
        new CoreEvent.EntriesAppended(1, 1, 1, 0)), won.events());
  }

  // ---------------------------------------------------------------------- appending and commit

  /** §5.3 (Leader Append-Only): a proposal is reported as one entry appended at the end, nothing truncated. */
  @Test
  void rule19_aProposalIsReportedAsAnEntryAppendedAtTheEnd() {
    RaftCore leader = leader(PersistentState.EMPTY); // no-op at 1

    Ready r = leader.propose(new ClientRequest(7, 1, "SET a 1"), LATER);

    assertEquals(List.of(new CoreEvent.EntriesAppended(2, 2, 1, 0)), r.events());
  }

  /** Rule 14: the leader reports its commit with the old and the new commit index and its term. */
  @Test
  void rule14_leaderCommitIsReportedWithTheOldAndNewCommitIndex() {
    RaftCore leader = leader(PersistentState.EMPTY);
    leader.persisted(1, 1, LATER);

    Ready r = leader.step(ack(2, 1, 1, 1), LATER);

    assertEquals(List.of(new CoreEvent.CommitAdvanced(0, 1, 1)), events(r, CoreEvent.CommitAdvanced.class));
  }

  /** Rule 14: an acknowledgement that leaves the majority's index where it was commits nothing and reports nothing. */
  @Test
  void rule14_anAcknowledgementThatMovesNoMajorityReportsNoCommit() {
    RaftCore leader = leader(PersistentState.EMPTY);
    leader.persisted(1, 1, LATER);
    leader.step(ack(2, 1, 1, 1), LATER);
    assertEquals(1, leader.commitIndex());

    Ready r = leader.step(ack(3, 1, 1, 1), LATER);

    assertEquals(1, CoreFixture.progressOf(leader, 3).matchIndex());
    assertEquals(List.of(), events(r, CoreEvent.CommitAdvanced.class));
  }

  /** Rule 11: a follower reports the commit index it learns, with the old one. */
  @Test
  void rule11_followerCommitIsReportedWithTheOldAndNewCommitIndex() {
    RaftCore node = follower(1, 1, logOfTerms(1, 1, 1));

    Ready r = node.step(append(2, 1, 1, 3, 1, 2), LATER);

    assertEquals(List.of(new CoreEvent.CommitAdvanced(0, 2, 1)), events(r, CoreEvent.CommitAdvanced.class));
  }

  /** Rule 11: a heartbeat repeating a commit index the follower already has reports no commit. */
  @Test
  void rule11_aCommitIndexAlreadyKnownIsNotReportedAgain() {
    RaftCore node = follower(1, 1, logOfTerms(1, 1, 1));
    node.step(append(2, 1, 1, 3, 1, 2), LATER);

    Ready again = node.step(append(2, 1, 1, 3, 1, 2), LATER + 50);

    assertEquals(List.of(), events(again, CoreEvent.CommitAdvanced.class));
  }

  // ---------------------------------------------------------------------------- refusals

  /** Rule 9: a refusal is reported with the request's prevLogIndex and prevLogTerm and the hint sent back. */
  @Test
  void rule9_refusalIsReportedWithTheRequestAndTheHint() {
    RaftCore node = follower(1, 3, logOfTerms(1, 2, 2, 2));

    Ready r = node.step(append(2, 1, 3, 4, 3, 0, noop(5, 3)), LATER);

    assertEquals(List.of(new CoreEvent.AppendRefused(2, 3, AppendRejection.PREV_TERM_MISMATCH, 4, 3, 2, 2)),
        r.events());
  }

  /** Rule 12: the leader reports a back-off with the follower's old and new nextIndex. */
  @Test
  void rule12_backOffIsReportedWithTheOldAndNewNextIndex() {
    RaftCore leader = leader(stored(2, 0, logOfTerms(1, 1, 2, 2))); // term 3, log [1 1 2 2 3]

    Ready r = leader.step(nack(2, 1, 3, AppendRejection.LOG_TOO_SHORT, 4, 0, 2), LATER);

    assertEquals(List.of(new CoreEvent.NextIndexBackedOff(2, 5, 2)), r.events());
  }

  // ------------------------------------------------------------------------ turning them off

  /**
   * Events only report: a node with reporting turned off takes every decision the same way — same messages,
   * writes, replies and timers — and reports nothing.
   */
  @Test
  void eventsCanBeTurnedOffWithoutChangingWhatTheNodeDoes() {
    List<Ready> reported = run(fresh(1));
    RaftCore quiet = fresh(1);
    quiet.reportEvents(false);
    List<Ready> unreported = run(quiet);

    Function<Ready, Ready> withoutEvents = r -> new Ready(r.hardState(), r.logWrite(), r.snapshot(), r.messages(),
        r.applied(), r.replies(), List.of(), r.nextDeadline());
    assertEquals(reported.stream().map(withoutEvents).toList(), unreported);
    assertFalse(reported.stream().allMatch(r -> r.events().isEmpty()));
    assertTrue(unreported.stream().allMatch(r -> r.events().isEmpty()));
  }

  /** Elects node 1 of three, has it commit a proposal, and returns every Ready. */
  private static List<Ready> run(RaftCore node) {
    List<Ready> out = new ArrayList<>();
    out.add(campaign(node));
    out.add(node.step(grant(2, 1, 1), LATER));
    out.add(node.propose(new ClientRequest(7, 1, "SET a 1"), LATER));
    out.add(node.persisted(2, 1, LATER));
    out.add(node.step(ack(2, 1, 1, 2), LATER));
    out.add(node.step(requestVote(3, 1, 2, 0, 0), LATER));
    return out;
  }
}
