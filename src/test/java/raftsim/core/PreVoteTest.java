package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.CONFIG;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.THREE;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.assertIgnoredOnly;
import static raftsim.core.CoreFixture.events;
import static raftsim.core.CoreFixture.get;
import static raftsim.core.CoreFixture.logOfTerms;
import static raftsim.core.CoreFixture.onlySent;
import static raftsim.core.CoreFixture.sent;
import static raftsim.core.CoreFixture.stored;

import java.util.List;
import org.junit.jupiter.api.Test;
import raftsim.kv.KvStore;

/**
 * PreVote (Raft dissertation §9.6): a node asks whether it could win before it raises its term, and a
 * voter that hears from a current leader says no — so a node returning from a partition cannot depose
 * a healthy leader.
 */
class PreVoteTest {
  private static final RaftConfig PRE_VOTE = CONFIG.withPreVote(true);

  /** A member of {1, 2, 3} with PreVote, in {@code term} with the given log. */
  private static RaftCore node(int id, long term, List<LogEntry> log) {
    return CoreFixture.node(id, THREE, PRE_VOTE, stored(term, HardState.NO_VOTE, log), new KvStore(), 0);
  }

  private static PreVote preVote(int from, int to, long term, long lastLogIndex, long lastLogTerm) {
    return new PreVote(from, to, term, lastLogIndex, lastLogTerm);
  }

  /** Diss. §9.6: the election timer asks for pre-votes in term + 1, and changes no persistent state. */
  @Test
  void electionTimeoutAsksForPreVotesWithoutRaisingTheTerm() {
    RaftCore n = node(1, 4, logOfTerms(1, 4));

    Ready r = n.tick(n.electionDeadline());

    assertEquals(4, n.currentTerm(), "the term waits until a majority would vote");
    assertEquals(Role.FOLLOWER, n.role());
    assertNull(r.hardState(), "nothing to persist: no term, no vote");
    assertTrue(sent(r, RequestVote.class).isEmpty());
    List<PreVote> asked = sent(r, PreVote.class);
    assertEquals(2, asked.size());
    for (PreVote pv : asked) {
      assertEquals(5, pv.term());
      assertEquals(2, pv.lastLogIndex());
      assertEquals(4, pv.lastLogTerm());
    }
    assertEquals(1, events(r, CoreEvent.PreVoteStarted.class).size());
  }

  /** Diss. §9.6: a node cut off from everyone times out again and again, and its term never climbs. */
  @Test
  void aNodeCutOffNeverRaisesItsTerm() {
    RaftCore n = node(1, 2, logOfTerms(1, 2));

    for (int i = 0; i < 50; i++) {
      n.tick(n.nextDeadline());
    }

    assertEquals(2, n.currentTerm());
    assertEquals(HardState.NO_VOTE, n.votedFor());
    assertEquals(Role.FOLLOWER, n.role());
  }

  /** Diss. §9.6: with a majority of pre-votes (its own and one more of three) it stands, in term + 1 exactly. */
  @Test
  void standsForElectionOnceAMajorityWouldVote() {
    RaftCore n = node(1, 4, logOfTerms(1, 4));
    long now = n.electionDeadline();
    n.tick(now);

    Ready r = n.step(PreVoteReply.grant(2, 1, 5), now + 1);

    assertEquals(Role.CANDIDATE, n.role());
    assertEquals(5, n.currentTerm(), "a grant carries the term asked about; it is not adopted before standing");
    assertEquals(1, n.votedFor());
    assertEquals(2, sent(r, RequestVote.class).size());
    assertEquals(new HardState(5, 1), r.hardState());
  }

  /** Diss. §9.6: refusals leave it a follower in its own term, until its next timeout. */
  @Test
  void refusalsLeaveItAFollower() {
    RaftCore n = node(1, 4, logOfTerms(1, 4));
    long now = n.electionDeadline();
    n.tick(now);

    n.step(PreVoteReply.refuse(2, 1, 4, VoteRefusal.LEADER_HEARD), now + 1);
    n.step(PreVoteReply.refuse(3, 1, 4, VoteRefusal.CANDIDATE_LOG_BEHIND), now + 2);

    assertEquals(Role.FOLLOWER, n.role());
    assertEquals(4, n.currentTerm());
  }

  /** §5.1 still holds: a refusal that carries a higher term makes the node a follower of that term. */
  @Test
  void aRefusalWithAHigherTermIsAdopted() {
    RaftCore n = node(1, 4, logOfTerms(1, 4));
    long now = n.electionDeadline();
    n.tick(now);

    Ready r = n.step(PreVoteReply.refuse(2, 1, 7, VoteRefusal.STALE_TERM), now + 1);

    assertEquals(7, n.currentTerm());
    assertEquals(new HardState(7, HardState.NO_VOTE), r.hardState());
  }

