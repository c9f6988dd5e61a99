package raftsim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import raftsim.core.Payload;

/** Log Matching's memory: every (index, term) keeps its first payload and previous term, however many terms an index sees. */
class FirstWritesTest {
  private static Payload cmd(String text) {
    return new Payload.Command(1, 1, text);
  }

  @Test
  void aRewriteOfTheSameEntryMatchesAndAnyDifferenceIsReported() {
    FirstWrites w = new FirstWrites();
    Payload a = cmd("SET a 1");
    assertNull(w.check(3, 2, 1, a));
    assertNull(w.check(3, 2, 1, a));
    assertNull(w.check(3, 2, 1, cmd("SET a 1")), "an equal payload is the same entry");
    assertEquals(new FirstWrites.Write(2, 1, a), w.check(3, 2, 1, cmd("SET a 2")));
    assertEquals(new FirstWrites.Write(2, 1, a), w.check(3, 2, 2, a), "same payload after another term");
  }

  @Test
  void everyTermWrittenAtAnIndexIsRememberedOnItsOwn() {
    FirstWrites w = new FirstWrites();
    Payload t1 = cmd("SET a 1");
    Payload t2 = cmd("SET a 2");
    Payload t5 = Payload.NoOp.INSTANCE;
    assertNull(w.check(7, 1, 1, t1));
    assertNull(w.check(7, 2, 1, t2));
    assertNull(w.check(7, 5, 2, t5));
    assertNull(w.check(7, 2, 1, t2));
    assertNull(w.check(7, 5, 2, t5));
    assertEquals(new FirstWrites.Write(2, 1, t2), w.check(7, 2, 1, t1));
    assertEquals(new FirstWrites.Write(5, 2, t5), w.check(7, 5, 1, t5));
    assertSame(t1, w.check(7, 1, 1, t2).payload());
  }

  /** Against a plain map of (index, term) to the first write, with indices far apart so the arrays grow. */
  @Test
  void agreesWithAPlainMapUnderRandomWrites() {
    SplittableRandom random = new SplittableRandom(3);
    FirstWrites w = new FirstWrites();
    TreeMap<String, FirstWrites.Write> reference = new TreeMap<>();
    Payload[] payloads = {cmd("a"), cmd("b"), Payload.NoOp.INSTANCE};
    for (int step = 0; step < 100_000; step++) {
      long index = random.nextInt(10) == 0 ? 1 + random.nextLong(50_000) : 1 + random.nextLong(40);
      long term = random.nextLong(4);
      long prevTerm = random.nextLong(3);
      Payload p = payloads[random.nextInt(payloads.length)];
      FirstWrites.Write first = reference.putIfAbsent(index + "/" + term, new FirstWrites.Write(term, prevTerm, p));
      FirstWrites.Write expected = first == null || (first.prevTerm() == prevTerm && first.payload().equals(p)) ? null : first;
      assertEquals(expected, w.check(index, term, prevTerm, p), "step " + step);
    }
  }
}
