package raftsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftsim.check.history.History;
import raftsim.check.history.HistoryFiles;
import raftsim.check.history.HistoryParseException;
import raftsim.check.linearizability.LinearizabilityChecker;
import raftsim.check.linearizability.Model;
import raftsim.check.linearizability.Models;
import raftsim.check.linearizability.Verdict;

/**
 * {@code bench check DIR}: times the linearizability checker on every history file under DIR. Parsing is done
 * first and not timed; then one cold pass (the JVM has not compiled the checker yet) and several warm passes, of
 * which the median is reported.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Time the linearizability checker on every history file under DIR (recursively, sorted by path).")
public final class BenchCheckCommand implements Callable<Integer> {

  @Parameters(paramLabel = "DIR", description = "Directory holding history files (any format check reads).")
  Path dir;

  @Option(names = "--passes", paramLabel = "N", defaultValue = "10",
      description = "Warm passes after the cold one (default: ${DEFAULT-VALUE}).")
  int passes;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Time budget per history and pass (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** A parsed history ready to be checked; {@code model} is null for an empty file. */
  private record Input(String name, String format, History history, Model<?, ?, ?> model) {}

  @Override
  public Integer call() throws IOException {
    if (passes < 1 || timeoutSeconds < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--passes and --timeout must be at least 1");
    }
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(dir + ":1:1: not a directory");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<Input> inputs = new ArrayList<>();
    boolean bad = false;
    for (Path file : historyFiles(dir)) {
      try {
        HistoryFiles.Loaded loaded = HistoryFiles.load(file, null);
        String name = dir.relativize(file).toString().replace('\\', '/');
        inputs.add(loaded.format() == null
            ? new Input(name, "empty", loaded.history(), null)
            : new Input(name, loaded.format().cliName(), loaded.history(), Models.forFormat(loaded.format())));
      } catch (HistoryParseException e) {
        spec.commandLine().getErr().println(e.getMessage());
        bad = true;
      }
    }
    Duration budget = Duration.ofSeconds(timeoutSeconds);
    long[] cold = new long[inputs.size()];
    String[] verdicts = new String[inputs.size()];
    runPass(inputs, budget, cold, verdicts);
    long[][] warm = new long[passes][inputs.size()];
    for (int p = 0; p < passes; p++) {
      runPass(inputs, budget, warm[p], null);
    }

    int nameWidth = Math.max(20, inputs.stream().mapToInt(i -> i.name().length()).max().orElse(0));
    out.printf(Locale.ROOT, "%-" + nameWidth + "s  %-12s %6s  %-16s %10s %10s%n",
        "file", "format", "ops", "verdict", "cold ms", "warm ms");
    long[] warmTotals = new long[passes];
    for (int i = 0; i < inputs.size(); i++) {
      long[] times = new long[passes];
      for (int p = 0; p < passes; p++) {
        times[p] = warm[p][i];
        warmTotals[p] += warm[p][i];
      }
      Input in = inputs.get(i);
      out.printf(Locale.ROOT, "%-" + nameWidth + "s  %-12s %6d  %-16s %10.2f %10.2f%n", in.name(), in.format(),
          in.history().operations().size(), verdicts[i], cold[i] / 1e6, median(times) / 1e6);
    }
    out.printf(Locale.ROOT, "%-" + nameWidth + "s  %-12s %6s  %-16s %10.2f %10.2f%n",
        "total (" + inputs.size() + " files)", "", "", "", Arrays.stream(cold).sum() / 1e6, median(warmTotals) / 1e6);
    out.printf(Locale.ROOT, "warm = median of %d passes; parsing excluded; peak heap %d MiB%n",
        passes, peakHeapBytes() >> 20);
    out.flush();
    return bad ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }

  private static List<Path> historyFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(".md") && !p.getFileName().toString().endsWith(".tsv"))
          .sorted()
          .toList();
    }
  }

  private static void runPass(List<Input> inputs, Duration budget, long[] nanos, String[] verdicts) {
    for (int i = 0; i < inputs.size(); i++) {
      Input in = inputs.get(i);
      long start = System.nanoTime();
      Verdict v = in.model() == null ? new Verdict.Linearizable()
          : LinearizabilityChecker.check(in.history(), in.model(), Checking.options(budget));
      nanos[i] = System.nanoTime() - start;
      if (verdicts != null) {
        verdicts[i] = v.word();
      }
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static long peakHeapBytes() {
    long total = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        total += pool.getPeakUsage().getUsed();
      }
    }
    return total;
  }
}
