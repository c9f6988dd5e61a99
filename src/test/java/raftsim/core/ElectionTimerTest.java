package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.CONFIG;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.THREE;
import static raftsim.core.CoreFixture.ack;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.campaign;
import static raftsim.core.CoreFixture.follower;
import static raftsim.core.CoreFixture.fresh;
import static raftsim.core.CoreFixture.grant;
import static raftsim.core.CoreFixture.leader;
import static raftsim.core.CoreFixture.logOfTerms;
import static raftsim.core.CoreFixture.onlySent;
import static raftsim.core.CoreFixture.requestVote;
import static raftsim.core.CoreFixture.stored;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import raftsim.kv.KvStore;

/**
 * The election timer, §5.2 (RAFT-CHECKLIST rules 4 and 7), observed through {@link Ready#nextDeadline}.
 * Every "reset" is checked at a time far enough after the previous deadline that a reset and a
 * non-reset can never give the same value.
 */
class ElectionTimerTest {
  private static final long MIN = CONFIG.electionTimeoutMinMs();
  private static final long MAX = CONFIG.electionTimeoutMaxMs();

  private static void assertArmedFrom(long now, long deadline) {
    assertTrue(deadline >= now + MIN && deadline <= now + MAX,
        "deadline " + deadline + " should lie in [" + (now + MIN) + ", " + (now + MAX) + "]");
  }

  // ------------------------------------------------------------------------- rule 4: resets

  /** Rule 4(a), §5.2: granting a vote resets the timer. */
  @Test
  void rule4a_grantingAVoteResetsTheTimer() {
    RaftCore node = fresh(1);

    Ready r = node.step(requestVote(2, 1, 1, 0, 0), LATER);

    assertTrue(onlySent(r, RequestVoteReply.class).granted());
    assertArmedFrom(LATER, r.nextDeadline());
    assertEquals(r.nextDeadline(), node.nextDeadline());
  }

  /** Rule 4, §5.2: refusing a vote — for any reason — leaves the timer alone. */
  @ParameterizedTest
  @EnumSource(VoteRefusal.class)
  void rule4_refusingAVoteDoesNotResetTheTimer(VoteRefusal reason) {
    RaftCore node = reason == VoteRefusal.LEADER_HEARD
        ? CoreFixture.node(1, THREE, CONFIG.withCheckQuorum(true), stored(2, HardState.NO_VOTE, logOfTerms(1)),
            new KvStore(), 0)
        : follower(1, 2, logOfTerms(1));
    RequestVote rv = switch (reason) {
      case STALE_TERM -> requestVote(2, 1, 1, 5, 1);
      case ALREADY_VOTED -> {
        node.step(requestVote(2, 1, 2, 1, 1), 0); // votes for 2 in term 2, at time 0
        yield requestVote(3, 1, 2, 1, 1);
      }
      case CANDIDATE_LOG_BEHIND -> requestVote(2, 1, 2, 0, 0);
      case LEADER_HEARD -> {
        node.step(append(3, 1, 2, 1, 1, 0), LATER - 1); // diss. §4.2.3: it hears from leader 3
        yield requestVote(2, 1, 3, 1, 1);
      }
    };
    long before = node.nextDeadline();

    Ready r = node.step(rv, LATER);

    assertEquals(reason, onlySent(r, RequestVoteReply.class).refusal());
    assertEquals(before, r.nextDeadline());
  }

  /** Rule 4: a refused candidate of a higher term changes the term, but still does not reset the timer. */
  @Test
  void rule4_refusingAHigherTermCandidateDoesNotResetTheTimer() {
    RaftCore node = follower(1, 2, logOfTerms(1, 2));
    long before = node.nextDeadline();

    Ready r = node.step(requestVote(2, 1, 7, 1, 1), LATER);

    assertEquals(7, node.currentTerm());
    assertEquals(VoteRefusal.CANDIDATE_LOG_BEHIND, onlySent(r, RequestVoteReply.class).refusal());
    assertEquals(before, r.nextDeadline());
  }

  /** Rule 4(b), §5.2: AppendEntries from the current leader resets the timer — even a refused one. */
  @Test
  void rule4b_appendEntriesFromTheCurrentLeaderResetsTheTimer() {
    RaftCore node = follower(1, 3, List.of());

    Ready accepted = node.step(append(2, 1, 3, 0, 0, 0), LATER);
    assertArmedFrom(LATER, accepted.nextDeadline());

    long later = 2 * LATER;
    Ready refused = node.step(append(2, 1, 3, 7, 3, 0), later); // log too short: still the leader speaking
    assertArmedFrom(later, refused.nextDeadline());
  }

  /** Rule 4: an AppendEntries of an older term is not from the current leader: no reset. */
  @Test
  void rule4_staleAppendEntriesDoesNotResetTheTimer() {
    RaftCore node = follower(1, 3, List.of());
    long before = node.nextDeadline();

    Ready r = node.step(append(2, 1, 2, 0, 0, 0), LATER);

    assertEquals(before, r.nextDeadline());
  }

  /** Rule 4: replies that reach a follower (vote replies, append replies) are no reason to reset. */
  @Test
  void rule4_strayRepliesDoNotResetTheTimer() {
    RaftCore node = follower(1, 3, List.of());
    long before = node.nextDeadline();

    assertEquals(before, node.step(grant(2, 1, 3), LATER).nextDeadline());
    assertEquals(before, node.step(ack(3, 1, 3, 0), LATER).nextDeadline());
  }

