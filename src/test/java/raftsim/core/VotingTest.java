package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.FIVE;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.THREE;
import static raftsim.core.CoreFixture.assertHardState;
import static raftsim.core.CoreFixture.campaign;
import static raftsim.core.CoreFixture.events;
import static raftsim.core.CoreFixture.follower;
import static raftsim.core.CoreFixture.fresh;
import static raftsim.core.CoreFixture.grant;
import static raftsim.core.CoreFixture.logOfTerms;
import static raftsim.core.CoreFixture.onlySent;
import static raftsim.core.CoreFixture.refuse;
import static raftsim.core.CoreFixture.requestVote;
import static raftsim.core.CoreFixture.sent;
import static raftsim.core.CoreFixture.sentTo;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Voting and winning, §5.2 and §5.4.1 (RAFT-CHECKLIST rules 5, 6, 8 and the vote half of rule 16). */
class VotingTest {

  private static RequestVoteReply answer(RaftCore voter, RequestVote rv) {
    return onlySent(voter.step(rv, LATER), RequestVoteReply.class);
  }

  // ------------------------------------------------------------- rule 5: whether to grant a vote

  /** §5.1: a candidate of an older term gets STALE_TERM, however good its log. */
  @Test
  void rule5_refusesACandidateOfAnOlderTerm() {
    RaftCore voter = follower(1, 4, logOfTerms(1));

    RequestVoteReply reply = answer(voter, requestVote(2, 1, 3, 10, 3));

    assertFalse(reply.granted());
    assertEquals(VoteRefusal.STALE_TERM, reply.refusal());
    assertEquals(HardState.NO_VOTE, voter.votedFor());
  }

  /** §5.2: at most one vote per term — a second candidate of the same term gets ALREADY_VOTED. */
  @Test
  void rule5_refusesASecondCandidateOfTheSameTerm() {
    RaftCore voter = fresh(1);
    assertTrue(answer(voter, requestVote(2, 1, 1, 0, 0)).granted());

    RequestVoteReply reply = answer(voter, requestVote(3, 1, 1, 5, 1));

    assertEquals(VoteRefusal.ALREADY_VOTED, reply.refusal());
    assertEquals(2, voter.votedFor());
  }

  /** §5.4.1: a lower last term loses even with a longer log. */
  @Test
  void rule5_refusesACandidateWhoseLastTermIsLower() {
    RaftCore voter = follower(1, 3, logOfTerms(1, 3));

    RequestVoteReply reply = answer(voter, requestVote(2, 1, 4, 9, 2));

    assertEquals(VoteRefusal.CANDIDATE_LOG_BEHIND, reply.refusal());
    assertEquals(HardState.NO_VOTE, voter.votedFor());
  }

  /** §5.4.1: with the same last term, the shorter log loses. */
  @Test
  void rule5_refusesACandidateWithTheSameLastTermButAShorterLog() {
    RaftCore voter = follower(1, 2, logOfTerms(1, 2, 2));

    Ready r = voter.step(requestVote(2, 1, 3, 2, 2), LATER);

    assertEquals(VoteRefusal.CANDIDATE_LOG_BEHIND, onlySent(r, RequestVoteReply.class).refusal());
    CoreEvent.VoteRefused why = events(r, CoreEvent.VoteRefused.class).get(0);
    assertEquals(2, why.ownLastTerm());
    assertEquals(3, why.ownLastIndex());
  }

  /** §5.4.1: "at least as up to date" — an equal log gets the vote. */
  @Test
  void rule5_grantsACandidateWithAnEqualLog() {
    RaftCore voter = follower(1, 2, logOfTerms(1, 2, 2));

    RequestVoteReply reply = answer(voter, requestVote(2, 1, 3, 3, 2));

    assertTrue(reply.granted());
    assertNull(reply.refusal());
    assertEquals(2, voter.votedFor());
  }

  /** §5.4.1: a higher last term wins even with a shorter log. */
  @Test
  void rule5_grantsACandidateWithAHigherLastTermAndAShorterLog() {
    RaftCore voter = follower(1, 2, logOfTerms(1, 2, 2, 2));

    assertTrue(answer(voter, requestVote(2, 1, 4, 2, 3)).granted());
  }

  /** §5.2: a repeated RequestVote from the candidate already voted for is granted again (its reply may have been lost). */
  @Test
  void rule5_grantsAgainToTheSameCandidate() {
    RaftCore voter = fresh(1);
    assertTrue(answer(voter, requestVote(2, 1, 1, 0, 0)).granted());

    Ready again = voter.step(requestVote(2, 1, 1, 0, 0), LATER + 1);

    assertTrue(onlySent(again, RequestVoteReply.class).granted());
    assertEquals(2, voter.votedFor());
  }

