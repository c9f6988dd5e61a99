package raftsim.fuzz;

import raftsim.check.linearizability.CheckOptions;
import raftsim.scenario.Scenario;
import raftsim.sim.RunResult;
import raftsim.sim.ScenarioRunner;
import raftsim.trace.TraceWriter;

/** Runs one scenario with every check on, no trace, and says which check failed. */
public final class FuzzRunner {
  private final CheckOptions check;

  /** @param check the linearizability checker's budget and means for each run */
  public FuzzRunner(CheckOptions check) {
    this.check = check;
  }

  /**
   * A generated scenario makes tens of thousands of events per simulated second at most; a run that
   * takes far more is a runaway (a storm of messages from a broken node) and stops as a failure.
   */
  static final long EVENTS_PER_SIMULATED_SECOND = 200_000;

  public RunResult run(Scenario s) {
    long limit = Math.max(1_000_000, s.durationMs() / 1000 * EVENTS_PER_SIMULATED_SECOND);
    return ScenarioRunner.runAndCheck(s, ScenarioRunner.options(s).withEventLimit(limit), TraceWriter.disabled(), check);
  }

  /** The check {@code s} fails, or null when it passes (or the history check was undecided). */
  public Failure failure(Scenario s) {
    return Failure.of(run(s));
  }
}
