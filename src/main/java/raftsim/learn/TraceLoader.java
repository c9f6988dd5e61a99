package raftsim.learn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import raftsim.check.history.History;
import raftsim.check.linearizability.CheckOptions;
import raftsim.check.linearizability.KvModel;
import raftsim.check.linearizability.LinearizabilityChecker;
import raftsim.check.linearizability.Verdict;
import raftsim.scenario.Scenario;
import raftsim.sim.ClientHistory;
import raftsim.sim.ScenarioRunner;
import raftsim.trace.TraceFormatException;
import raftsim.trace.TraceLine;
import raftsim.trace.TraceReader;
import raftsim.trace.TraceWriter;

/**
 * Loads what the stepper and the viewer show, from a trace file or by running a scenario. Both go the
 * same way: a run is traced straight into the reader, line by line, so a scenario and the trace of its run
 * give the same result.
 */
public final class TraceLoader {
  private TraceLoader() {}

  /** True when {@code file} holds a trace (its first line is a trace line), false when it holds anything else. */
  public static boolean isTrace(Path file) {
    byte[] head = new byte[16];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      return false; // let the scenario loader say what is wrong with it
    }
    String start = new String(head, 0, n, StandardCharsets.UTF_8).replaceAll("^[\\s\\uFEFF]+", "");
    return start.startsWith("{\"seq\"");
  }

  /** Reads a trace file; with {@code check} null the history is not checked. */
  public static LoadedTrace fromTrace(Path file, CheckOptions check) throws TraceFormatException {
    Reading r = new Reading();
    try (TraceReader reader = TraceReader.open(file)) {
      TraceLine line;
      while ((line = reader.next()) != null) {
        try {
          r.add(line);
        } catch (IllegalArgumentException e) {
          throw new TraceFormatException(reader.name(), reader.lineNumber(), 1, line.kind() + ": " + e.getMessage());
        }
      }
    }
    return r.finish(file.getFileName().toString(), check, false);
  }

  /** Runs {@code scenario} and reads its trace as it is written. */
  public static LoadedTrace fromScenario(Scenario scenario, CheckOptions check) {
    Reading r = new Reading();
    try (TraceWriter w = TraceWriter.to(TraceReader.parsing(r::add))) {
      ScenarioRunner.run(scenario, ScenarioRunner.options(scenario), w, ClientHistory.NONE);
    }
    return r.finish(scenario.name(), check,
        scenario.expect().linearizable() == raftsim.scenario.LinearizableExpectation.FALSE);
  }

  /** A trace being read. */
  private static final class Reading {
    final CompactTrace.Builder trace = new CompactTrace.Builder();
    final ClientHistoryReader clients = new ClientHistoryReader();
    long seed;
    long failedChecks;

    void add(TraceLine line) {
      if (trace.size() == 0) {
        seed = line.num("seed");
      }
      if (line.kind().equals("violation") || (line.kind().equals("expect") && !line.bool("ok"))) {
        failedChecks++;
      }
      trace.add(line);
      clients.add(line);
    }

    LoadedTrace finish(String title, CheckOptions check, boolean expectNotLinearizable) {
      History history = clients.history();
      Verdict verdict = history.operations().isEmpty() || check == null ? null
          : LinearizabilityChecker.check(history, new KvModel(), check);
      return new LoadedTrace(title, seed, trace.build(), clients.ops(), verdict, failedChecks, expectNotLinearizable);
    }
  }
}
