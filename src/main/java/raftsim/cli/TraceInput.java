package raftsim.cli;

import java.nio.file.Path;
import java.time.Duration;
import raftsim.learn.LoadedTrace;
import raftsim.learn.TraceLoader;
import raftsim.scenario.Scenario;
import raftsim.scenario.ScenarioException;
import raftsim.scenario.ScenarioLoader;
import raftsim.trace.TraceFormatException;

/**
 * What {@code step} and {@code html} read: a trace file, or a scenario file that is run to get one. A file
 * whose first line is a trace line ({@code {"seq":...}) is a trace; anything else is read as a scenario,
 * whose errors say FILE:LINE:COLUMN and name the field (CONTRACT §2).
 */
final class TraceInput {
  private TraceInput() {}

  static LoadedTrace load(String command, Path file, Long seed, long checkTimeoutSeconds) {
    if (checkTimeoutSeconds < 1) {
      throw new BadInputException("raftsim " + command + ": --check-timeout must be at least 1 second, got "
          + checkTimeoutSeconds);
    }
    var check = Checking.options(Duration.ofSeconds(checkTimeoutSeconds));
    if (TraceLoader.isTrace(file)) {
      if (seed != null) {
        throw new BadInputException("raftsim " + command + ": --seed applies to a scenario, and " + file
            + " is a trace: its seed is the one it was run with");
      }
      try {
        return TraceLoader.fromTrace(file, check);
      } catch (TraceFormatException e) {
        throw new BadInputException(e.getMessage());
      }
    }
    Scenario scenario;
    try {
      scenario = ScenarioLoader.load(file);
    } catch (ScenarioException e) {
      throw new BadInputException(e.getMessage());
    }
    return TraceLoader.fromScenario(seed == null ? scenario : scenario.withSeed(seed), check);
  }
}
