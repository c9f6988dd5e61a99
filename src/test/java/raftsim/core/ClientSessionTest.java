package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static raftsim.core.CoreFixture.LATER;
import static raftsim.core.CoreFixture.THREE;
import static raftsim.core.CoreFixture.ack;
import static raftsim.core.CoreFixture.append;
import static raftsim.core.CoreFixture.stored;

import java.util.List;
import org.junit.jupiter.api.Test;
import raftsim.kv.KvStore;

/**
 * Client sessions, diss. §6.3 (RAFT-CHECKLIST rule 18), as the core applies them with the key-value store:
 * a command retried under the same (clientId, seq) is applied at most once, an older one never.
 */
class ClientSessionTest {

  private static LogEntry entry(long index, long clientId, long seq, String text) {
    return new LogEntry(index, 1, new Payload.Command(clientId, seq, text));
  }

  /** The same log on any node: a command, its retry, a stale one, and the client's next command. */
  private static final List<LogEntry> LOG = List.of(
      entry(1, 5, 1, "APPEND k a"),
      entry(2, 5, 1, "APPEND k a"), // retried after a timeout: appended twice
      entry(3, 5, 0, "APPEND k z"), // older than what was applied
      entry(4, 5, 2, "APPEND k b"));

  private static List<String> applyOnAFollower(KvStore store) {
    RaftCore node = CoreFixture.node(1, THREE, CoreFixture.CONFIG, stored(1, 0, List.of()), store, 0);
    node.step(append(2, 1, 1, 0, 0, 0, LOG.toArray(new LogEntry[0])), LATER);
    Ready r = node.step(append(2, 1, 1, 4, 1, 4), LATER);
    return r.applied().stream().map(AppliedEntry::result).toList();
  }

  /** Rule 18: a duplicate gets the saved result without being applied again; an older sequence is never applied. */
  @Test
  void rule18_duplicateAppliesOnceAndAnOlderSequenceNever() {
    KvStore store = new KvStore();

    List<String> results = applyOnAFollower(store);

    assertEquals(List.of("OK", "OK", KvStore.STALE, "OK"), results);
    assertEquals("ab", store.get("k"));
  }

  /** Rule 18: sessions are part of the replicated state, so every node decides duplicates the same way. */
  @Test
  void rule18_everyNodeDecidesDuplicatesTheSameWay() {
    KvStore first = new KvStore();
    KvStore second = new KvStore();

    assertEquals(applyOnAFollower(first), applyOnAFollower(second));
    assertEquals(first.data(), second.data());
  }

  /** Rule 18 with rule 19: a leader that gets a retry answers it with the result of the first application. */
  @Test
  void rule18_leaderAnswersARetryWithTheSavedResult() {
    RaftCore leader = CoreFixture.leader(PersistentState.EMPTY); // no-op at 1
    leader.propose(new ClientRequest(5, 1, "CAS k absent x"), LATER); // 2
    leader.propose(new ClientRequest(5, 1, "CAS k absent x"), LATER); // 3: the same command, retried
    leader.persisted(3, 1, LATER);

    Ready r = leader.step(ack(2, 1, 1, 3), LATER);

    assertEquals(List.of(
        new ClientReply.Applied(5, 1, 2, "FALSE"),
        new ClientReply.Applied(5, 1, 3, "FALSE")), r.replies());
  }
}
