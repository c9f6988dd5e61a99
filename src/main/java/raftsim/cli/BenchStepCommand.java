package raftsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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

/**
 * How fast the stepper is on a big run: the time to load it (run or read, fold, encode, check), then the
 * time of "jump to the end" (the key G and the screen it draws), first on a fresh load and then again.
 */
@Command(
    name = "step",
    mixinStandardHelpOptions = true,
    description = {
        "Measure the stepper on a scenario or trace: load time, and the time of 'jump to the end' (G and "
            + "its screen) just after loading and once the last chunk is decoded. Prints each run and the "
            + "medians."})
final class BenchStepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A scenario file, or a trace file (NDJSON).")
  Path file;

  @Option(names = "--runs", defaultValue = "3", description = "Loads to measure (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--jumps", defaultValue = "20", description = "Jumps to the end per load (default ${DEFAULT-VALUE}).")
  int jumps;

  @Override
  public Integer call() {
    if (runs < 1 || jumps < 1) {
      throw new BadInputException("raftsim bench step: --runs and --jumps must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<Double> loads = new ArrayList<>();
    List<Double> cold = new ArrayList<>();
    List<Double> warm = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      long start = System.nanoTime();
      LoadedTrace loaded = TraceInput.load("bench step", file, null, 600);
      double load = ms(start);
      List<Double> times = new ArrayList<>();
      for (int j = 0; j < jumps; j++) {
        Stepper stepper = new Stepper(loaded);
        long t0 = System.nanoTime();
        stepper.press(StepKey.parse("G"));
        String screen = stepper.screen(Style.PLAIN);
        times.add(ms(t0));
        if (screen.isEmpty()) {
          throw new IllegalStateException("no screen");
        }
      }
      loads.add(load);
      cold.add(times.get(0));
      List<Double> again = times.subList(1, Math.max(2, times.size()));
      warm.add(median(again.isEmpty() ? times : again));
      out.printf(Locale.ROOT, "run %d: %,d lines loaded in %,.0f ms; jump to the end %.1f ms just after loading, "
          + "%.2f ms median after that%n", run, loaded.trace().size(), load, times.get(0), warm.get(warm.size() - 1));
      out.flush();
    }
    out.printf(Locale.ROOT, "median of %d runs: load %,.0f ms; jump to the end %.1f ms (fresh), %.2f ms (again)%n", runs,
        median(loads), median(cold), median(warm));
    return ExitCodes.OK;
  }

  private static double ms(long since) {
    return (System.nanoTime() - since) / 1e6;
  }

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