  /** Rule 4(c), §5.2: standing for election re-arms the timer (for the next attempt if this one splits). */
  @Test
  void rule4c_startingAnElectionResetsTheTimer() {
    RaftCore node = fresh(1);
    long fired = node.nextDeadline();

    Ready r = campaign(node);

    assertEquals(Role.CANDIDATE, node.role());
    assertArmedFrom(fired, node.electionDeadline());
    // Until then it asks unanswered voters again every heartbeat interval.
    assertEquals(fired + CONFIG.heartbeatMs(), r.nextDeadline());
  }

  /** Rule 4(d): a leader that steps down waits a whole fresh timeout before it may stand again. */
  @Test
  void rule4d_steppingDownFromLeaderResetsTheTimer() {
    RaftCore leader = leader(PersistentState.EMPTY); // elected well before LATER

    // A candidate whose log is behind: refused, so only the step-down can re-arm the timer.
    Ready r = leader.step(requestVote(2, 1, 9, 0, 0), LATER);

    assertEquals(Role.FOLLOWER, leader.role());
    assertEquals(VoteRefusal.CANDIDATE_LOG_BEHIND, onlySent(r, RequestVoteReply.class).refusal());
    assertArmedFrom(LATER, r.nextDeadline());
  }

  /** Rule 4(e), rule 17: a node starting from stable storage arms its timer from the start time. */
  @Test
  void rule4e_restartArmsTheTimerFromTheStartTime() {
    long start = 50_000;
    RaftCore node = CoreFixture.node(1, THREE, stored(4, 2, logOfTerms(1, 4)), start);

    assertArmedFrom(start, node.nextDeadline());
  }

  /** §5.2: a tick before the deadline does not start an election. */
  @Test
  void rule4_tickBeforeTheDeadlineDoesNothing() {
    RaftCore node = fresh(1);
    long deadline = node.nextDeadline();

    Ready r = node.tick(deadline - 1);

    assertEquals(Role.FOLLOWER, node.role());
    assertEquals(0, node.currentTerm());
    assertTrue(r.messages().isEmpty());
    assertEquals(deadline, r.nextDeadline());
  }

  // ------------------------------------------------------------- rule 7: fresh random timeouts

  /** The timeouts a node draws when it keeps failing to win (every election start resets the timer). */
  private static List<Long> electionTimeouts(RaftConfig config, long seed, int count) {
    RaftCore node = new RaftCore(1, THREE, config, new SplittableRandom(seed), new KvStore(),
        PersistentState.EMPTY, 0);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long now = node.electionDeadline();
      node.tick(now);
      out.add(node.electionDeadline() - now);
    }
    return out;
  }

  /** Rule 7, §5.2: each reset draws a new timeout, always within [min, max]. */
  @Test
  void rule7_eachElectionDrawsAFreshTimeoutWithinBounds() {
    List<Long> timeouts = electionTimeouts(CONFIG, 42, 200);

    for (long t : timeouts) {
      assertTrue(t >= MIN && t <= MAX, "timeout " + t + " outside [" + MIN + ", " + MAX + "]");
    }
    assertTrue(new TreeSet<>(timeouts).size() > 50, "timeouts should vary: " + timeouts);
  }

  /** Rule 7: granting a vote and hearing the leader draw fresh timeouts too, not one fixed value. */
  @Test
  void rule7_everyKindOfResetDrawsAFreshTimeout() {
    RaftCore node = fresh(1);
    TreeSet<Long> onGrant = new TreeSet<>();
    TreeSet<Long> onHeartbeat = new TreeSet<>();
    for (int i = 1; i <= 50; i++) {
      long now = i * LATER;
      onGrant.add(node.step(requestVote(2, 1, 1, 0, 0), now).nextDeadline() - now); // re-grants to 2
      onHeartbeat.add(node.step(append(2, 1, 1, 0, 0, 0), now + 1).nextDeadline() - now - 1);
    }
    for (TreeSet<Long> drawn : List.of(onGrant, onHeartbeat)) {
      assertTrue(drawn.first() >= MIN && drawn.last() <= MAX, "outside bounds: " + drawn);
      assertTrue(drawn.size() > 10, "timeouts should vary: " + drawn);
    }
  }

  /** Rule 7: both bounds are inclusive, and nothing outside them is ever drawn. */
  @Test
  void rule7_timeoutBoundsAreInclusive() {
    RaftConfig narrow = RaftConfig.of(10, 12, 5);

    TreeSet<Long> seen = new TreeSet<>(electionTimeouts(narrow, 7, 300));

    assertEquals(new TreeSet<>(List.of(10L, 11L, 12L)), seen);
  }

  /** Rule 7 and determinism: the same seed gives the same timeouts; another seed, others. */
  @Test
  void rule7_timeoutsAreDeterministicForTheSameSeed() {
    List<Long> first = electionTimeouts(CONFIG, 99, 30);
    List<Long> again = electionTimeouts(CONFIG, 99, 30);
    List<Long> other = electionTimeouts(CONFIG, 100, 30);

    assertEquals(first, again);
    assertNotEquals(first, other);
  }
}
