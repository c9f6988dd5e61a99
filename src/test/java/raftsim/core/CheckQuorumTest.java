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
import static raftsim.core.CoreFixture.replies;
import static raftsim.core.CoreFixture.requestVote;
import static raftsim.core.CoreFixture.stored;
import static raftsim.core.CoreFixture.winElection;

import java.util.List;
import org.junit.jupiter.api.Test;
import raftsim.kv.KvStore;

/**
 * CheckQuorum (Raft dissertation §6.2 and §4.2.3): a leader that no longer hears from a majority steps
 * down; a node that hears from its leader refuses to help depose it, and does not even adopt the
 * candidate's term.
 */
class CheckQuorumTest {
  private static final RaftConfig CHECK_QUORUM = CONFIG.withCheckQuorum(true);
  private static final long MIN = CONFIG.electionTimeoutMinMs();

  private static RaftCore node(int id, RaftConfig config, long term, List<LogEntry> log) {
    return CoreFixture.node(id, THREE, config, stored(term, HardState.NO_VOTE, log), new KvStore(), 0);
  }

  /** Node 1, leader of {1, 2, 3} in term 1 with CheckQuorum; returns the time it took office. */
  private static long elect(RaftCore leader) {
    long at = leader.electionDeadline();
    winElection(leader);
    return at;
  }

  private static AppendEntriesReply ackFrom(int follower, RaftCore leader) {
    return AppendEntriesReply.accept(follower, 1, leader.currentTerm(), 0, 0);
  }

  // -------------------------------------------------------------------- the leader's half (§6.2)

  /** Diss. §6.2: a leader that hears from nobody for a minimum election timeout steps down, and says why. */
  @Test
  void aLeaderThatHearsFromNoMajorityStepsDown() {
    RaftCore leader = node(1, CHECK_QUORUM, 0, List.of());
    long t = elect(leader);
    leader.propose(new ClientRequest(7, 1, "SET a 1"), t);

    leader.tick(t + MIN - 1);
    assertEquals(Role.LEADER, leader.role(), "not before the timeout");

    Ready r = leader.tick(t + MIN);

    assertEquals(Role.FOLLOWER, leader.role());
    assertEquals(1, leader.currentTerm(), "stepping down raises no term");
    assertEquals(1, events(r, CoreEvent.QuorumLost.class).size());
    assertEquals(1, replies(r, ClientReply.OutcomeUnknown.class).size(), "its waiting client learns at once");
  }

  /** Diss. §6.2: one follower's answer (with the leader, two of three) keeps it in office. */
  @Test
  void aMajorityHeardWithinTheTimeoutKeepsTheLeader() {
    RaftCore leader = node(1, CHECK_QUORUM, 0, List.of());
    long t = elect(leader);
    leader.step(ackFrom(2, leader), t + MIN - 10);

    leader.tick(t + 2 * MIN - 20);

    assertEquals(Role.LEADER, leader.role());
  }

  /** The leader's timer is armed for the moment its majority would go stale, even with rare heartbeats. */
  @Test
  void theLeaderLooksAgainWhenItsMajorityWouldGoStale() {
    RaftCore leader = node(1, RaftConfig.of(150, 300, 1000).withCheckQuorum(true), 0, List.of());
    long t = elect(leader);
    leader.step(ackFrom(2, leader), t + 40);

    assertEquals(t + 40 + 150, leader.nextDeadline());
  }

  /** Without CheckQuorum a stranded leader keeps the leader role: nothing tells it otherwise (§5). */
  @Test
  void withoutCheckQuorumAStrandedLeaderStaysLeader() {
    RaftCore leader = node(1, CONFIG, 0, List.of());
    long t = elect(leader);

    leader.tick(t + 100 * MIN);

    assertEquals(Role.LEADER, leader.role());
  }

  // ---------------------------------------------------------------- the voters' half (§4.2.3)

  /**
   * Diss. §4.2.3: a follower that heard from its leader within the minimum election timeout refuses a
   * RequestVote of a higher term, keeps its own term, persists nothing and leaves its timer alone.
   */
  @Test
  void aFollowerThatHeardItsLeaderRefusesWithoutAdoptingTheTerm() {
    RaftCore voter = node(2, CHECK_QUORUM, 3, logOfTerms(1, 3));
    voter.step(append(3, 2, 3, 2, 3, 0), 1000);
    long deadline = voter.nextDeadline();

    Ready r = voter.step(requestVote(1, 2, 9, 2, 3), 1000 + MIN - 1);

    RequestVoteReply reply = onlySent(r, RequestVoteReply.class);
    assertFalse(reply.granted());
    assertEquals(VoteRefusal.LEADER_HEARD, reply.refusal());
    assertEquals(3, reply.term());
    assertEquals(3, voter.currentTerm(), "the candidate's term is not adopted");
    assertEquals(3, voter.leaderId());
    assertNull(r.hardState());
    assertEquals(deadline, voter.nextDeadline());
  }

