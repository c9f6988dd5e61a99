package raftsim.sim;

import java.util.ArrayList;
import java.util.List;
import raftsim.check.history.History;
import raftsim.check.linearizability.Counterexample;
import raftsim.check.linearizability.Verdict;

/**
 * A scenario run judged in full: the outcome, the client history, the linearizability verdict (null
 * when not checked: no operations, or the scenario said "skip"), and every expectation.
 */
public record RunResult(ScenarioOutcome outcome, History history, Verdict verdict, List<ExpectationResult> expectations) {
  public RunResult {
    expectations = List.copyOf(expectations);
  }

  /** CONTRACT §5: true or false when decided, null when not checked or undecided. */
  public Boolean linearizable() {
    if (verdict instanceof Verdict.Linearizable) {
      return true;
    }
    return verdict instanceof Verdict.NotLinearizable ? false : null;
  }

  public boolean undecided() {
    return verdict instanceof Verdict.Undecided;
  }

  /** The violation's explanation when the history is not linearizable, else null. */
  public Counterexample counterexample() {
    return verdict instanceof Verdict.NotLinearizable n ? n.counterexample() : null;
  }

  public boolean checksFailed() {
    return outcome.violationCount() > 0 || expectations.stream().anyMatch(e -> !e.ok());
  }

  /** Every check held and nothing was left undecided. */
  public boolean ok() {
    return !checksFailed() && !undecided();
  }

  /** CONTRACT §2: 1 when a check failed, else 3 when undecided, else 0. */
  public int exitCode() {
    return checksFailed() ? 1 : undecided() ? 3 : 0;
  }

  static List<ExpectationResult> plus(List<ExpectationResult> list, ExpectationResult extra) {
    List<ExpectationResult> all = new ArrayList<>(list);
    all.add(extra);
    return all;
  }
}
