package raftsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftsim.check.history.HistoryFiles;
import raftsim.check.history.HistoryFormat;
import raftsim.check.history.HistoryParseException;
import raftsim.check.linearizability.Counterexample;
import raftsim.check.linearizability.LinearizabilityChecker;
import raftsim.check.linearizability.Models;
import raftsim.check.linearizability.Verdict;

/** {@code raftsim check HISTORY...}: is each recorded history linearizable? (CONTRACT.md §7) */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
        "Check whether recorded client histories are linearizable.",
        "Exit code: 2 if any input is bad, else 1 if any history is not linearizable,"
            + " else 3 if any is undecided, else 0."
    })
public final class CheckCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "HISTORY", description = "History files to check, each on its own.")
  List<Path> files;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "auto, raftsim, porcupine-kv or jepsen-etcd (default: ${DEFAULT-VALUE}: "
          + "judged by each file's first non-blank line).")
  String format;

  @Option(names = "--json", description = "Print one JSON object per file, one per line.")
  boolean json;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Time budget per history; when it runs out the verdict is undecided (default: ${DEFAULT-VALUE}).")
  BigDecimal timeoutSeconds;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() {
    HistoryFormat chosen = null;
    if (!format.equalsIgnoreCase("auto")) {
      chosen = HistoryFormat.byName(format);
      if (chosen == null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--format must be auto, raftsim, porcupine-kv or jepsen-etcd, not '" + format + "'");
      }
    }
    if (timeoutSeconds.signum() <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds");
    }
    Duration budget = Duration.ofNanos(timeoutSeconds.movePointRight(9).min(BigDecimal.valueOf(Long.MAX_VALUE))
        .longValue());
    boolean bad = false;
    boolean violated = false;
    boolean undecided = false;
    for (Path file : files) {
      Outcome o = checkOne(file, chosen, budget);
      print(o);
      bad |= o.error() != null;
      violated |= o.verdict() instanceof Verdict.NotLinearizable;
      undecided |= o.verdict() instanceof Verdict.Undecided;
    }
    spec.commandLine().getOut().flush();
    if (bad) {
      return ExitCodes.BAD_INPUT;
    }
    if (violated) {
      return ExitCodes.CHECK_FAILED;
    }
    return undecided ? ExitCodes.UNDECIDED : ExitCodes.OK;
  }

  /** What happened to one file: a verdict, or an error message ({@code FILE:LINE:COLUMN: ...}). */
  private record Outcome(
      Path file, String format, int operations, Verdict verdict, String error, long checkNanos, long wallNanos) {}

  private static Outcome checkOne(Path file, HistoryFormat format, Duration budget) {
    long start = System.nanoTime();
    HistoryFiles.Loaded loaded;
    try {
      loaded = HistoryFiles.load(file, format);
    } catch (HistoryParseException e) {
      return new Outcome(file, format == null ? null : format.cliName(), 0, null, e.getMessage(), 0,
          System.nanoTime() - start);
    }
    int operations = loaded.history().operations().size();
    if (loaded.format() == null) {
      // Nothing but blank lines: no operations, nothing to violate.
      return new Outcome(file, null, 0, new Verdict.Linearizable(), null, 0, System.nanoTime() - start);
    }
    long checkStart = System.nanoTime();
    try {
      Verdict verdict = LinearizabilityChecker.check(loaded.history(), Models.forFormat(loaded.format()), Checking.options(budget));
      long end = System.nanoTime();
      return new Outcome(file, loaded.format().cliName(), operations, verdict, null, end - checkStart, end - start);
    } catch (IllegalArgumentException e) {
      return new Outcome(file, loaded.format().cliName(), operations, null, file + ": " + e.getMessage(), 0,
          System.nanoTime() - start);
    }
  }

  private void print(Outcome o) {
    PrintWriter out = spec.commandLine().getOut();
    if (o.error() != null) {
      spec.commandLine().getErr().println(o.error());
    }
    if (json) {
      out.println(toJson(o));
      return;
    }
    if (o.error() != null) {
      out.println(o.file() + ": error");
      return;
    }
    String details = String.format(Locale.ROOT, "%d operations, %s, %d ms", o.operations(),
        o.format() == null ? "empty file" : o.format(), o.wallNanos() / 1_000_000);
    if (o.verdict() instanceof Verdict.NotLinearizable v) {
      out.println(o.file() + ": not linearizable (" + details + ")");
      for (String line : v.counterexample().render()) {
        out.println("  " + line);
      }
    } else if (o.verdict() instanceof Verdict.Undecided u) {
      out.println(o.file() + ": undecided: " + u.reason() + " (" + details + ")");
    } else {
      out.println(o.file() + ": linearizable (" + details + ")");
    }
  }

  private static String toJson(Outcome o) {
    ObjectNode n = JSON.createObjectNode();
    n.put("file", o.file().toString());
    n.put("format", o.format());
    n.put("verdict", o.error() != null ? "error" : o.verdict().word());
    n.put("operations", o.operations());
    n.put("wallMs", o.wallNanos() / 1_000_000);
    n.put("checkMs", o.checkNanos() / 1_000_000);
    if (o.error() != null) {
      n.put("error", o.error());
    } else if (o.verdict() instanceof Verdict.Undecided u) {
      n.put("reason", u.reason());
    } else if (o.verdict() instanceof Verdict.NotLinearizable v) {
      n.set("counterexample", counterexampleJson(v.counterexample()));
    }
    return n.toString();
  }

  private static ObjectNode counterexampleJson(Counterexample c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("partition", c.partition());
    n.put("partitionOperations", c.partitionOperations());
    ArrayNode prefix = n.putArray("prefix");
    for (Counterexample.OperationView op : c.prefix()) {
      prefix.add(operationJson(op));
    }
    n.put("stateAfterPrefix", c.stateAfterPrefix());
    ArrayNode stuck = n.putArray("cannotLinearize");
    for (Counterexample.StuckOperation s : c.cannotLinearize()) {
      stuck.add(operationJson(s.operation()).put("why", s.why()));
    }
    ArrayNode timeline = n.putArray("timeline");
    c.timeline().forEach(timeline::add);
    return n;
  }

  private static ObjectNode operationJson(Counterexample.OperationView op) {
    ObjectNode n = JSON.createObjectNode();
    n.put("opId", op.opId());
    n.put("clientId", op.clientId());
    n.put("operation", op.description());
    n.put("invokeLine", op.invokeLine());
    if (op.completeLine() > 0) {
      n.put("completeLine", op.completeLine());
    } else {
      n.putNull("completeLine");
    }
    return n;
  }
}
