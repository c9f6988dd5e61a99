package raftsim.sim;

import java.util.List;
import raftsim.check.Violation;

/**
 * What a scenario run produced before its history is checked for linearizability.
 *
 * @param leader the leader at the end, null when none
 * @param term the highest term of any live node
 * @param commitIndex the highest commit index of any live node
 * @param violationCount all violations found; {@code violations} keeps the first hundred
 */
public record ScenarioOutcome(
    String scenario,
    long seed,
    long simulatedMs,
    long wallMs,
    long events,
    String traceHash,
    Integer leader,
    long term,
    long commitIndex,
    ClientCounts clientOps,
    long leaderChanges,
    List<Violation> violations,
    long violationCount,
    List<ExpectationResult> expectations) {

  public ScenarioOutcome {
    violations = List.copyOf(violations);
    expectations = List.copyOf(expectations);
  }

  /** True when no invariant broke and every expectation checked so far held. */
  public boolean safeAndAsExpected() {
    return violationCount == 0 && expectations.stream().allMatch(ExpectationResult::ok);
  }
}
