package raftsim.check.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftsim.check.linearizability.Histories.check;
import static raftsim.check.linearizability.Histories.raftsim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import raftsim.check.history.History;

/** Small hand-made raftsim histories, one situation each. */
class KvHistoriesTest {

  private static Counterexample violation(History h) {
    return assertInstanceOf(Verdict.NotLinearizable.class, check(h)).counterexample();
  }

  private static List<Long> stuckIds(Counterexample c) {
    List<Long> ids = new ArrayList<>();
    for (Counterexample.StuckOperation s : c.cannotLinearize()) {
      ids.add(s.operation().opId());
    }
    return ids;
  }

  @Test
  void staleReadIsNotLinearizable() {
    Counterexample c = violation(raftsim(
        "invoke 1 1 0 SET x a",
        "ok 1 1 1 OK",
        "invoke 2 1 2 SET x b",
        "ok 2 1 3 OK",
        "invoke 3 2 4 GET x",
        "ok 3 2 5 VALUE a"));
    assertEquals("x", c.partition());
    assertEquals(List.of(3L), stuckIds(c));
    assertEquals("\"b\"", c.stateAfterPrefix());
    assertEquals(2, c.prefix().size());
    assertTrue(c.cannotLinearize().get(0).why().contains("impossible when the state is \"b\""));
  }

  @Test
  void lostWriteIsNotLinearizable() {
    Counterexample c = violation(raftsim(
        "invoke 1 1 0 APPEND x a",
        "ok 1 1 1 OK",
        "invoke 2 2 2 APPEND x b",
        "ok 2 2 3 OK",
        "invoke 3 3 4 GET x",
        "ok 3 3 5 VALUE b"));
    assertEquals(List.of(3L), stuckIds(c));
    assertEquals("\"ab\"", c.stateAfterPrefix());
  }

  @Test
  void concurrentWritesSeenInDifferentOrdersAreNotLinearizable() {
    violation(raftsim(
        "invoke 1 1 0 SET x a",
        "invoke 2 2 0 SET x b",
        "ok 1 1 5 OK",
        "ok 2 2 6 OK",
        "invoke 3 3 7 GET x",
        "invoke 5 4 7 GET x",
        "ok 3 3 8 VALUE a",
        "ok 5 4 8 VALUE b",
        "invoke 4 3 9 GET x",
        "invoke 6 4 9 GET x",
        "ok 4 3 10 VALUE b",
        "ok 6 4 10 VALUE a"));
  }

  @Test
  void concurrentWritesSeenInOneOrderAreLinearizable() {
    assertInstanceOf(Verdict.Linearizable.class, check(raftsim(
        "invoke 1 1 0 SET x a",
        "invoke 2 2 0 SET x b",
        "invoke 3 3 1 GET x",
        "ok 3 3 2 VALUE b",
        "invoke 4 4 3 GET x",
        "ok 4 4 4 VALUE a",
        "ok 1 1 5 OK",
        "ok 2 2 6 OK")));
  }

  @Test
  void indeterminateWriteThatShowsUpLaterIsLinearizable() {
    assertInstanceOf(Verdict.Linearizable.class, check(raftsim(
        "invoke 1 1 0 SET x a",
        "info 1 1 10 timeout",
        "invoke 2 2 20 GET x",
        "ok 2 2 21 NIL",
        "invoke 3 2 30 GET x",
        "ok 3 2 31 VALUE a")));
  }

  @Test
  void indeterminateWriteThatNeverShowsUpIsLinearizable() {
    assertInstanceOf(Verdict.Linearizable.class, check(raftsim(
        "invoke 1 1 0 SET x a",
        "info 1 1 10 timeout",
        "invoke 2 2 20 GET x",
        "ok 2 2 21 NIL",
        "invoke 3 2 30 SET x b",
        "ok 3 2 31 OK",
        "invoke 4 2 40 GET x",
        "ok 4 2 41 VALUE b")));
  }

  @Test
  void pendingWriteAtTheEndIsIndeterminate() {
    assertInstanceOf(Verdict.Linearizable.class, check(raftsim(
        "invoke 1 1 0 SET x a",
        "invoke 2 2 20 GET x",
        "ok 2 2 21 VALUE a")));
  }

  @Test
  void indeterminateWriteCannotTakeEffectBeforeItsInvocation() {
    violation(raftsim(
        "invoke 1 2 0 GET x",
        "ok 1 2 1 VALUE a",
        "invoke 2 1 5 SET x a",
        "info 2 1 10 timeout"));
  }

  @Test
  void failedCasIsADefiniteOutcome() {
    assertInstanceOf(Verdict.Linearizable.class, check(raftsim(
        "invoke 1 1 0 SET x a",
        "ok 1 1 1 OK",
        "invoke 2 2 2 CAS x b c",
        "ok 2 2 3 FALSE",
        "invoke 3 1 4 GET x",
        "ok 3 1 5 VALUE a")));
    Counterexample c = violation(raftsim(
        "invoke 1 1 0 SET x a",
        "ok 1 1 1 OK",
        "invoke 2 2 2 CAS x a c",
        "ok 2 2 3 FALSE"));
    assertEquals(List.of(2L), stuckIds(c));
  }

