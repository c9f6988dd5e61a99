package raftsim.check.linearizability;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import raftsim.check.history.History;

/**
 * Histories plain Wing &amp; Gong search cannot decide in reasonable time: 40 clients on 4 keys, 1,600 operations,
 * mostly appends and reads of unique values. The write order the reads reveal decides them within seconds.
 */
class GeneratedHistoriesTest {
  private static final Duration BUDGET = Duration.ofSeconds(30);

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void linearizableByConstruction(long seed) {
    History h = HistoryGenerator.linearizable(seed, 40, 4, 1600).history();
    Verdict v = timed("linearizable by construction, seed " + seed, h);
    assertInstanceOf(Verdict.Linearizable.class, v);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void oneStaleReadBreaksIt(long seed) {
    HistoryGenerator g = HistoryGenerator.linearizable(seed, 40, 4, 1600);
    long read = g.breakOneRead(seed);
    assertTrue(read >= 0, "the generator found a read to break");
    Verdict v = timed("one stale read (operation " + read + "), seed " + seed, g.history());
    assertInstanceOf(Verdict.NotLinearizable.class, v);
  }

  private static Verdict timed(String what, History h) {
    long start = System.nanoTime();
    Verdict v = TestChecks.check(h, new KvModel(), BUDGET);
    System.out.printf("40 clients, 4 keys, 1600 operations, %s: %s in %d ms%n",
        what, v.word(), (System.nanoTime() - start) / 1_000_000);
    return v;
  }
}
