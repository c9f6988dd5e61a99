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

  public RunResult run(Scenario s) {
    return ScenarioRunner.runAndCheck(s, ScenarioRunner.options(s), TraceWriter.disabled(), check);
  }

  /** The check {@code s} fails, or null when it passes (or the history check was undecided). */
  public Failure failure(Scenario s) {
    return Failure.of(run(s));
  }
}