  /**
   * Diss. §9.6: a voter that heard from its leader within the minimum election timeout refuses, and
   * keeps its term: the rejoining node cannot depose that leader.
   */
  @Test
  void aVoterThatHeardItsLeaderRefuses() {
    RaftCore voter = node(2, 3, logOfTerms(1, 3));
    voter.step(append(3, 2, 3, 2, 3, 0), 1000); // leader 3 of term 3

    Ready r = voter.step(preVote(1, 2, 4, 2, 3), 1000 + CONFIG.electionTimeoutMinMs() - 1);

    PreVoteReply reply = onlySent(r, PreVoteReply.class);
    assertFalse(reply.granted());
    assertEquals(VoteRefusal.LEADER_HEARD, reply.refusal());
    assertEquals(3, reply.term());
    assertEquals(3, voter.currentTerm());
    assertEquals(3, voter.leaderId());
    assertNull(r.hardState());
  }

  /** Diss. §9.6: once the leader has been silent for the minimum election timeout, the voter grants — and changes nothing. */
  @Test
  void aVoterGrantsOnceItsLeaderIsSilentAndChangesNothing() {
    RaftCore voter = node(2, 3, logOfTerms(1, 3));
    voter.step(append(3, 2, 3, 2, 3, 0), 1000);
    long deadline = voter.electionDeadline();

    Ready r = voter.step(preVote(1, 2, 4, 2, 3), 1000 + CONFIG.electionTimeoutMinMs());

    PreVoteReply reply = onlySent(r, PreVoteReply.class);
    assertTrue(reply.granted());
    assertEquals(4, reply.term(), "the grant names the term asked about");
    assertEquals(3, voter.currentTerm(), "no term adopted");
    assertEquals(HardState.NO_VOTE, voter.votedFor(), "no vote cast");
    assertEquals(deadline, voter.electionDeadline(), "no timer reset");
    assertNull(r.hardState());
  }

  /** §5.4.1 applies to pre-votes too: a candidate whose log is behind is refused. */
  @Test
  void aVoterRefusesALogThatIsBehind() {
    RaftCore voter = node(2, 3, logOfTerms(1, 3, 3));

    PreVoteReply reply = onlySent(voter.step(preVote(1, 2, 4, 2, 3), 10_000), PreVoteReply.class);

    assertEquals(VoteRefusal.CANDIDATE_LOG_BEHIND, reply.refusal());
  }

  /**
   * Diss. §9.6: a candidate whose election fails (a split vote) asks for pre-votes again rather than
   * raising its term once more — or a node cut off right after its pre-votes would climb for ever.
   */
  @Test
  void aCandidateWhoseElectionFailsAsksAgainFirst() {
    RaftCore n = node(1, 4, logOfTerms(1, 4));
    long now = n.electionDeadline();
    n.tick(now);
    n.step(PreVoteReply.grant(2, 1, 5), now);
    assertEquals(Role.CANDIDATE, n.role());

    Ready r = n.tick(n.electionDeadline());

    assertEquals(Role.FOLLOWER, n.role());
    assertEquals(5, n.currentTerm());
    assertEquals(2, sent(r, PreVote.class).size());
    assertTrue(sent(r, RequestVote.class).isEmpty());
  }

  /** A leader's AppendEntries ends the asking: its later grants count for nothing. */
  @Test
  void hearingFromALeaderEndsTheAsking() {
    RaftCore n = node(1, 4, logOfTerms(1, 4));
    long now = n.electionDeadline();
    n.tick(now);
    n.step(append(2, 1, 4, 2, 4, 0), now + 1);

    Ready r = n.step(PreVoteReply.grant(3, 1, 5), now + 2);

    assertEquals(Role.FOLLOWER, n.role());
    assertEquals(4, n.currentTerm());
    assertEquals(IgnoreReason.NOT_CANDIDATE, events(r, CoreEvent.Ignored.class).get(0).reason());
  }

  /** Unanswered pre-votes are asked again every heartbeat interval, like votes. */
  @Test
  void unansweredPreVotesAreAskedAgain() {
    RaftCore n = node(1, 4, logOfTerms(1, 4));
    long now = n.electionDeadline();
    n.tick(now);
    n.step(PreVoteReply.refuse(2, 1, 4, VoteRefusal.CANDIDATE_LOG_BEHIND), now);

    Ready r = n.tick(now + CONFIG.heartbeatMs());

    assertEquals(List.of(3), sent(r, PreVote.class).stream().map(PreVote::to).toList());
  }

  // ------------------------------------------------------------------ the asking side, in detail

