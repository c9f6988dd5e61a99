package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.ack;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.assertHardState;
import static raftsim.core.CoreFixture.campaign;
import static raftsim.core.CoreFixture.events;
import static raftsim.core.CoreFixture.follower;
import static raftsim.core.CoreFixture.fresh;
import static raftsim.core.CoreFixture.grant;
import static raftsim.core.CoreFixture.leader;
import static raftsim.core.CoreFixture.logOfTerms;
import static raftsim.core.CoreFixture.nack;
import static raftsim.core.CoreFixture.noop;
import static raftsim.core.CoreFixture.onlySent;
import static raftsim.core.CoreFixture.progressOf;
import static raftsim.core.CoreFixture.refuse;
import static raftsim.core.CoreFixture.requestVote;
import static raftsim.core.CoreFixture.sent;
import static raftsim.core.CoreFixture.stored;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Terms and roles, §5.1 (RAFT-CHECKLIST rules 1–3). */
class TermRulesTest {

  // ------------------------------------------------------------- rule 1: a higher term wins

  /** §5.1: a request of a higher term deposes a leader, clears its vote, and the new term is persisted. */
  @Test
  void rule1_higherTermInRequestMakesLeaderFollowerAndClearsVote() {
    RaftCore leader = leader(PersistentState.EMPTY); // term 1, voted for itself, log [1:t1]
    assertEquals(1, leader.votedFor());

    // Candidate 3's log is behind (empty), so it gets no vote — but its term is adopted all the same.
    Ready r = leader.step(requestVote(3, 1, 5, 0, 0), LATER);

    assertEquals(Role.FOLLOWER, leader.role());
    assertEquals(5, leader.currentTerm());
    assertEquals(HardState.NO_VOTE, leader.votedFor());
    assertHardState(r, 5, HardState.NO_VOTE);
    RequestVoteReply reply = onlySent(r, RequestVoteReply.class);
    assertEquals(5, reply.term());
    assertFalse(reply.granted());
    assertTrue(leader.progress().isEmpty(), "a follower keeps no replication progress");
  }

  /** §5.1: a reply carrying a higher term deposes a leader just as a request does. */
  @Test
  void rule1_higherTermInAppendEntriesReplyMakesLeaderFollower() {
    RaftCore leader = leader(PersistentState.EMPTY); // term 1

    Ready r = leader.step(nack(2, 1, 4, AppendRejection.STALE_TERM, 0, 0, 0), LATER);

    assertEquals(Role.FOLLOWER, leader.role());
    assertEquals(4, leader.currentTerm());
    assertEquals(HardState.NO_VOTE, leader.votedFor());
    assertHardState(r, 4, HardState.NO_VOTE);
    assertTrue(sent(r, AppendEntries.class).isEmpty(), "a deposed leader sends no more AppendEntries");
  }

  /** §5.1: a vote reply carrying a higher term makes a candidate a follower of that term. */
  @Test
  void rule1_higherTermInVoteReplyMakesCandidateFollower() {
    RaftCore candidate = fresh(1);
    campaign(candidate); // term 1, voted for itself

    Ready r = candidate.step(refuse(2, 1, 3, VoteRefusal.STALE_TERM), LATER);

    assertEquals(Role.FOLLOWER, candidate.role());
    assertEquals(3, candidate.currentTerm());
    assertEquals(HardState.NO_VOTE, candidate.votedFor());
    assertHardState(r, 3, HardState.NO_VOTE);
  }

  /**
   * §5.1: the term is adopted (and the old vote forgotten) *before* the message is handled, so a node
   * that voted in term 2 may vote again for a candidate of term 3 — in the same Ready, persisted together.
   */
  @Test
  void rule1_higherTermIsAdoptedBeforeTheMessageIsHandled() {
    RaftCore node = fresh(1);
    node.step(requestVote(2, 1, 2, 0, 0), 10);
    assertEquals(2, node.votedFor());

    Ready r = node.step(requestVote(3, 1, 3, 0, 0), 20);

    assertTrue(onlySent(r, RequestVoteReply.class).granted());
    assertEquals(3, node.currentTerm());
    assertHardState(r, 3, 3);
    assertEquals(1, events(r, CoreEvent.TermAdopted.class).size());
  }

  /** Commonly missed: votedFor must not be cleared when the term does not change. */
  @Test
  void rule1_voteIsKeptWhenTheTermDoesNotChange() {
    RaftCore node = fresh(1);
    node.step(requestVote(2, 1, 3, 0, 0), 10); // votes for 2 in term 3

    Ready heartbeat = node.step(append(2, 1, 3, 0, 0, 0), 20); // 2 won; its heartbeat, same term

    assertEquals(2, node.votedFor());
    assertNull(heartbeat.hardState(), "nothing durable changed");
    Ready second = node.step(requestVote(3, 1, 3, 0, 0), 30);
    assertEquals(VoteRefusal.ALREADY_VOTED, onlySent(second, RequestVoteReply.class).refusal());
  }

  // ------------------------------------------------------- rule 2: a lower term is refused or ignored

  /** §5.1: a RequestVote of an older term is refused, and the reply tells the candidate the current term. */
  @Test
  void rule2_staleRequestVoteIsRefusedWithTheCurrentTerm() {
    RaftCore node = follower(1, 5, List.of());

    Ready r = node.step(requestVote(2, 1, 3, 9, 3), LATER);

    RequestVoteReply reply = onlySent(r, RequestVoteReply.class);
    assertFalse(reply.granted());
    assertEquals(VoteRefusal.STALE_TERM, reply.refusal());
    assertEquals(5, reply.term());
    assertEquals(5, node.currentTerm());
    assertEquals(HardState.NO_VOTE, node.votedFor());
    assertNull(r.hardState());
  }

