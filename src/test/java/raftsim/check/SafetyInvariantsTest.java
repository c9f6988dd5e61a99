package raftsim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import raftsim.core.AppendEntries;
import raftsim.core.AppendEntriesReply;
import raftsim.core.ClientRequest;
import raftsim.core.LogEntry;
import raftsim.core.LogWrite;
import raftsim.core.Payload;
import raftsim.core.PersistentState;
import raftsim.core.RaftConfig;
import raftsim.core.RaftCore;
import raftsim.core.Ready;
import raftsim.core.RequestVoteReply;
import raftsim.core.Role;
import raftsim.kv.KvStore;

/**
 * Each invariant must fire when broken. Three real cores that never talk to each other are fed forged
 * messages, so that together they do what no correct cluster could.
 */
class SafetyInvariantsTest {
  private SafetyInvariants inv;
  private RaftCore[] node;

  @BeforeEach
  void threeIsolatedNodes() {
    inv = new SafetyInvariants(3);
    node = new RaftCore[4];
    for (int id = 1; id <= 3; id++) {
      node[id] = new RaftCore(id, List.of(1, 2, 3), RaftConfig.defaults(), new SplittableRandom(id), new KvStore(),
          PersistentState.EMPTY, 0);
      inv.nodeStarted(id, node[id]);
    }
  }

  private void step(int id, Ready r) {
    inv.afterStep(0, id, node[id], r);
  }

  /** Times out {@code times} times, then wins with {@code voter}'s vote. */
  private void electAlone(int id, int voter, int times) {
    for (int i = 0; i < times; i++) {
      step(id, node[id].tick(node[id].electionDeadline()));
    }
    long term = node[id].currentTerm();
    step(id, node[id].step(RequestVoteReply.grant(voter, id, term), 0));
    assertEquals(Role.LEADER, node[id].role());
  }

  /**
   * The leader proposes {@code command}, makes it durable, replicates its whole log to {@code follower}
   * (which really appends it) and takes its acknowledgement.
   */
  private void commit(int leader, int follower, String command) {
    RaftCore c = node[leader];
    step(leader, c.propose(new ClientRequest(1, c.log().lastIndex() + 1, command), 0));
    long last = c.log().lastIndex();
    step(leader, c.persisted(last, c.currentTerm(), 0));
    Ready appended = node[follower].step(
        new AppendEntries(leader, follower, c.currentTerm(), 0, 0, c.log().slice(1, last), 0, 1), 0);
    step(follower, appended);
    AppendEntriesReply ack = (AppendEntriesReply) appended.messages().get(0);
    step(leader, c.step(ack, 0));
    assertEquals(last, c.commitIndex());
  }

  private List<String> invariantsBroken() {
    return inv.violations().stream().map(Violation::invariant).distinct().toList();
  }

  @Test
  void aCorrectSequenceBreaksNothing() {
    electAlone(1, 2, 1);
    commit(1, 2, "SET a 1");
    assertEquals(List.of(), inv.violations());
  }

  @Test
  void twoLeadersInOneTermBreakElectionSafety() {
    electAlone(1, 3, 1);
    electAlone(2, 3, 1);
    assertEquals(List.of("ElectionSafety"), invariantsBroken());
    assertEquals(List.of(1, 2), inv.violations().get(0).nodes());
  }

  @Test
  void aLeaderRewritingItsLogBreaksLeaderAppendOnly() {
    electAlone(1, 2, 1);
    step(1, node[1].propose(new ClientRequest(1, 1, "SET a 1"), 0));
    Ready rewrite = new Ready(null, new LogWrite(2, List.of()), null, List.of(), List.of(), List.of(), List.of(), 0);
    step(1, rewrite);
    assertEquals(List.of("LeaderAppendOnly"), invariantsBroken());
  }

  @Test
  void twoEntriesWithOneIndexAndTermBreakLogMatching() {
    electAlone(1, 3, 1);
    electAlone(2, 3, 1); // (also an ElectionSafety violation: the only way to get there)
    step(1, node[1].propose(new ClientRequest(1, 1, "SET a 1"), 0));
    step(2, node[2].propose(new ClientRequest(1, 1, "SET a 2"), 0));
    assertTrue(invariantsBroken().contains("LogMatching"), invariantsBroken().toString());
    Violation v = inv.violations().stream().filter(x -> x.invariant().equals("LogMatching")).findFirst().orElseThrow();
    assertEquals(2, v.index());
    assertEquals(1, v.term());
  }

