package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.CONFIG;
import static raftsim.core.CoreFixture.THREE;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.events;
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
}
