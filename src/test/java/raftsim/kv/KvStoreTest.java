package raftsim.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import raftsim.core.Payload;

/** The key-value commands and the client sessions of Raft dissertation §6.3. */
class KvStoreTest {
  private final KvStore store = new KvStore();
  private long seq;

  private String run(String command) {
    return store.apply(new Payload.Command(1, ++seq, command));
  }

  @Test
  void everyCommandDoesWhatItSays() {
    assertEquals("NIL", run("GET k"));
    assertEquals("OK", run("SET k a"));
    assertEquals("VALUE a", run("GET k"));
    assertEquals("OK", run("APPEND k b"));
    assertEquals("VALUE ab", run("GET k"));
    assertEquals("FALSE", run("CAS k a c"));
    assertEquals("TRUE", run("CAS k ab c"));
    assertEquals("VALUE c", run("GET k"));
    assertEquals("OK", run("DELETE k"));
    assertEquals("NIL", run("GET k"));
    assertEquals("FALSE", run("CAS k c d"), "an absent key never equals the expected value");
    assertEquals("OK", run("APPEND new x"), "appending to an absent key starts from empty");
    assertEquals("VALUE x", run("GET new"));
  }

  @Test
  void verbsAreCaseInsensitiveAndSpacesMayRepeat() {
    assertEquals("OK", run("set  k \t v"));
    assertEquals("VALUE v", run("  get k  "));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|empty command",
      "FROB k|unknown command 'FROB'",
      "SET k|SET takes 2 arguments, got 1",
      "GET a b|GET takes 1 argument, got 2",
      "CAS k a|CAS takes 3 arguments, got 2"})
  void badCommandsAreAnsweredWithAnErrorAndChangeNothing(String command, String message) {
    String result = run(command);
    assertTrue(result.startsWith("ERR ") && result.contains(message), result);
    assertTrue(result.contains("valid: SET k v | GET k"), result);
    assertTrue(store.data().isEmpty());
  }

  @Test
  void parseRejectsWhatItCannotRun() {
    assertThrows(IllegalArgumentException.class, () -> KvCommand.parse("APPEND k"));
    assertEquals(new KvCommand.Cas("k", "a", "b"), KvCommand.parse("cas k a b"));
  }

  @Test
  void aRetriedCommandIsAppliedOnceAndAnsweredWithItsFirstResult() {
    Payload.Command append = new Payload.Command(7, 1, "APPEND k x");
    assertEquals("OK", store.apply(append));
    assertEquals("OK", store.apply(append));
    assertEquals("x", store.get("k"), "the retry must not append twice");
    Payload.Command cas = new Payload.Command(7, 2, "CAS k x y");
    assertEquals("TRUE", store.apply(cas));
    assertEquals("TRUE", store.apply(cas), "the retry gets the first result, not a fresh FALSE");
    assertEquals("y", store.get("k"));
  }

  @Test
  void aCommandOlderThanTheLastAppliedOneIsNeverApplied() {
    store.apply(new Payload.Command(7, 5, "SET k new"));
    assertEquals(KvStore.STALE, store.apply(new Payload.Command(7, 4, "SET k old")));
    assertEquals("new", store.get("k"));
  }

  @Test
  void sessionsAreKeptPerClient() {
    store.apply(new Payload.Command(1, 9, "SET a 1"));
    assertEquals("OK", store.apply(new Payload.Command(2, 1, "SET b 2")), "another client's low sequence is fine");
    assertEquals("2", store.get("b"));
    assertEquals(2, store.sessionCount());
    assertNull(store.get("c"));
  }

  @Test
  void aCommandWithoutASessionIsAppliedEveryTimeAndRemembersNothing() {
    Payload.Command append = new Payload.Command(KvStore.NO_SESSION, 1, "APPEND k x");
    store.apply(append);
    store.apply(append);
    assertEquals("xx", store.get("k"), "no session, no deduplication");
    assertEquals(0, store.sessionCount());
  }
}