  /** A node of {1, 2, 3} with PreVote, in {@code term}, having voted for {@code votedFor} in it. */
  private static RaftCore voted(int id, long term, int votedFor, List<LogEntry> log) {
    return CoreFixture.node(id, THREE, PRE_VOTE, stored(term, votedFor, log), new KvStore(), 0);
  }

  /** Diss. §9.6: the round is reported with the term it asks about (currentTerm + 1) and the log it offers. */
  @Test
  void thePreVoteRoundIsReportedWithTheTermItAsksAbout() {
    RaftCore n = node(1, 4, logOfTerms(1, 4));

    Ready r = n.tick(n.electionDeadline());

    assertEquals(List.of(new CoreEvent.PreVoteStarted(5, 2, 4)), events(r, CoreEvent.PreVoteStarted.class));
  }

  /**
   * Diss. §9.6, §6.2: a node whose timer fired asks for pre-votes because it no longer hears its leader: it
   * stops naming that leader, and a read it had forwarded there is answered NotLeader at once.
   */
  @Test
  void askingForPreVotesForgetsTheLeaderAndItsForwardedReads() {
    RaftCore n = node(1, 1, logOfTerms(1));
    n.step(append(2, 1, 1, 1, 1, 0), 10);
    assertEquals(2, n.leaderId());
    Ready forwarded = n.read(get(7, 1, "x"), 20);
    assertEquals(1, sent(forwarded, ReadIndex.class).size());

    Ready r = n.tick(n.electionDeadline());

    assertEquals(0, n.leaderId());
    assertEquals(List.of(new ClientReply.NotLeader(7, 1, 0)), r.replies());
  }

  /** Diss. §9.6: with PreVote, the only voter of a configuration needs nobody's word: it stands at once. */
  @Test
  void theOnlyVoterStandsAtOnce() {
    RaftCore solo = CoreFixture.node(1, List.of(1), PRE_VOTE, PersistentState.EMPTY, new KvStore(), 0);
    long t = solo.electionDeadline();

    Ready r = solo.tick(t);

    assertEquals(Role.CANDIDATE, solo.role());
    assertEquals(1, solo.currentTerm());
    assertEquals(1, events(r, CoreEvent.ElectionStarted.class).size());
    solo.hardStatePersisted(1, 1, t);
    assertEquals(Role.LEADER, solo.role(), "elected once its vote is durable (rule 16)");
  }

  /** Diss. §9.6: unanswered voters are asked again after a heartbeat interval, not before; answered ones are not. */
  @Test
  void unansweredVotersAreAskedAgainAfterAHeartbeat() {
    RaftCore n = node(1, 4, logOfTerms(1, 4));
    long t = n.electionDeadline();
    n.tick(t);
    n.step(PreVoteReply.refuse(2, 1, 4, VoteRefusal.LEADER_HEARD), t + 1);
    long heartbeat = CONFIG.heartbeatMs();

    assertEquals(t + heartbeat, n.nextDeadline());
    assertTrue(sent(n.tick(t + heartbeat - 1), PreVote.class).isEmpty(), "not yet");
    List<PreVote> again = sent(n.tick(t + heartbeat), PreVote.class);
    assertEquals(1, again.size());
    assertEquals(3, again.get(0).to(), "only the voter that has not answered");
  }

  /** Diss. §9.6: each pre-vote round starts afresh: a voter that refused in the last round is asked again. */
  @Test
  void aNewRoundAsksEveryVoterAgain() {
    RaftCore n = node(1, 4, logOfTerms(1, 4));
    long t = n.electionDeadline();
    n.tick(t);
    n.step(PreVoteReply.refuse(2, 1, 4, VoteRefusal.LEADER_HEARD), t + 1);
    n.step(PreVoteReply.refuse(3, 1, 4, VoteRefusal.LEADER_HEARD), t + 1);

    Ready second = n.tick(n.electionDeadline());

    assertEquals(2, sent(second, PreVote.class).size());
    n.step(PreVoteReply.grant(2, 1, 5), n.electionDeadline() - 1);
    assertEquals(Role.CANDIDATE, n.role(), "2's grant in the new round counts");
  }

  /** Diss. §9.6: each answer is counted and reported with the votes so far and the votes needed. */
  @Test
  void eachAnswerIsCountedAndReported() {
    RaftCore n = node(1, 4, logOfTerms(1, 4));
    long t = n.electionDeadline();
    n.tick(t);

    Ready r = n.step(PreVoteReply.refuse(2, 1, 4, VoteRefusal.LEADER_HEARD), t + 1);

    assertEquals(List.of(new CoreEvent.PreVoteCounted(2, 5, false, 1, 2)), r.events());
    assertEquals(Role.FOLLOWER, n.role());
  }

