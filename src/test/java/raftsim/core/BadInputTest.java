package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.FIVE;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.THREE;
import static raftsim.core.CoreFixture.ack;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.assertIgnoredOnly;
import static raftsim.core.CoreFixture.campaign;
import static raftsim.core.CoreFixture.follower;
import static raftsim.core.CoreFixture.grant;
import static raftsim.core.CoreFixture.installSnapshot;
import static raftsim.core.CoreFixture.leader;
import static raftsim.core.CoreFixture.logOfTerms;
import static raftsim.core.CoreFixture.nack;
import static raftsim.core.CoreFixture.noop;
import static raftsim.core.CoreFixture.observe;
import static raftsim.core.CoreFixture.onlySent;
import static raftsim.core.CoreFixture.requestVote;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What a faulty or confused peer could send. The core must never throw; it drops the input, says why in
 * {@link Ready#events()}, and changes nothing. Most messages here carry a *higher* term, so that handling
 * them by mistake would visibly change the node (rule 1 would adopt the term).
 */
class BadInputTest {

  /** A follower of term 2 holding [1:t1, 2:t2], with leader 2 known. */
  private static RaftCore followerOfNode2() {
    RaftCore node = follower(1, 2, logOfTerms(1, 2));
    node.step(append(2, 1, 2, 2, 2, 0), 0);
    assertEquals(2, node.leaderId());
    return node;
  }

  private static void assertDropped(RaftCore node, Message m, IgnoreReason reason) {
    CoreFixture.Observed before = observe(node);
    Ready r = assertDoesNotThrow(() -> node.step(m, LATER));
    assertIgnoredOnly(r, reason);
    assertEquals(before, observe(node), "the node must not change");
  }

  // ------------------------------------------------------------------------- who sent it, to whom

  /**
   * A sender that is not a node at all is ignored. (A node outside this node's configuration is heard:
   * with membership changes it may belong to a newer configuration, diss. §4.1; see MembershipTest.)
   */
  @Test
  void senderThatIsNoNodeIsIgnored() {
    assertDropped(followerOfNode2(), requestVote(0, 1, 9, 5, 5), IgnoreReason.UNKNOWN_SENDER);
    assertDropped(followerOfNode2(), append(-4, 1, 9, 0, 0, 0), IgnoreReason.UNKNOWN_SENDER);
  }

  /** A leader ignores answers from a node it does not replicate to; a candidate, votes from a non-voter. */
  @Test
  void repliesFromNonMembersAreIgnored() {
    RaftCore leader = leader(PersistentState.EMPTY);
    assertDropped(leader, ack(7, 1, 1, 1), IgnoreReason.UNKNOWN_SENDER);

    RaftCore candidate = follower(1, 2, logOfTerms(1, 2));
    campaign(candidate); // term 3
    assertDropped(candidate, grant(7, 1, 3), IgnoreReason.NOT_A_VOTER);

    assertDropped(leader(PersistentState.EMPTY), new InstallSnapshotReply(7, 1, 1, 1, 0, true),
        IgnoreReason.UNKNOWN_SENDER);
  }

  @Test
  void messageClaimingToComeFromTheNodeItselfIsIgnored() {
    assertDropped(followerOfNode2(), append(1, 1, 9, 0, 0, 0), IgnoreReason.UNKNOWN_SENDER);
  }

  @Test
  void messageAddressedToAnotherNodeIsIgnored() {
    assertDropped(followerOfNode2(), requestVote(2, 3, 9, 5, 5), IgnoreReason.NOT_ADDRESSED_TO_ME);
    assertDropped(followerOfNode2(), append(2, 3, 9, 2, 2, 2), IgnoreReason.NOT_ADDRESSED_TO_ME);
  }

  // ------------------------------------------------------------------------------ malformed fields

  @Test
  void negativeTermIsMalformed() {
    assertDropped(followerOfNode2(), requestVote(3, 1, -1, 0, 0), IgnoreReason.MALFORMED);
    assertDropped(followerOfNode2(), new AppendEntriesReply(3, 1, -5, true, 0, 0, 0, 0, null, 0),
        IgnoreReason.MALFORMED);
  }

  @Test
  void appendEntriesWithNonConsecutiveEntriesIsMalformed() {
    assertDropped(followerOfNode2(), append(2, 1, 3, 2, 2, 0, noop(3, 3), noop(5, 3)), IgnoreReason.MALFORMED);
  }

  @Test
  void appendEntriesWhoseEntriesDoNotFollowPrevLogIndexIsMalformed() {
    assertDropped(followerOfNode2(), append(2, 1, 3, 2, 2, 0, noop(4, 3)), IgnoreReason.MALFORMED);
    assertDropped(followerOfNode2(), append(2, 1, 3, 2, 2, 0, noop(2, 3)), IgnoreReason.MALFORMED);
  }

  @Test
  void appendEntriesWithImpossibleTermsIsMalformed() {
    // An entry of a term above the leader's own.
    assertDropped(followerOfNode2(), append(2, 1, 3, 2, 2, 0, noop(3, 4)), IgnoreReason.MALFORMED);
    // Entry terms that fall.
    assertDropped(followerOfNode2(), append(2, 1, 3, 2, 2, 0, noop(3, 3), noop(4, 2)), IgnoreReason.MALFORMED);
    // prevLogTerm above the leader's term; a negative prevLogIndex.
    assertDropped(followerOfNode2(), append(2, 1, 3, 2, 4, 0), IgnoreReason.MALFORMED);
    assertDropped(followerOfNode2(), append(2, 1, 3, -1, 0, 0), IgnoreReason.MALFORMED);
  }

  @Test
  void requestVoteWithALastLogTermAboveItsTermIsMalformed() {
    assertDropped(followerOfNode2(), requestVote(3, 1, 3, 4, 4), IgnoreReason.MALFORMED);
  }

  /**
   * Diss. §9.6: a pre-vote asks about the asker's next term, so its last log term lies below that term;
   * one that claims a last term equal to the term it asks about is malformed.
   */
  @Test
  void preVoteWithALastLogTermNotBelowItsTermIsMalformed() {
    assertDropped(followerOfNode2(), new PreVote(3, 1, 3, 4, 3), IgnoreReason.MALFORMED);
  }

  /** Diss. §9.6: an empty log (last index 0, last term 0) may ask for pre-votes; it is refused as behind, not malformed. */
  @Test
  void preVoteFromAnEmptyLogIsAnswered() {
    RaftCore node = follower(1, 2, logOfTerms(1, 2));

    Ready r = node.step(new PreVote(3, 1, 3, 0, 0), LATER);

    assertEquals(PreVoteReply.refuse(1, 3, 2, VoteRefusal.CANDIDATE_LOG_BEHIND), onlySent(r, PreVoteReply.class));
  }

  /** Diss. §9.6: a pre-vote whose last term is one below the term it asks about is legal, and granted when up to date. */
  @Test
  void preVoteWithTheHighestLegalLastLogTermIsGranted() {
    RaftCore node = follower(1, 2, logOfTerms(1, 2));

    Ready r = node.step(new PreVote(3, 1, 3, 2, 2), LATER);

    assertEquals(PreVoteReply.grant(1, 3, 3), onlySent(r, PreVoteReply.class));
  }

  @Test
  void contradictoryRepliesAreMalformed() {
    RaftCore candidate = follower(1, 2, logOfTerms(1, 2));
    campaign(candidate); // term 3
    assertDropped(candidate, new RequestVoteReply(2, 1, 3, true, VoteRefusal.ALREADY_VOTED), IgnoreReason.MALFORMED);
    assertDropped(candidate, new RequestVoteReply(2, 1, 3, false, null), IgnoreReason.MALFORMED);

    RaftCore leader = leader(PersistentState.EMPTY);
    assertDropped(leader, new AppendEntriesReply(2, 1, 1, false, 0, 0, 0, 1, null, 1), IgnoreReason.MALFORMED);
  }

  /**
   * An AppendEntries whose prevLogIndex lies far beyond anything this follower holds is not garbage to the
   * follower — it cannot know what the leader sent — so it is refused as LOG_TOO_SHORT, without a throw and
   * without touching the log or the commit index.
   */
  @Test
  void appendEntriesFarBeyondTheLogIsRefusedAsTooShort() {
    RaftCore node = followerOfNode2();

    Ready r = assertDoesNotThrow(() -> node.step(append(2, 1, 2, Long.MAX_VALUE, 2, Long.MAX_VALUE), LATER));

    AppendEntriesReply reply = onlySent(r, AppendEntriesReply.class);
    assertEquals(AppendRejection.LOG_TOO_SHORT, reply.rejection());
    assertEquals(3, reply.conflictIndex());
    assertNull(r.logWrite());
    assertEquals(0, node.commitIndex());
  }

  // ------------------------------------------------------------------------ replies nobody asked for

  @Test
  void appendReplyClaimingIndicesBeyondTheLeadersLogIsIgnored() {
    RaftCore leader = leader(PersistentState.EMPTY); // log [1]
    assertDropped(leader, ack(2, 1, 1, 99), IgnoreReason.REPLY_BEYOND_LOG);
    assertDropped(leader, nack(2, 1, 1, AppendRejection.LOG_TOO_SHORT, 99, 0, 50), IgnoreReason.REPLY_BEYOND_LOG);
  }

  @Test
  void voteReplyToANodeThatNeverAskedIsIgnored() {
    assertDropped(followerOfNode2(), grant(3, 1, 2), IgnoreReason.NOT_CANDIDATE);
  }

  @Test
  void lateVoteReachingTheElectedLeaderIsIgnored() {
    RaftCore leader = leader(PersistentState.EMPTY); // won with node 2's vote
    assertDropped(leader, grant(3, 1, 1), IgnoreReason.NOT_CANDIDATE);
  }

  @Test
  void duplicateVoteIsIgnored() {
    RaftCore candidate = CoreFixture.node(1, FIVE, PersistentState.EMPTY, 0);
    campaign(candidate);
    candidate.step(grant(2, 1, 1), LATER);
    assertDropped(candidate, grant(2, 1, 1), IgnoreReason.DUPLICATE_VOTE);
  }

  @Test
  void appendReplyToANodeThatIsNotLeaderIsIgnored() {
    assertDropped(followerOfNode2(), ack(3, 1, 2, 1), IgnoreReason.NOT_LEADER);
  }

  @Test
  void appendEntriesFromASecondLeaderOfTheSameTermIsIgnored() {
    RaftCore leader = leader(PersistentState.EMPTY); // term 1
    assertDropped(leader, append(3, 1, 1, 0, 0, 0, noop(1, 1)), IgnoreReason.SECOND_LEADER_IN_TERM);
  }

  /**
   * §5.4 (Leader Completeness): no correct leader asks a follower to remove a committed entry. Such a request
   * is ignored and the committed entry stays. (The request does come from the known leader of the current
   * term, so it may still re-arm the election timer; everything else is unchanged.)
   */
  @Test
  void appendEntriesThatWouldRemoveCommittedEntriesIsIgnored() {
    RaftCore node = followerOfNode2();
    node.step(append(2, 1, 2, 2, 2, 2), 0); // commits 1..2
    assertEquals(2, node.commitIndex());
    CoreFixture.Observed before = observe(node);

    Ready r = node.step(append(2, 1, 2, 1, 1, 2, noop(2, 1)), LATER);

    List<CoreEvent.Ignored> ignored = CoreFixture.events(r, CoreEvent.Ignored.class);
    assertEquals(1, ignored.size());
    assertEquals(IgnoreReason.CONFLICTS_WITH_COMMITTED, ignored.get(0).reason());
    assertNull(r.logWrite());
    assertTrue(r.messages().isEmpty());
    CoreFixture.Observed after = observe(node);
    assertEquals(before.log(), after.log());
    assertEquals(before.commitIndex(), after.commitIndex());
    assertEquals(before.term(), after.term());
  }

  // ---------------------------------------------------------------------- snapshots and reads

  /** Snapshot bytes a key-value store accepts: "SET a 9" applied. */
  private static byte[] goodSnapshotBytes() {
    return CoreFixture.kvBytes(List.of(CoreFixture.command(1, 1, "SET a 9")));
  }

  @Test
  void installSnapshotWithANegativeOffsetIsMalformed() {
    assertDropped(followerOfNode2(), installSnapshot(2, 1, 3, 5, 2, -1, goodSnapshotBytes(), true),
        IgnoreReason.MALFORMED);
  }

  @Test
  void installSnapshotWithALastIncludedTermAboveItsTermIsMalformed() {
    assertDropped(followerOfNode2(), installSnapshot(2, 1, 3, 5, 4, 0, goodSnapshotBytes(), true),
        IgnoreReason.MALFORMED);
  }

  @Test
  void installSnapshotWithoutALastIncludedEntryIsMalformed() {
    assertDropped(followerOfNode2(), installSnapshot(2, 1, 3, 0, 0, 0, goodSnapshotBytes(), true),
        IgnoreReason.MALFORMED);
  }

  @Test
  void installSnapshotWhoseChunkWouldOverflowTheOffsetIsMalformed() {
    assertDropped(followerOfNode2(), installSnapshot(2, 1, 3, 5, 2, Integer.MAX_VALUE - 2, new byte[8], true),
        IgnoreReason.MALFORMED);
  }

  /**
   * §7 with rule 24: a complete snapshot whose bytes the state machine rejects — garbage, or a good snapshot cut
   * short — is refused without a throw: nothing is installed or persisted and the state machine keeps its state.
   * (It does come from the current leader, so it may re-arm the election timer.)
   */
  @Test
  void installSnapshotWhoseBytesTheStateMachineRejectsChangesNothing() {
    byte[] good = goodSnapshotBytes();
    List<byte[]> bad = List.of(
        "definitely not a snapshot".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.util.Arrays.copyOf(good, good.length / 2),
        java.util.Arrays.copyOf(good, good.length + 3),
        new byte[0]);
    for (byte[] bytes : bad) {
      raftsim.kv.KvStore kv = new raftsim.kv.KvStore();
      RaftCore node = CoreFixture.node(1, THREE, CoreFixture.CONFIG,
          CoreFixture.stored(2, 0, List.of(CoreFixture.command(1, 1, "SET a 1"), noop(2, 2))), kv, 0);
      node.step(append(2, 1, 2, 2, 2, 2), 0); // leader 2 commits both
      assertEquals("1", kv.get("a"));
      CoreFixture.Observed before = CoreFixture.observeIgnoringTimer(node);

      Ready r = assertDoesNotThrow(() -> node.step(installSnapshot(2, 1, 2, 5, 2, 0, bytes, true), LATER));

      assertFalse(onlySent(r, InstallSnapshotReply.class).installed());
      assertEquals(IgnoreReason.MALFORMED, CoreFixture.events(r, CoreEvent.Ignored.class).get(0).reason());
      assertNull(r.snapshot());
      assertNull(r.logWrite());
      assertEquals(before, CoreFixture.observeIgnoringTimer(node));
      assertNull(node.latestSnapshot());
      assertEquals(java.util.Map.of("a", "1"), kv.data());
    }
  }

  @Test
  void installSnapshotReplyNobodyAskedForIsIgnored() {
    RaftCore leader = leader(PersistentState.EMPTY); // sends no snapshot to anyone
    assertDropped(leader, new InstallSnapshotReply(2, 1, 1, 1, 10, true), IgnoreReason.STALE_REPLY);
  }

  @Test
  void installSnapshotReplyWithANegativeOffsetIsMalformed() {
    RaftCore leader = leader(PersistentState.EMPTY);
    assertDropped(leader, new InstallSnapshotReply(2, 1, 2, 1, -1, false), IgnoreReason.MALFORMED);
  }

  @Test
  void readIndexReplyForAnUnknownReadIsIgnored() {
    assertDropped(followerOfNode2(), new ReadIndexReply(2, 1, 2, 99, true, 1, 2), IgnoreReason.STALE_REPLY);
    assertDropped(followerOfNode2(), new ReadIndexReply(2, 1, 2, 99, false, 0, 3), IgnoreReason.STALE_REPLY);
  }

  @Test
  void readIndexRequestsAndRepliesWithImpossibleFieldsAreMalformed() {
    assertDropped(leader(PersistentState.EMPTY), new ReadIndex(2, 1, 2, -1), IgnoreReason.MALFORMED);
    assertDropped(followerOfNode2(), new ReadIndexReply(2, 1, 3, 1, true, -1, 2), IgnoreReason.MALFORMED);
    assertDropped(followerOfNode2(), new ReadIndexReply(2, 1, 3, 1, false, 0, -2), IgnoreReason.MALFORMED);
  }

  @Test
  void installSnapshotReplyOfAnOlderTermIsStale() {
    RaftCore leader = leader(CoreFixture.stored(1, 0, List.of())); // term 2
    assertDropped(leader, new InstallSnapshotReply(2, 1, 1, 1, 10, false), IgnoreReason.STALE_REPLY);
  }

  @Test
  void installSnapshotReplyToANodeThatIsNotLeaderIsIgnored() {
    assertDropped(followerOfNode2(), new InstallSnapshotReply(3, 1, 2, 1, 10, true), IgnoreReason.NOT_LEADER);
  }

  @Test
  void installSnapshotFromASecondLeaderOfTheSameTermIsIgnored() {
    RaftCore leader = leader(PersistentState.EMPTY); // term 1
    assertDropped(leader, installSnapshot(3, 1, 1, 1, 1, 0, goodSnapshotBytes(), true),
        IgnoreReason.SECOND_LEADER_IN_TERM);
  }

  // ------------------------------------------------------------------------ the lowest legal values
  //
  // The screening refuses what is out of range and nothing else: a term, round, index, offset, id or hint of
  // 0 is legal wherever a negative one is malformed. What the node does with each message below shows that
  // it got past the screening.

  /** §5.1: term 0 is legal in a reply — and stale to a leader of term 1. */
  @Test
  void replyOfTermZeroIsStaleNotMalformed() {
    assertDropped(leader(PersistentState.EMPTY), ack(2, 1, 0, 0), IgnoreReason.STALE_REPLY);
  }

  /** §5.3: a success with round 0 and matchIndex 0 (an empty log matches at 0) shows the follower matches. */
  @Test
  void appendReplyWithRoundAndMatchIndexZeroIsHandled() {
    RaftCore leader = leader(PersistentState.EMPTY); // probing node 2 at nextIndex 1

    Ready r = leader.step(AppendEntriesReply.accept(2, 1, 1, 0, 0), LATER);

    assertTrue(CoreFixture.events(r, CoreEvent.Ignored.class).isEmpty(), r.events().toString());
    assertTrue(CoreFixture.progressOf(leader, 2).replicating());
    assertEquals(List.of(noop(1, 1)), CoreFixture.sentTo(r, AppendEntries.class, 2).entries());
  }

  /** §5.3: prevLogIndex 0 is the empty prefix, whose term is 0; a request claiming another term there is malformed. */
  @Test
  void appendEntriesClaimingATermForTheEmptyPrefixIsMalformed() {
    assertDropped(followerOfNode2(), append(2, 1, 3, 0, 1, 0, noop(1, 1)), IgnoreReason.MALFORMED);
  }

  /** §7: the smallest snapshot, up to entry 1 of term 1, is legal and is installed. */
  @Test
  void installSnapshotOfTheFirstEntryOfTermOneIsInstalled() {
    RaftCore node = follower(1, 1, List.of());

    Ready r = node.step(installSnapshot(2, 1, 1, 1, 1, 0, goodSnapshotBytes(), true), LATER);

    assertTrue(onlySent(r, InstallSnapshotReply.class).installed());
    assertEquals(1, node.lastApplied());
    assertEquals(1, node.log().snapshotIndex());
  }

  /** Rule 25: a chunk that ends exactly at the largest offset is legal; this one continues nothing, so it is refused. */
  @Test
  void installSnapshotChunkEndingAtTheLargestOffsetIsNotMalformed() {
    Ready r = followerOfNode2().step(
        installSnapshot(2, 1, 2, 5, 2, Integer.MAX_VALUE - 8, new byte[8], false), LATER);

    assertEquals(IgnoreReason.UNEXPECTED_CHUNK, CoreFixture.events(r, CoreEvent.Ignored.class).get(0).reason());
    assertEquals(0, onlySent(r, InstallSnapshotReply.class).nextOffset());
  }

  /** An answer about snapshot 0 from offset 0 is legal; to a leader sending no snapshot it is stale. */
  @Test
  void installSnapshotReplyWithIndexAndOffsetZeroIsStaleNotMalformed() {
    assertDropped(leader(PersistentState.EMPTY), new InstallSnapshotReply(2, 1, 1, 0, 0, false),
        IgnoreReason.STALE_REPLY);
  }

  /** Diss. §6.4: read id 0 is legal; a follower answers it "not ok", naming the leader it knows. */
  @Test
  void readIndexRequestWithReadIdZeroIsAnswered() {
    Ready r = followerOfNode2().step(new ReadIndex(3, 1, 2, 0), LATER);

    assertEquals(new ReadIndexReply(1, 3, 2, 0, false, 0, 2), onlySent(r, ReadIndexReply.class));
  }

  /** Diss. §6.4: read index 0 and leader hint 0 ("none known") are legal; an answer to no read is stale. */
  @Test
  void readIndexReplyWithIndexAndHintZeroIsStaleNotMalformed() {
    assertDropped(followerOfNode2(), new ReadIndexReply(2, 1, 2, 99, false, 0, 0), IgnoreReason.STALE_REPLY);
  }

  /**
   * The random-garbage test again, with compaction on and snapshot chunks (garbage, and pieces of a real
   * snapshot), their replies, read index requests and replies, and client reads mixed in. Nothing may throw and
   * the local invariants must hold; with compaction, lastApplied also never falls below the compacted prefix.
   */
  @Test
  void randomSnapshotAndReadGarbageNeverThrowsAndNeverBreaksLocalInvariants() {
    SplittableRandom rnd = new SplittableRandom(0x5eed_0725L);
    RaftCore node = CoreFixture.node(1, THREE, CoreFixture.snapshotting(5, 8), PersistentState.EMPTY,
        new raftsim.kv.KvStore(), 0);
    byte[] real = goodSnapshotBytes();
    long now = 0;
    long term = 0;
    int vote = HardState.NO_VOTE;
    long commit = 0;
    java.util.TreeMap<Long, Long> committedTerms = new java.util.TreeMap<>();
    boolean[] sawRole = new boolean[Role.values().length];

    for (int step = 0; step < 20_000; step++) {
      now += rnd.nextInt(0, 60);
      int kind = rnd.nextInt(24);
      long at = now;
      Ready r;
      if (kind < 6) {
        Message m = Garbage.message(rnd, node);
        r = assertDoesNotThrow(() -> node.step(m, at), () -> "step " + m);
      } else if (kind < 15) {
        Message m = Garbage.snapshotOrRead(rnd, node, real);
        r = assertDoesNotThrow(() -> node.step(m, at), () -> "step " + m);
      } else if (kind < 18) {
        r = node.tick(at);
      } else if (kind < 19) {
        r = node.propose(new ClientRequest(rnd.nextLong(1, 4), rnd.nextLong(1, 9), "SET k " + rnd.nextInt(9)), at);
      } else if (kind < 20) {
        r = assertDoesNotThrow(() -> node.read(new ClientRequest(rnd.nextLong(1, 4), rnd.nextLong(1, 9), "GET k"), at));
      } else {
        LogView log = node.log();
        r = node.persisted(log.lastIndex(), log.lastTerm(), at);
      }
      sawRole[node.role().ordinal()] = true;
      String where = "after input " + step + " (" + r.events() + ")";

      assertTrue(node.currentTerm() >= term, "term went back " + where);
      if (node.currentTerm() == term && vote != HardState.NO_VOTE) {
        assertEquals(vote, node.votedFor(), "voted twice in term " + term + " " + where);
      }
      term = node.currentTerm();
      vote = node.votedFor();

      LogView log = node.log();
      assertTrue(node.commitIndex() >= commit, "commitIndex went back " + where);
      assertTrue(node.lastApplied() <= node.commitIndex() && node.commitIndex() <= log.lastIndex(), where);
      assertTrue(node.lastApplied() >= log.snapshotIndex(), "applied less than the compacted prefix " + where);
      assertTrue(node.durableIndex() <= log.lastIndex(), "durableIndex beyond the log " + where);
      for (var e : committedTerms.tailMap(log.snapshotIndex(), false).entrySet()) {
        assertEquals(e.getValue(), log.termAt(e.getKey()), "committed entry " + e.getKey() + " changed " + where);
      }
      long expectedIndex = node.lastApplied() - r.applied().size() + 1;
      for (AppliedEntry a : r.applied()) {
        assertEquals(expectedIndex++, a.entry().index(), "applied out of order " + where);
      }
      for (long i = Math.max(commit, log.snapshotIndex()) + 1; i <= node.commitIndex(); i++) {
        committedTerms.put(i, log.termAt(i));
      }
      commit = node.commitIndex();
      for (ProgressView p : node.progress()) {
        assertTrue(p.matchIndex() < p.nextIndex(), "progress " + p.peer() + " " + where);
      }
    }
    assertTrue(sawRole[Role.CANDIDATE.ordinal()] && sawRole[Role.LEADER.ordinal()],
        "the garbage should drive the node through every role");
    assertTrue(node.stats().snapshotsInstalled() > 10, "some garbage should get installed: " + node.stats());
  }

  // ----------------------------------------------------------------------------- random garbage

  /**
   * 10,000 well-typed but mostly nonsensical inputs from a fixed seed, mixed with timer ticks, proposals and
   * honest durability reports, so the node passes through every role. Nothing may throw, and the safety
   * properties a node can keep on its own must hold after every input: the term never decreases; one vote per
   * term; commitIndex never decreases and committed entries never change; lastApplied ≤ commitIndex ≤
   * lastIndex, applied one by one in order; durableIndex ≤ lastIndex; matchIndex < nextIndex for every peer.
   */
  @Test
  void randomGarbageNeverThrowsAndNeverBreaksLocalInvariants() {
    SplittableRandom rnd = new SplittableRandom(0x5eed_2026L);
    RaftCore node = CoreFixture.node(1, THREE, PersistentState.EMPTY, 0);
    long now = 0;
    long term = 0;
    int vote = HardState.NO_VOTE;
    long commit = 0;
    List<LogEntry> committed = new ArrayList<>();
    boolean[] sawRole = new boolean[Role.values().length];

    for (int step = 0; step < 10_000; step++) {
      now += rnd.nextInt(0, 60);
      int kind = rnd.nextInt(20);
      long at = now;
      Ready r;
      if (kind < 14) {
        Message m = Garbage.message(rnd, node);
        r = assertDoesNotThrow(() -> node.step(m, at), () -> "step " + m);
      } else if (kind < 17) {
        r = node.tick(at);
      } else if (kind < 18) {
        r = node.propose(new ClientRequest(rnd.nextLong(1, 4), rnd.nextLong(1, 9), "SET k " + rnd.nextInt(9)), at);
      } else {
        LogView log = node.log();
        r = node.persisted(log.lastIndex(), log.lastTerm(), at);
      }
      sawRole[node.role().ordinal()] = true;
      String where = "after input " + step + " (" + r.events() + ")";

      assertTrue(node.currentTerm() >= term, "term went back " + where);
      if (node.currentTerm() == term && vote != HardState.NO_VOTE) {
        assertEquals(vote, node.votedFor(), "voted twice in term " + term + " " + where);
      }
      term = node.currentTerm();
      vote = node.votedFor();

      LogView log = node.log();
      assertTrue(node.commitIndex() >= commit, "commitIndex went back " + where);
      assertTrue(node.lastApplied() <= node.commitIndex() && node.commitIndex() <= log.lastIndex(), where);
      assertTrue(node.durableIndex() <= log.lastIndex(), "durableIndex beyond the log " + where);
      assertEquals(committed, log.slice(1, commit), "a committed entry changed " + where);
      long expectedIndex = node.lastApplied() - r.applied().size() + 1;
      for (AppliedEntry a : r.applied()) {
        assertEquals(expectedIndex++, a.entry().index(), "applied out of order " + where);
      }
      commit = node.commitIndex();
      committed = log.slice(1, commit);
      for (ProgressView p : node.progress()) {
        assertTrue(p.matchIndex() < p.nextIndex(), "progress " + p.peer() + " " + where);
      }
    }
    assertTrue(sawRole[Role.CANDIDATE.ordinal()] && sawRole[Role.LEADER.ordinal()],
        "the garbage should drive the node through every role");
    assertFalse(term == 0);
  }

  /** Generates well-typed messages with fields in, around and beyond their sensible ranges. */
  private static final class Garbage {
    private Garbage() {}

    static Message message(SplittableRandom rnd, RaftCore node) {
      int from = rnd.nextInt(10) < 8 ? rnd.nextInt(2, 4) : rnd.nextInt(-1, 6);
      int to = rnd.nextInt(10) < 9 ? 1 : rnd.nextInt(-1, 6);
      long current = node.currentTerm();
      long term = switch (rnd.nextInt(6)) {
        case 0, 1 -> current;
        case 2 -> current + 1;
        case 3 -> rnd.nextLong(-2, current + 1);
        default -> rnd.nextLong(0, current + 3);
      };
      long span = node.log().lastIndex() + 4;
      return switch (rnd.nextInt(4)) {
        case 0 -> new RequestVote(from, to, term, rnd.nextLong(-1, span), rnd.nextLong(-1, term + 2));
        case 1 -> {
          boolean granted = rnd.nextBoolean();
          VoteRefusal why = rnd.nextInt(5) == 0 || !granted
              ? (rnd.nextInt(6) == 0 ? null : VoteRefusal.values()[rnd.nextInt(VoteRefusal.values().length)])
              : null;
          yield new RequestVoteReply(from, to, term, granted, why);
        }
        case 2 -> appendEntries(rnd, from, to, term, span);
        default -> new AppendEntriesReply(from, to, term, rnd.nextBoolean(), rnd.nextLong(-1, span),
            rnd.nextLong(-1, span), rnd.nextLong(-1, term + 2), rnd.nextLong(-1, span + 2),
            rnd.nextInt(5) == 0 ? null : AppendRejection.values()[rnd.nextInt(AppendRejection.values().length)],
            rnd.nextLong(0, 100));
      };
    }

    /** InstallSnapshot, its reply, ReadIndex or its reply, with fields in, around and beyond their ranges. */
    static Message snapshotOrRead(SplittableRandom rnd, RaftCore node, byte[] real) {
      int from = rnd.nextInt(10) < 9 ? rnd.nextInt(2, 4) : rnd.nextInt(-1, 6);
      int to = rnd.nextInt(10) < 9 ? 1 : rnd.nextInt(-1, 6);
      long current = node.currentTerm();
      int pick = rnd.nextInt(20);
      long term = pick < 14 ? current : pick < 15 ? current + 1 : rnd.nextLong(-1, current + 1);
      long span = node.log().lastIndex() + 6;
      return switch (rnd.nextInt(4)) {
        case 0 -> {
          long index = rnd.nextInt(3) == 0 ? rnd.nextLong(-1, span) : node.commitIndex() + rnd.nextInt(-2, 6);
          long indexTerm = rnd.nextInt(5) == 0 ? rnd.nextLong(-1, term + 2) : rnd.nextLong(1, Math.max(2, term + 1));
          int offset;
          byte[] data;
          if (rnd.nextInt(3) == 0) { // the whole of a real snapshot
            offset = 0;
            data = real;
          } else if (rnd.nextBoolean()) { // a piece of a real snapshot, mostly at sensible offsets
            offset = rnd.nextInt(4) == 0 ? rnd.nextInt(-2, real.length + 4) : 8 * rnd.nextInt(0, real.length / 8 + 1);
            int start = Math.max(0, Math.min(offset, real.length));
            int end = Math.min(real.length, start + (rnd.nextBoolean() ? 8 : real.length));
            data = java.util.Arrays.copyOfRange(real, start, end);
          } else {
            offset = rnd.nextInt(4) == 0 ? rnd.nextInt(-2, 64) : 0;
            data = new byte[rnd.nextInt(0, 24)];
            rnd.nextBytes(data);
          }
          boolean done = offset + data.length == real.length ? rnd.nextInt(4) != 0 : rnd.nextInt(4) == 0;
          yield new InstallSnapshot(from, to, term, index, indexTerm, offset, data, done);
        }
        case 1 -> new InstallSnapshotReply(from, to, term, rnd.nextLong(-1, span), rnd.nextLong(-1, real.length + 8),
            rnd.nextBoolean());
        case 2 -> new ReadIndex(from, to, term, rnd.nextLong(-1, 6));
        default -> new ReadIndexReply(from, to, term, rnd.nextLong(-1, 40), rnd.nextInt(4) != 0,
            rnd.nextInt(3) == 0 ? rnd.nextLong(-1, span) : node.commitIndex() + rnd.nextInt(-1, 2), rnd.nextInt(-1, 5));
      };
    }

    private static AppendEntries appendEntries(SplittableRandom rnd, int from, int to, long term, long span) {
      long prev = rnd.nextLong(-1, span);
      long prevTerm = rnd.nextInt(4) == 0 ? rnd.nextLong(-1, term + 2) : rnd.nextLong(0, Math.max(1, term + 1));
      if (prev == 0 && rnd.nextInt(4) != 0) {
        prevTerm = 0;
      }
      List<LogEntry> entries = new ArrayList<>();
      long index = Math.max(1, prev + 1);
      long entryTerm = Math.max(0, prevTerm);
      int count = rnd.nextInt(5);
      for (int i = 0; i < count; i++) {
        if (rnd.nextInt(12) == 0) {
          index += rnd.nextInt(-1, 3); // a gap or a repeat now and then
          index = Math.max(1, index);
        }
        if (rnd.nextInt(6) == 0) {
          entryTerm = rnd.nextLong(0, Math.max(1, term + 2));
        } else if (rnd.nextInt(3) == 0) {
          entryTerm = Math.min(Math.max(entryTerm, term), entryTerm + 1);
        }
        entries.add(new LogEntry(index++, Math.max(0, entryTerm), Payload.NoOp.INSTANCE));
      }
      return new AppendEntries(from, to, term, prev, prevTerm, entries, rnd.nextLong(-1, span + 3),
          rnd.nextLong(0, 100));
    }
  }
}
