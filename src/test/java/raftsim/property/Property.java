package raftsim.property;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.LongFunction;

/**
 * The project's own property-test harness on JUnit 5: a property is checked on each seed of
 * {@link Seeds#forProperty}; the first failing seed is shrunk (the property supplies how) and reported
 * with everything needed to replay it. raftsim does not use jqwik, whose maintainers ask that AI
 * coding agents not use it; this small harness does what raftsim needs.
 */
final class Property {
  private Property() {}

  /** What checking one seed found: null when the property held. */
  interface Check {
    /** @return null when the property holds for {@code seed}, else a description of the counterexample */
    String counterexample(long seed);
  }

  /** Checks {@code property} on every seed; on the first failure, fails with the seed and {@code explain}'s text. */
  static void forAll(String name, int defaultRuns, Check property, LongFunction<String> explain) {
    for (long seed : Seeds.forProperty(name, defaultRuns)) {
      String found = property.counterexample(seed);
      if (found != null) {
        fail(name + " failed for seed " + seed + ": " + found + "\n" + explain.apply(seed)
            + "\nReplay this case alone with: mvn -B -ntp verify -Dtest=" + callerClass() + " -Draftsim.seed=" + seed);
      }
    }
  }

  private static String callerClass() {
    for (StackTraceElement e : new Throwable().getStackTrace()) {
      if (!e.getClassName().equals(Property.class.getName())) {
        String c = e.getClassName();
        return c.substring(c.lastIndexOf('.') + 1);
      }
    }
    return "?";
  }
}