  /** Diss. §9.6: answers that do not belong to the round, or come twice, are ignored and reported as such. */
  @Test
  void strayPreVoteAnswersAreIgnored() {
    RaftCore n = node(1, 4, logOfTerms(1, 4));
    long t = n.electionDeadline();
    n.tick(t);
    n.step(PreVoteReply.refuse(2, 1, 4, VoteRefusal.LEADER_HEARD), t + 1);

    assertIgnoredOnly(n.step(PreVoteReply.grant(3, 1, 6), t + 2), IgnoreReason.STALE_REPLY);
    assertIgnoredOnly(n.step(PreVoteReply.refuse(3, 1, 4, VoteRefusal.STALE_TERM), t + 2), IgnoreReason.STALE_REPLY);
    assertIgnoredOnly(n.step(PreVoteReply.grant(4, 1, 5), t + 2), IgnoreReason.NOT_A_VOTER);
    assertIgnoredOnly(n.step(PreVoteReply.refuse(2, 1, 4, VoteRefusal.LEADER_HEARD), t + 2),
        IgnoreReason.DUPLICATE_VOTE);
    assertEquals(Role.FOLLOWER, n.role());
  }

  /** Diss. §9.6: once the node stands for election the pre-vote round is over; a late grant is not counted. */
  @Test
  void aLateGrantAfterStandingIsIgnored() {
    RaftCore n = node(1, 4, logOfTerms(1, 4));
    long t = n.electionDeadline();
    n.tick(t);
    n.step(PreVoteReply.grant(2, 1, 5), t + 1);
    assertEquals(Role.CANDIDATE, n.role());

    assertIgnoredOnly(n.step(PreVoteReply.grant(3, 1, 5), t + 2), IgnoreReason.NOT_CANDIDATE);
  }

  /** Diss. §9.6, §3.10: TimeoutNow ends a pre-vote round too; its grants arriving afterwards are not counted. */
  @Test
  void timeoutNowEndsThePreVoteRound() {
    RaftCore n = node(2, 1, logOfTerms(1));
    long t = n.electionDeadline();
    n.tick(t);

    n.step(new TimeoutNow(1, 2, 1), t + 1);
    assertEquals(Role.CANDIDATE, n.role());
    assertEquals(2, n.currentTerm());

    assertIgnoredOnly(n.step(PreVoteReply.grant(3, 2, 2), t + 2), IgnoreReason.NOT_CANDIDATE);
  }

  // ------------------------------------------------------------------ the answering side, in detail

  /** Diss. §9.6: a grant is reported, with the asker and the term it asked about. */
  @Test
  void aGrantIsReported() {
    RaftCore v = node(1, 4, logOfTerms(1, 4));

    Ready r = v.step(preVote(2, 1, 5, 2, 4), LATER);

    assertEquals(List.of(new CoreEvent.PreVoteGranted(2, 5)), r.events());
    assertEquals(PreVoteReply.grant(1, 2, 5), onlySent(r, PreVoteReply.class));
  }

  /**
   * Diss. §9.6: a pre-vote about the voter's own term is answered by the vote rules of that term (§5.2): yes
   * when it has not voted in it or voted for the asker, no when it voted for someone else.
   */
  @Test
  void aPreVoteAboutTheVotersOwnTermFollowsItsVote() {
    Ready free = voted(1, 5, HardState.NO_VOTE, logOfTerms(1, 4)).step(preVote(2, 1, 5, 2, 4), LATER);
    assertEquals(PreVoteReply.grant(1, 2, 5), onlySent(free, PreVoteReply.class), "no vote in term 5 yet");

    Ready same = voted(1, 5, 2, logOfTerms(1, 4)).step(preVote(2, 1, 5, 2, 4), LATER);
    assertEquals(PreVoteReply.grant(1, 2, 5), onlySent(same, PreVoteReply.class), "it voted for the asker");

    Ready other = voted(1, 5, 3, logOfTerms(1, 4)).step(preVote(2, 1, 5, 2, 4), LATER);
    assertEquals(PreVoteReply.refuse(1, 2, 5, VoteRefusal.ALREADY_VOTED), onlySent(other, PreVoteReply.class));
    assertEquals(List.of(new CoreEvent.PreVoteRefused(2, 5, VoteRefusal.ALREADY_VOTED, 4, 2, 4, 2)), other.events());
  }

  /** Diss. §9.6: a vote cast in the voter's term says nothing about the next term: that pre-vote is granted. */
  @Test
  void aVoteInTheCurrentTermDoesNotRefuseAPreVoteForTheNext() {
    RaftCore v = voted(1, 5, 3, logOfTerms(1, 4));

    Ready r = v.step(preVote(2, 1, 6, 2, 4), LATER);

    assertEquals(PreVoteReply.grant(1, 2, 6), onlySent(r, PreVoteReply.class));
    assertEquals(3, v.votedFor(), "answering a pre-vote changes nothing");
  }
}
