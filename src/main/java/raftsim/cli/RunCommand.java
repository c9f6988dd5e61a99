package raftsim.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import raftsim.scenario.Scenario;
import raftsim.scenario.ScenarioException;
import raftsim.scenario.ScenarioLoader;
import raftsim.check.history.HistoryWriter;
import raftsim.sim.RunResult;
import raftsim.sim.ScenarioRunner;
import raftsim.trace.TraceWriter;

/** {@code run SCENARIO.json}: replays one scenario file and reports what happened (CONTRACT §3). */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Replay one scenario file and check it.",
        "It builds the cluster, plays the faults and clients, checks every safety",
        "invariant after every event, checks its expectations, and checks the client history.",
        "Exit codes: 0 all held, 1 a check failed, 2 bad input, 3 undecided."})
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO.json", description = "The scenario file.")
  Path file;

  @Option(names = "--seed", paramLabel = "N", description = "Use this seed instead of the file's.")
  Long seed;

  @Option(names = "--trace", paramLabel = "FILE", description = "Write the trace (NDJSON) to FILE.")
  Path traceFile;

  @Option(names = "--hash", description = "Compute traceHash without writing a trace file.")
  boolean hash;

  @Option(names = "--history", paramLabel = "FILE", description = "Write the client history to FILE.")
  Path historyFile;

  @Option(names = "--check-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Time budget of the linearizability check (default ${DEFAULT-VALUE}).")
  long checkTimeoutSeconds;

  @Option(names = "--json", description = "Print only the summary object, as JSON, on stdout.")
  boolean json;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing on stdout; the exit code tells.")
  boolean quiet;

  @Override
  public Integer call() {
    if (checkTimeoutSeconds < 1) {
      throw new BadInputException("raftsim run: --check-timeout must be at least 1 second, got " + checkTimeoutSeconds);
    }
    Scenario scenario;
    try {
      scenario = ScenarioLoader.load(file);
    } catch (ScenarioException e) {
      throw new BadInputException(e.getMessage());
    }
    if (seed != null) {
      scenario = scenario.withSeed(seed);
    }
    RunResult result;
    try (TraceWriter trace = openTrace()) {
      result = ScenarioRunner.runAndCheck(scenario, ScenarioRunner.options(scenario), trace,
          Checking.options(Duration.ofSeconds(checkTimeoutSeconds)));
    }
    if (historyFile != null) {
      writeHistory(result);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(RunSummary.toJson(result));
    } else if (!quiet) {
      out.print(RunSummary.toText(result));
    }
    out.flush();
    return result.exitCode();
  }

  private void writeHistory(RunResult result) {
    try (HistoryWriter w = HistoryWriter.utf8(new BufferedOutputStream(Files.newOutputStream(historyFile), 1 << 16))) {
      result.history().writeTo(w);
    } catch (IOException | UncheckedIOException e) {
      throw new BadInputException("raftsim run: cannot write the history to " + historyFile + ": " + e.getMessage());
    }
  }

  private TraceWriter openTrace() {
    if (traceFile != null) {
      try {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(traceFile), 1 << 16);
        return TraceWriter.to(os);
      } catch (IOException e) {
        throw new BadInputException("raftsim run: cannot write the trace to " + traceFile + ": " + e.getMessage());
      }
    }
    return hash ? TraceWriter.to(null) : TraceWriter.disabled();
  }
}