  /** Once the leader has been silent for the minimum election timeout, §5.1 and §5.2 apply as usual. */
  @Test
  void afterTheTimeoutTheFollowerVotesAsUsual() {
    RaftCore voter = node(2, CHECK_QUORUM, 3, logOfTerms(1, 3));
    voter.step(append(3, 2, 3, 2, 3, 0), 1000);

    Ready r = voter.step(requestVote(1, 2, 9, 2, 3), 1000 + MIN);

    assertTrue(onlySent(r, RequestVoteReply.class).granted());
    assertEquals(9, voter.currentTerm());
  }

  /** A leader with CheckQuorum is its own current leader: a higher-term candidate does not depose it. */
  @Test
  void aLeaderIgnoresAHigherTermCandidate() {
    RaftCore leader = node(1, CHECK_QUORUM, 0, List.of());
    long t = elect(leader);

    Ready r = leader.step(requestVote(3, 1, 8, 1, 1), t + 1);

    assertEquals(Role.LEADER, leader.role());
    assertEquals(1, leader.currentTerm());
    assertEquals(VoteRefusal.LEADER_HEARD, onlySent(r, RequestVoteReply.class).refusal());
  }

  /** Without CheckQuorum the same follower adopts the higher term at once (§5.1, RAFT-CHECKLIST rule 1). */
  @Test
  void withoutCheckQuorumTheTermIsAdopted() {
    RaftCore voter = node(2, CONFIG, 3, logOfTerms(1, 3));
    voter.step(append(3, 2, 3, 2, 3, 0), 1000);

    voter.step(requestVote(1, 2, 9, 2, 3), 1001);

    assertEquals(9, voter.currentTerm());
  }

  /** A vote of the current term is not a disruption: only a higher term is refused this way. */
  @Test
  void aCandidateOfTheCurrentTermIsAnsweredByTheUsualRules() {
    RaftCore voter = node(2, CHECK_QUORUM, 3, logOfTerms(1, 3));
    voter.step(append(3, 2, 3, 2, 3, 0), 1000);

    Ready r = voter.step(requestVote(1, 2, 3, 2, 3), 1001); // it has not voted in term 3: §5.2 lets it

    assertTrue(onlySent(r, RequestVoteReply.class).granted());
    assertEquals(3, voter.currentTerm());
  }

  /** Diss. §4.2.3: the refusal is reported with its reason and both logs, like any refused vote. */
  @Test
  void aRefusalForAHeardLeaderIsReported() {
    RaftCore voter = node(2, CHECK_QUORUM, 3, logOfTerms(1, 3));
    voter.step(append(3, 2, 3, 2, 3, 0), 1000);

    Ready r = voter.step(requestVote(1, 2, 9, 2, 3), 1000 + MIN - 1);

    assertEquals(List.of(new CoreEvent.VoteRefused(1, 9, VoteRefusal.LEADER_HEARD, 3, 2, 3, 2, HardState.NO_VOTE)),
        r.events());
  }

  /**
   * Diss. §6.2: an answer to a snapshot chunk shows the follower is there as much as an AppendEntries answer
   * does. Node 2 falls silent; node 3, sent a snapshot, answers it: the leader still hears a majority.
   */
  @Test
  void aSnapshotAnswerCountsAsHearingFromTheFollower() {
    RaftCore leader = node(1, CHECK_QUORUM.withSnapshots(4, 65536), 0, List.of());
    long t = elect(leader);
    leader.persisted(1, 1, t);
    leader.step(AppendEntriesReply.accept(2, 1, 1, 1, 0), t + 1);
    for (int i = 1; i <= 6; i++) {
      leader.propose(new ClientRequest(7, i, "SET a " + i), t + 1);
    }
    leader.persisted(7, 1, t + 1);
    leader.step(AppendEntriesReply.accept(2, 1, 1, 7, 0), t + 2); // node 2's last word
    InstallSnapshot is = CoreFixture.sentTo(leader.tick(t + 50), InstallSnapshot.class, 3);

    leader.step(new InstallSnapshotReply(3, 1, 1, is.lastIncludedIndex(), is.data().length, true), t + 100);
    Ready r = leader.tick(t + 2 + MIN);

    assertEquals(Role.LEADER, leader.role(), "node 3 was heard at t + 100: " + r.events());
  }
}