  /** §5.1: an AppendEntries of an older term is refused with the current term and changes nothing. */
  @Test
  void rule2_staleAppendEntriesIsRefusedWithTheCurrentTerm() {
    RaftCore node = follower(1, 5, logOfTerms(1, 1));

    Ready r = node.step(append(2, 1, 3, 2, 1, 3, noop(3, 3)), LATER);

    AppendEntriesReply reply = onlySent(r, AppendEntriesReply.class);
    assertFalse(reply.success());
    assertEquals(AppendRejection.STALE_TERM, reply.rejection());
    assertEquals(5, reply.term());
    assertNull(r.logWrite());
    assertEquals(2, node.log().lastIndex());
    assertEquals(0, node.commitIndex(), "a stale leader's commit index is not learned");
    assertEquals(0, node.leaderId(), "a stale leader is not recognised");
  }

  /** Rule 6 / §5.1: a grant from an earlier election of this candidate is not counted. */
  @Test
  void rule2_staleVoteReplyIsNotCounted() {
    RaftCore candidate = fresh(1);
    campaign(candidate); // term 1
    campaign(candidate); // timed out: term 2
    assertEquals(2, candidate.currentTerm());

    Ready r = candidate.step(grant(2, 1, 1), LATER);

    assertEquals(Role.CANDIDATE, candidate.role(), "a term-1 vote must not elect a term-2 candidate");
    assertEquals(IgnoreReason.STALE_REPLY, events(r, CoreEvent.Ignored.class).get(0).reason());
    // Node 2 has not answered for term 2 yet, so its current vote still counts.
    candidate.step(grant(2, 1, 2), LATER);
    assertEquals(Role.LEADER, candidate.role());
  }

  /** §5.1: an AppendEntries reply of an older term moves neither matchIndex nor nextIndex. */
  @Test
  void rule2_staleAppendEntriesReplyMovesNothing() {
    RaftCore leader = leader(stored(1, 0, logOfTerms(1))); // term 2, log [1:t1, 2:t2(no-op)]
    ProgressView before = progressOf(leader, 2);
    long next = before.nextIndex();
    long match = before.matchIndex();

    Ready success = leader.step(ack(2, 1, 1, 2), LATER);
    Ready refusal = leader.step(nack(2, 1, 1, AppendRejection.LOG_TOO_SHORT, next - 1, 0, 1), LATER);

    for (Ready r : List.of(success, refusal)) {
      assertEquals(IgnoreReason.STALE_REPLY, events(r, CoreEvent.Ignored.class).get(0).reason());
      assertTrue(r.messages().isEmpty());
    }
    assertEquals(match, progressOf(leader, 2).matchIndex());
    assertEquals(next, progressOf(leader, 2).nextIndex());
    assertEquals(0, leader.commitIndex());
  }

  /**
   * §5.1, rule 2 ("a reply to a request of an old term must not move nextIndex"): a STALE_TERM refusal
   * that carries the leader's *own* current term can only answer an AppendEntries the node sent in an
   * earlier term (the follower's term was already above that request's term, and equals the leader's
   * term now). It says nothing about where the logs diverge, so it must not move nextIndex.
   *
   * <p>How it happens: node 1 leads term 2 and sends AppendEntries(prev=1); the message is delayed.
   * Node 1 then wins term 4; node 2 adopted term 4 from its RequestVote. The delayed term-2 request
   * finally reaches node 2, which refuses it with STALE_TERM and its term, 4.
   */
  @Test
  void rule2_staleTermRefusalAnsweringAnOlderTermsRequestDoesNotMoveNextIndex() {
    RaftCore leader = leader(stored(3, 0, logOfTerms(1, 2))); // term 4, log [1:t1, 2:t2, 3:t4]
    assertEquals(4, leader.currentTerm());
    long next = progressOf(leader, 2).nextIndex();
    assertEquals(3, next);

    Ready r = leader.step(nack(2, 1, 4, AppendRejection.STALE_TERM, next - 1, 0, 0), LATER);

    assertEquals(next, progressOf(leader, 2).nextIndex(), "a term refusal is not a log-mismatch hint");
    assertTrue(events(r, CoreEvent.NextIndexBackedOff.class).isEmpty());
    assertTrue(sent(r, AppendEntries.class).isEmpty());
  }

  // ----------------------------------------------------- rule 3: a candidate yields to its term's leader

  /** §5.2: a candidate that hears AppendEntries from a leader of its own term becomes its follower. */
  @Test
  void rule3_candidateStepsDownOnAppendEntriesOfItsOwnTerm() {
    RaftCore candidate = fresh(1);
    campaign(candidate); // term 1

    Ready r = candidate.step(append(2, 1, 1, 0, 0, 0), LATER);

    assertEquals(Role.FOLLOWER, candidate.role());
    assertEquals(1, candidate.currentTerm());
    assertEquals(2, candidate.leaderId());
    assertEquals(1, candidate.votedFor(), "its own vote in term 1 stands");
    assertTrue(onlySent(r, AppendEntriesReply.class).success());
    CoreEvent.RoleChanged change = events(r, CoreEvent.RoleChanged.class).get(0);
    assertEquals(Role.CANDIDATE, change.from());
    assertEquals(Role.FOLLOWER, change.to());
  }
}
