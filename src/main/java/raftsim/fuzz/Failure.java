package raftsim.fuzz;

import raftsim.check.Violation;
import raftsim.sim.ExpectationResult;
import raftsim.sim.RunResult;

/**
 * Which check a run failed, in a form that shrinking can hold constant: {@code check} names the
 * invariant ({@code invariant:LogMatching}), {@code linearizability}, {@code liveness}, or another
 * expectation; {@code detail} says what happened in this particular run.
 */
public record Failure(String check, String detail) {

  /** The failure of {@code r}, or null when every check held (an undecided run is not a failure). */
  public static Failure of(RunResult r) {
    if (r.outcome().violationCount() > 0) {
      Violation v = r.outcome().violations().get(0);
      return new Failure("invariant:" + v.invariant(), v.invariant() + " at " + v.atMs() + " ms: " + v.detail());
    }
    for (ExpectationResult e : r.expectations()) {
      if (!e.ok()) {
        return new Failure(checkOf(e.name()), e.name() + ": " + e.detail());
      }
    }
    return null;
  }

  private static String checkOf(String expectation) {
    if (expectation.equals("linearizable")) {
      return "linearizability";
    }
    if (expectation.equals("leaderAtEnd") || expectation.startsWith("progress@")) {
      return "liveness";
    }
    return "expectation:" + expectation;
  }
}