  /** Rule 16, Figure 2: the grant leaves in the same Ready as the hard state that records the vote. */
  @Test
  void rule16_voteReplyTravelsWithTheHardStateRecordingIt() {
    RaftCore voter = follower(1, 2, List.of());

    Ready r = voter.step(requestVote(3, 1, 2, 0, 0), LATER);

    assertTrue(onlySent(r, RequestVoteReply.class).granted());
    assertHardState(r, 2, 3);
    assertTrue(r.mustPersist());
  }

  /** Rule 16: a candidate's own vote and new term are persisted in the Ready that sends its RequestVotes. */
  @Test
  void rule16_candidatePersistsItsTermAndSelfVoteWithItsRequests() {
    RaftCore node = follower(1, 6, logOfTerms(1, 6));

    Ready r = campaign(node);

    assertHardState(r, 7, 1);
    List<RequestVote> requests = sent(r, RequestVote.class);
    assertEquals(2, requests.size());
    for (RequestVote rv : requests) {
      assertEquals(7, rv.term());
      assertEquals(2, rv.lastLogIndex());
      assertEquals(6, rv.lastLogTerm());
    }
  }

  // ------------------------------------------------------------- rule 6: counting votes

  /** Rule 6: a voter's grant counts once, however often it arrives. */
  @Test
  void rule6_eachVoterIsCountedOnce() {
    RaftCore candidate = CoreFixture.node(1, FIVE, PersistentState.EMPTY, 0);
    campaign(candidate); // needs 3 of 5: itself and two more

    candidate.step(grant(2, 1, 1), LATER);
    Ready duplicate = candidate.step(grant(2, 1, 1), LATER);

    assertEquals(Role.CANDIDATE, candidate.role());
    assertEquals(IgnoreReason.DUPLICATE_VOTE, events(duplicate, CoreEvent.Ignored.class).get(0).reason());
    candidate.step(grant(3, 1, 1), LATER);
    assertEquals(Role.LEADER, candidate.role());
  }

  /** Rule 6: a refusal is an answer, not a vote. */
  @Test
  void rule6_aRefusalIsNotCountedAsAVote() {
    RaftCore candidate = fresh(1);
    campaign(candidate);

    candidate.step(refuse(2, 1, 1, VoteRefusal.CANDIDATE_LOG_BEHIND), LATER);

    assertEquals(Role.CANDIDATE, candidate.role());
  }

  /**
   * Rule 6 with rule 2: a STALE_TERM refusal that carries the candidate's current term answers the
   * RequestVote of the candidate's *previous* election (the voter had already moved to the new term), so it
   * is not the voter's answer in this election. The voter's real answer, a grant, must still count.
   *
   * <p>How it happens: node 1 campaigns in term 1; its RequestVote to node 2 is delayed. Node 1 times out
   * and campaigns in term 2; node 2 gets the term-2 request first and grants it, then gets the delayed
   * term-1 request and refuses it as stale with its term, 2. The refusal overtakes the grant on the way back.
   */
  @Test
  void rule6_refusalOfThePreviousElectionsRequestDoesNotUseUpTheVotersAnswer() {
    RaftCore candidate = fresh(1);
    campaign(candidate); // term 1
    campaign(candidate); // term 2
    assertEquals(2, candidate.currentTerm());

    candidate.step(refuse(2, 1, 2, VoteRefusal.STALE_TERM), LATER);
    candidate.step(grant(2, 1, 2), LATER);

    assertEquals(Role.LEADER, candidate.role(), "node 2 granted its term-2 vote; with its own that is 2 of 3");
  }

  /** Rule 6: each election is counted afresh: the next one asks every voter again and counts its answer. */
  @Test
  void rule6_aNewElectionAsksAndCountsEveryVoterAgain() {
    RaftCore candidate = CoreFixture.node(1, FIVE, PersistentState.EMPTY, 0);
    campaign(candidate); // term 1
    candidate.step(refuse(2, 1, 1, VoteRefusal.ALREADY_VOTED), candidate.electionDeadline() - 1);

    Ready again = campaign(candidate); // term 2

    assertEquals(List.of(2, 3, 4, 5), sent(again, RequestVote.class).stream().map(RequestVote::to).toList());
    candidate.step(grant(2, 1, 2), candidate.electionDeadline() - 1);
    candidate.step(grant(3, 1, 2), candidate.electionDeadline() - 1);
    assertEquals(Role.LEADER, candidate.role(), "node 2's grant in term 2 counts, with node 3's and its own");
  }

