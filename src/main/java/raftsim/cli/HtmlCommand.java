package raftsim.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import raftsim.learn.HtmlExport;
import raftsim.learn.LoadedTrace;

/** {@code html FILE -o OUT.html}: one self-contained page to watch a run in a browser. */
@Command(
    name = "html",
    mixinStandardHelpOptions = true,
    description = {
        "Write a self-contained HTML viewer of a run.",
        "It takes a scenario (which is run first) or a trace file, and shows "
            + "the cluster (roles, terms, logs coloured by term, commit markers), the messages in flight, a "
            + "timeline to scrub, play, pause and step, a space-time diagram of the messages, and the clients' "
            + "history with the linearizability verdict, a violation's operations outlined. The file needs no "
            + "network.",
        "Exit codes (as run would give for the same run): 0 all held, 1 a check failed, 2 bad input, 3 "
            + "undecided."})
final class HtmlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A scenario file, or a trace file (NDJSON).")
  Path file;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.html",
      description = "Where to write the page (default: FILE's name with .html, in the current directory).")
  Path output;

  @Option(names = "--seed", paramLabel = "N", description = "Run the scenario with this seed instead of its own.")
  Long seed;

  @Option(names = "--check-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Time budget of the linearizability check of the clients' history (default ${DEFAULT-VALUE}).")
  long checkTimeoutSeconds;

  @Override
  public Integer call() {
    Path out = output != null ? output : Path.of(file.getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".html");
    LoadedTrace loaded = TraceInput.load("html", file, seed, checkTimeoutSeconds);
    long bytes;
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
      bytes = HtmlExport.write(loaded, os);
    } catch (IOException e) {
      throw new BadInputException("raftsim html: cannot write " + out + ": " + e.getMessage());
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "wrote %s: %,d bytes, %,d trace lines, %,d ms simulated; linearizability: %s%n", out, bytes,
        loaded.trace().size(), loaded.trace().line(loaded.trace().size() - 1).t(),
        loaded.verdict() == null ? "no client operations" : loaded.verdict().word());
    w.flush();
    return loaded.exitCode();
  }
}
