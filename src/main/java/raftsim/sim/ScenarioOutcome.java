package raftsim.sim;

import java.util.List;
import raftsim.check.Violation;
import raftsim.core.CoreStats;

/**
 * What a scenario run produced before its history is checked for linearizability.
 *
 * @param leader the leader at the end, null when none
 * @param term the highest term of any live node
 * @param commitIndex the highest commit index of any live node
 * @param violationCount all violations found; {@code violations} keeps the first hundred
 * @param stats snapshots and reads, summed over every node and incarnation
 * @param maxLogEntries the most entries any node's log held after its snapshot, at any time
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
    List<ExpectationResult> expectations,
    CoreStats stats,
    long maxLogEntries) {

  public ScenarioOutcome {
    violations = List.copyOf(violations);
    expectations = List.copyOf(expectations);
  }

  /** True when no invariant broke and every expectation checked so far held. */
  public boolean safeAndAsExpected() {
    return violationCount == 0 && expectations.stream().allMatch(ExpectationResult::ok);
  }
}