  /** §5.2: a majority of grants makes the candidate leader, which claims the term. */
  @Test
  void rule6_majorityOfVotesWins() {
    RaftCore candidate = CoreFixture.node(1, FIVE, PersistentState.EMPTY, 0);
    campaign(candidate);

    candidate.step(grant(4, 1, 1), LATER);
    assertEquals(Role.CANDIDATE, candidate.role(), "2 of 5 is no majority");
    candidate.step(refuse(2, 1, 1, VoteRefusal.ALREADY_VOTED), LATER);
    candidate.step(grant(5, 1, 1), LATER);

    assertEquals(Role.LEADER, candidate.role());
    assertEquals(1, candidate.leaderId());
    assertEquals(1, candidate.currentTerm());
  }

  /**
   * §5.2: in a cluster of one, the node's own vote is a majority: it leads at its first timeout — once
   * that vote is durable (rule 16), for which it asks nobody.
   */
  @Test
  void rule6_singleNodeClusterElectsItself() {
    RaftCore solo = CoreFixture.node(1, List.of(1), PersistentState.EMPTY, 0);

    Ready r = campaign(solo);
    assertEquals(new HardState(1, 1), r.hardState());
    assertTrue(r.messages().isEmpty());
    Ready durable = solo.hardStatePersisted(1, 1, solo.electionDeadline());

    assertEquals(Role.LEADER, solo.role());
    assertEquals(1, solo.currentTerm());
    assertEquals(1, durable.logWrite().entries().size(), "its no-op");
  }

  /**
   * Rule 16 (and "counting the leader's own vote before it is durable"): the only voter of its
   * configuration does not take office on its own vote until that vote is durable. Were it leader at
   * once, a crash before the write could take the vote back; restarted in the term before, it could
   * vote again in that term for another candidate — here node 2, a server its configuration removed,
   * which may stand while it does not know its removal committed — and two leaders of one term would
   * have been elected. A report of another term, or of no vote of its own, changes nothing.
   */
  @Test
  void rule16_aSingleVoterTakesOfficeOnlyOnceItsVoteIsDurable() {
    RaftCore solo = CoreFixture.node(1, List.of(1), PersistentState.EMPTY, 0);
    long t = solo.electionDeadline();

    solo.tick(t);
    assertEquals(Role.CANDIDATE, solo.role(), "its vote is not durable yet");
    solo.hardStatePersisted(0, HardState.NO_VOTE, t); // an older write
    solo.hardStatePersisted(1, 2, t); // not its own vote
    assertEquals(Role.CANDIDATE, solo.role());
    solo.tick(t + 1);
    assertEquals(Role.CANDIDATE, solo.role(), "nor does time alone make it leader");

    solo.hardStatePersisted(1, 1, t + 2);
    assertEquals(Role.LEADER, solo.role());
  }

  // ------------------------------------------------------------- rule 8: the new leader's no-op

  /** Diss. §6.4: a new leader appends a no-op of its own term at once and sends it to every follower. */
  @Test
  void rule8_newLeaderAppendsANoOpOfItsTermAndSendsIt() {
    RaftCore candidate = CoreFixture.node(1, THREE, CoreFixture.stored(2, 0, logOfTerms(1, 2)), 0);
    campaign(candidate); // term 3

    Ready won = candidate.step(grant(2, 1, 3), LATER);

    LogEntry noop = candidate.log().entry(3);
    assertEquals(3, candidate.log().lastIndex());
    assertEquals(3, noop.term());
    assertTrue(noop.payload() instanceof Payload.NoOp);
    assertEquals(new LogWrite(3, List.of(noop)), won.logWrite());
    for (int follower : List.of(2, 3)) {
      AppendEntries ae = sentTo(won, AppendEntries.class, follower);
      assertEquals(3, ae.term());
      assertEquals(2, ae.prevLogIndex());
      assertEquals(2, ae.prevLogTerm());
      assertEquals(List.of(noop), ae.entries());
    }
  }

  /** Figure 2 (retry an RPC that failed): a candidate asks again, every heartbeat, only the voters that have not answered. */
  @Test
  void candidateRetriesRequestVoteToUnansweredVotersOnly() {
    RaftCore candidate = CoreFixture.node(1, FIVE, PersistentState.EMPTY, 0);
    Ready first = campaign(candidate);
    assertEquals(4, sent(first, RequestVote.class).size());
    candidate.step(refuse(2, 1, 1, VoteRefusal.CANDIDATE_LOG_BEHIND), first.nextDeadline() - 1);
    candidate.step(grant(3, 1, 1), first.nextDeadline() - 1);

    Ready retry = candidate.tick(first.nextDeadline());

    assertEquals(Role.CANDIDATE, candidate.role());
    assertEquals(1, candidate.currentTerm(), "a retry is not a new election");
    assertEquals(java.util.List.of(4, 5), sent(retry, RequestVote.class).stream().map(RequestVote::to).toList());
    assertEquals(first.nextDeadline() + CoreFixture.CONFIG.heartbeatMs(), retry.nextDeadline());
  }
}
