package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.ack;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.campaign;
import static raftsim.core.CoreFixture.fresh;
import static raftsim.core.CoreFixture.leader;
import static raftsim.core.CoreFixture.replies;
import static raftsim.core.CoreFixture.requestVote;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers to clients, diss. §6.3 (RAFT-CHECKLIST rule 19). */
class ClientReplyTest {

  private static ClientRequest set(long seq, String key) {
    return new ClientRequest(42, seq, "SET " + key + " v" + seq);
  }

  /** Diss. §6.2: a follower does not append; it answers NotLeader and names the leader it knows. */
  @Test
  void rule19_followerAnswersNotLeaderWithItsLeaderHint() {
    RaftCore node = fresh(1);
    node.step(append(3, 1, 1, 0, 0, 0), LATER); // 3 leads term 1

    Ready r = node.propose(set(1, "a"), LATER);

    assertEquals(List.of(new ClientReply.NotLeader(42, 1, 3)), r.replies());
    assertNull(r.logWrite());
    assertEquals(0, node.log().lastIndex());
  }

  /** Diss. §6.2: a node that knows no leader (a fresh follower, a candidate) answers NotLeader with no hint. */
  @Test
  void rule19_nodeWithoutAKnownLeaderAnswersNotLeaderWithoutAHint() {
    RaftCore follower = fresh(1);
    RaftCore candidate = fresh(2);
    campaign(candidate);

    assertEquals(List.of(new ClientReply.NotLeader(42, 1, 0)), follower.propose(set(1, "a"), LATER).replies());
    assertEquals(List.of(new ClientReply.NotLeader(42, 2, 0)), candidate.propose(set(2, "a"), LATER).replies());
    assertEquals(0, candidate.log().lastIndex());
  }

  /** Rule 19: the leader answers Applied, with the state machine's result, only once the entry is applied. */
  @Test
  void rule19_leaderAnswersAppliedOnlyOnceTheEntryIsApplied() {
    RaftCore leader = leader(PersistentState.EMPTY); // no-op at 1

    Ready proposed = leader.propose(set(1, "a"), LATER);
    assertTrue(proposed.replies().isEmpty());
    assertEquals(2, proposed.logWrite().entries().get(0).index());
    assertTrue(leader.persisted(2, 1, LATER).replies().isEmpty(), "durable here, but not committed");

    Ready committed = leader.step(ack(3, 1, 1, 2), LATER);

    assertEquals(2, leader.lastApplied());
    assertEquals(List.of(new ClientReply.Applied(42, 1, 2, "OK")), committed.replies());
  }

  /**
   * Rule 19: a leader that loses leadership answers its pending proposals OutcomeUnknown — they may still
   * commit under the next leader — and never answers them again afterwards, even when they do commit.
   */
  @Test
  void rule19_leaderThatStepsDownAnswersPendingProposalsOutcomeUnknown() {
    RaftCore leader = leader(PersistentState.EMPTY); // no-op at 1
    leader.propose(set(1, "a"), LATER); // 2
    leader.propose(set(2, "b"), LATER); // 3
    leader.persisted(3, 1, LATER);

    Ready deposed = leader.step(requestVote(2, 1, 2, 3, 1), LATER); // a candidate with an equal log

    assertEquals(Role.FOLLOWER, leader.role());
    assertEquals(2, deposed.replies().size());
    assertEquals(deposed.replies(), replies(deposed, ClientReply.OutcomeUnknown.class));
    assertEquals(List.of(1L, 2L), deposed.replies().stream().map(ClientReply::seq).toList());

    // Node 2 wins term 2 and commits both entries; the old leader applies them but answers nobody again.
    Ready applied = leader.step(append(2, 1, 2, 3, 1, 3), LATER + 1);
    assertEquals(3, leader.lastApplied());
    assertTrue(applied.replies().isEmpty());
  }

  /** Rule 19: deposed by the new leader's AppendEntries, a leader points its waiting clients at it. */
  @Test
  void rule19_aLeaderDeposedByAppendEntriesHintsTheNewLeader() {
    RaftCore leader = leader(PersistentState.EMPTY); // no-op at 1
    leader.propose(set(1, "a"), LATER); // 2

    Ready deposed = leader.step(append(3, 1, 2, 0, 0, 0), LATER); // node 3 leads term 2

    assertEquals(Role.FOLLOWER, leader.role());
    assertEquals(List.of(new ClientReply.OutcomeUnknown(42, 1, 3)), deposed.replies());
  }

  /** Rule 19: a proposal already answered Applied is not answered again when its leader steps down. */
  @Test
  void rule19_stepDownAnswersOnlyProposalsStillPending() {
    RaftCore leader = leader(PersistentState.EMPTY);
    leader.propose(set(1, "a"), LATER); // 2
    leader.persisted(2, 1, LATER);
    leader.step(ack(2, 1, 1, 2), LATER); // applied and answered
    leader.propose(set(2, "b"), LATER); // 3, pending

    Ready deposed = leader.step(requestVote(3, 1, 5, 0, 0), LATER);

    assertEquals(1, deposed.replies().size());
    ClientReply only = deposed.replies().get(0);
    assertTrue(only instanceof ClientReply.OutcomeUnknown);
    assertEquals(2, only.seq());
  }
}