  @Test
  void failedOperationWasNeverApplied() {
    assertInstanceOf(Verdict.Linearizable.class, check(raftsim(
        "invoke 1 1 0 SET x a",
        "ok 1 1 1 OK",
        "invoke 2 2 2 CAS x a c",
        "fail 2 2 3 not leader",
        "invoke 3 1 4 GET x",
        "ok 3 1 5 VALUE a")));
    violation(raftsim(
        "invoke 1 1 0 SET x a",
        "fail 1 1 1 not leader",
        "invoke 2 2 2 GET x",
        "ok 2 2 3 VALUE a"));
  }

  @Test
  void readYourWritesAcrossClients() {
    assertInstanceOf(Verdict.Linearizable.class, check(raftsim(
        "invoke 1 1 0 SET x a",
        "ok 1 1 1 OK",
        "invoke 2 2 2 GET x",
        "ok 2 2 3 VALUE a",
        "invoke 3 2 4 DELETE x",
        "ok 3 2 5 OK",
        "invoke 4 1 6 GET x",
        "ok 4 1 7 NIL")));
    violation(raftsim(
        "invoke 1 1 0 SET x a",
        "ok 1 1 1 OK",
        "invoke 2 2 2 GET x",
        "ok 2 2 3 NIL"));
  }

  @Test
  void keysAreCheckedIndependently() {
    Counterexample c = violation(raftsim(
        "invoke 1 1 0 SET x a",
        "ok 1 1 1 OK",
        "invoke 2 2 2 SET y b",
        "ok 2 2 3 OK",
        "invoke 3 3 4 GET y",
        "ok 3 3 5 VALUE b",
        "invoke 4 3 6 GET x",
        "ok 4 3 7 VALUE b"));
    assertEquals("x", c.partition());
    assertEquals(2, c.partitionOperations());
  }

  @Test
  void thirtyConcurrentClientsOnOneKeyFinishWithinTheBudget() {
    History h = HistoryGenerator.linearizable(30, 30, 1, 300).history();
    long start = System.nanoTime();
    Verdict v = TestChecks.check(h, new KvModel(), Duration.ofSeconds(20));
    System.out.printf("30 clients, 1 key, 300 operations: %s in %d ms%n", v.word(), (System.nanoTime() - start) / 1_000_000);
    assertInstanceOf(Verdict.Linearizable.class, v);
  }

  /**
   * Many concurrent appends of one value and a read no state can match: the search must try every subset. (The
   * compare-and-set keeps the write-order reasoning out, which would see at once that no read returns "a".)
   */
  private static History exponential() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      lines.add("invoke " + i + " " + i + " 0 APPEND x a");
    }
    lines.add("invoke 98 98 0 CAS x q r");
    lines.add("invoke 99 99 0 GET x");
    for (int i = 0; i < 30; i++) {
      lines.add("ok " + i + " " + i + " 1 OK");
    }
    lines.add("ok 98 98 1 FALSE");
    lines.add("ok 99 99 1 VALUE b");
    return raftsim(lines.toArray(new String[0]));
  }

  @Test
  void exhaustedTimeBudgetIsUndecided() {
    Verdict v = TestChecks.check(exponential(), new KvModel(), Duration.ofMillis(300));
    Verdict.Undecided u = assertInstanceOf(Verdict.Undecided.class, v);
    assertTrue(u.reason().contains("time budget"), u.reason());
  }

  @Test
  void exhaustedMemoryCapIsUndecided() {
    Verdict v = LinearizabilityChecker.check(exponential(), new KvModel(),
        new CheckOptions(Duration.ofSeconds(30), 1 << 20, Parallelism.SEQUENTIAL, System::nanoTime));
    Verdict.Undecided u = assertInstanceOf(Verdict.Undecided.class, v);
    assertTrue(u.reason().contains("memory cap"), u.reason());
  }

  @Test
  void counterexampleTextIsDeterministic() {
    HistoryGenerator g = HistoryGenerator.linearizable(7, 12, 3, 400);
    g.breakOneRead(7);
    History h = g.history();
    Counterexample first = assertInstanceOf(Verdict.NotLinearizable.class, check(h)).counterexample();
    for (int threads = 1; threads <= 3; threads++) {
      Verdict again = LinearizabilityChecker.check(h, new KvModel(),
          new CheckOptions(Duration.ofSeconds(30), 1L << 30, TestChecks.threads(threads), System::nanoTime));
      assertEquals(first.render(), assertInstanceOf(Verdict.NotLinearizable.class, again).counterexample().render());
    }
  }

  @Test
  void counterexampleShowsATimelinePerClient() {
    Counterexample c = violation(raftsim(
        "invoke 1 1 0 SET x a",
        "ok 1 1 1 OK",
        "invoke 2 1 2 SET x b",
        "ok 2 1 3 OK",
        "invoke 3 2 4 GET x",
        "ok 3 2 5 VALUE a"));
    assertEquals(List.of(
        "client 1  [*#1-]    [*#2-]",
        "client 2                      [!#3-]"), c.timeline());
    List<String> text = c.render();
    assertTrue(text.contains("  #3 client 2: GET x -> VALUE a (lines 6-7): impossible when the state is \"b\""), text.toString());
  }
}