  @Test
  void applyingAnotherCommandAtACommittedIndexBreaksStateMachineSafety() {
    electAlone(1, 2, 1);
    commit(1, 2, "SET a 1"); // node 1 applies SET a 1 at index 2, term 1
    // Node 3 follows a forged leader 2 of term 2 that put another command at index 2.
    List<LogEntry> entries = List.of(new LogEntry(1, 1, Payload.NoOp.INSTANCE),
        new LogEntry(2, 2, new Payload.Command(1, 1, "SET a 2")));
    step(3, node[3].step(new AppendEntries(2, 3, 2, 0, 0, entries, 2, 1), 0));
    assertEquals(List.of("StateMachineSafety"), invariantsBroken());
  }

  @Test
  void aLeaderLackingACommittedEntryBreaksLeaderCompleteness() {
    electAlone(1, 2, 1);
    commit(1, 2, "SET a 1"); // committed in term 1
    electAlone(3, 2, 2); // node 3 wins term 2 with an empty log
    assertEquals(List.of("LeaderCompleteness"), invariantsBroken());
    assertEquals(List.of(3), inv.violations().get(0).nodes());
  }

  @Test
  void aCommitMissingFromALaterLeaderIsFoundWhenItHappens() {
    electAlone(3, 2, 2); // node 3 leads term 2 first
    electAlone(1, 2, 1); // then a stale leader of term 1 commits what node 3 lacks
    commit(1, 2, "SET a 1");
    assertTrue(invariantsBroken().contains("LeaderCompleteness"), invariantsBroken().toString());
  }

  @Test
  void aCommitThatANodeLackingItCouldStillOverturnBreaksFutureLeaderCompleteness() {
    // Node 3 holds an entry of term 2 at index 1 (from a leader of term 2 that reached only it).
    step(3, node[3].step(new AppendEntries(2, 3, 2, 0, 0, List.of(new LogEntry(1, 2, Payload.NoOp.INSTANCE)), 0, 1), 0));
    // Node 1, leader of term 1, commits its entries 1 and 2 with node 2: Figure 8's unsafe commit.
    electAlone(1, 2, 1);
    commit(1, 2, "SET a 1");
    // Node 3 lacks them, yet its log (last term 2) is more up to date than anyone's: it could be elected.
    assertEquals(List.of("FutureLeaderCompleteness"), invariantsBroken());
    assertEquals(List.of(1, 3), inv.violations().get(0).nodes());
  }

  /** Node {@code follower} takes {@code entries} from a forged leader of {@code term}; nothing commits. */
  private void forge(int follower, int leader, long term, List<LogEntry> entries) {
    step(follower, node[follower].step(new AppendEntries(leader, follower, term, 0, 0, entries, 0, 1), 0));
  }

  @Test
  void aSecondTermAtAnIndexIsHeldToItsFirstWriteToo() {
    forge(2, 1, 1, List.of(new LogEntry(1, 1, Payload.NoOp.INSTANCE), new LogEntry(2, 1, new Payload.Command(1, 1, "SET a 1"))));
    forge(3, 2, 2, List.of(new LogEntry(1, 1, Payload.NoOp.INSTANCE), new LogEntry(2, 2, new Payload.Command(1, 1, "SET a 2"))));
    assertEquals(List.of(), inv.violations(), "another term at index 2 is allowed");
    forge(1, 2, 2, List.of(new LogEntry(1, 1, Payload.NoOp.INSTANCE), new LogEntry(2, 2, new Payload.Command(1, 1, "SET a 3"))));
    assertEquals(List.of("LogMatching"), invariantsBroken());
    Violation v = inv.violations().get(0);
    assertEquals(2, v.index());
    assertEquals(2, v.term());
    assertTrue(v.detail().contains("'SET a 2'"), v.detail());
  }

  @Test
  void theSameEntryAfterAnotherTermBreaksLogMatching() {
    Payload x = new Payload.Command(1, 1, "SET a 1");
    forge(2, 1, 3, List.of(new LogEntry(1, 1, Payload.NoOp.INSTANCE), new LogEntry(2, 3, x)));
    forge(3, 1, 3, List.of(new LogEntry(1, 2, Payload.NoOp.INSTANCE), new LogEntry(2, 3, x)));
    assertEquals(List.of("LogMatching"), invariantsBroken());
    Violation v = inv.violations().get(0);
    assertEquals(2, v.index());
    assertTrue(v.detail().contains("after an entry of term 2") && v.detail().contains("there after term 1"), v.detail());
  }
}
