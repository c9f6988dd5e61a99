package raftsim.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import raftsim.learn.LoadedTrace;
import raftsim.learn.StepKey;
import raftsim.learn.Stepper;
import raftsim.learn.Style;

/** {@code step FILE}: steps through a run, line by line, showing each node's state and why each thing happened. */
@Command(
    name = "step",
    mixinStandardHelpOptions = true,
    description = {
        "Step through a run in the terminal, every event explained.",
        "It takes a scenario (which is run first) or a trace written by run "
            + "--trace. Each screen shows every node (role, term, votedFor, commitIndex, lastApplied, the "
            + "log's tail coloured by term), each leader's nextIndex and matchIndex per follower, the messages "
            + "in flight, and the event just processed with a sentence explaining it and the section of the "
            + "Raft paper it follows.",
        "Keys (type them and press Enter; several on one line are fine): n next, b back, t=MS jump to a "
            + "time, s=SEQ jump to a line, e/c/v next election/commit/violation, k=KIND next line of a kind, "
            + "@N next line of node N, g/G start/end, +/- more or less detail, h help, q quit.",
        "Exit codes (as run would give for the same run): 0 all held, 1 a check failed, 2 bad input, 3 "
            + "undecided."})
final class StepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A scenario file, or a trace file (NDJSON).")
  Path file;

  @Option(names = "--script", paramLabel = "KEYS",
      description = "Press these keys (e.g. \"n n b t=2500 q\") and print each screen, without a terminal.")
  String script;

  @Option(names = "--seed", paramLabel = "N", description = "Run the scenario with this seed instead of its own.")
  Long seed;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "auto (colours on a terminal, unless NO_COLOR is set), always or never.")
  String color;

  @Option(names = "--check-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Time budget of the linearizability check of the clients' history (default ${DEFAULT-VALUE}).")
  long checkTimeoutSeconds;

  @Override
  public Integer call() {
    Style style = Terminal.style("step", color);
    LoadedTrace loaded = TraceInput.load("step", file, seed, checkTimeoutSeconds);
    Stepper stepper = new Stepper(loaded);
    PrintWriter out = spec.commandLine().getOut();
    if (script != null) {
      out.print(stepper.screen(style));
      for (StepKey key : StepKey.parseAll(script)) {
        out.println("step> " + key.text());
        if (!stepper.press(key)) {
          break;
        }
        out.print(stepper.screen(style));
      }
    } else {
      interactive(stepper, style, out);
    }
    out.flush();
    return loaded.exitCode();
  }

  /** Reads keys a line at a time from standard input until q or the end of input. */
  private static void interactive(Stepper stepper, Style style, PrintWriter out) {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
    try {
      while (true) {
        out.print(style.clear() + stepper.screen(style) + "step> ");
        out.flush();
        String typed = in.readLine();
        if (typed == null) {
          out.println();
          return;
        }
        List<StepKey> keys = typed.isBlank() ? List.of(StepKey.parse("n")) : StepKey.parseAll(typed);
        for (StepKey key : keys) {
          if (!stepper.press(key)) {
            return;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read keys from standard input", e);
    }
  }
}
