package raftsim.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import raftsim.scenario.Scenario;
import raftsim.scenario.ScenarioWriter;
import raftsim.sim.RunResult;
import raftsim.sim.Seeds;

/**
 * A fuzz campaign: run i of the campaign with seed S generates its scenario from a seed derived from
 * (S, i), runs it with every check, and on a failure shrinks it and writes the original and the shrunk
 * scenario files. Each run depends only on (S, i), so runs can go in any order, on any number of
 * threads or machines, and give the same results.
 */
public final class Campaign {
  private final long seed;
  private final ScenarioGenerator generator;
  private final FuzzRunner runner;
  private final Path out;
  private final int shrinkBudget;

  /**
   * @param out where failing scenarios are written (created when needed)
   * @param shrinkBudget at most this many candidate runs per shrink
   */
  public Campaign(long seed, ScenarioGenerator generator, FuzzRunner runner, Path out, int shrinkBudget) {
    this.seed = seed;
    this.generator = generator;
    this.runner = runner;
    this.out = out;
    this.shrinkBudget = shrinkBudget;
  }

  /** The seed of run {@code index}. */
  public long seedOf(long index) {
    return Seeds.derive(seed, "run-" + index);
  }

  public Scenario scenarioOf(long index) {
    return generator.generate(seedOf(index));
  }

  /** Runs run {@code index}; on a failure, shrinks it and writes both scenarios under {@code out}. */
  public RunReport run(long index) {
    long runSeed = seedOf(index);
    Scenario scenario = generator.generate(runSeed);
    RunResult result = runner.run(scenario);
    Failure failure = Failure.of(result);
    if (failure == null) {
      return new RunReport(index, runSeed, null, result.undecided(), null, -1);
    }
    Shrinker shrinker = Shrinker.forFailure(runner, result, shrinkBudget);
    Scenario small = shrinker.shrink(scenario, Shrinker.failedAtMs(result));
    String base = "fuzz-" + Long.toString(runSeed);
    write(scenario, base + ".json");
    String reseeded = small.seed() == scenario.seed() ? "" : " with seed " + small.seed();
    Path shrunk = write(small.withDescription("Shrunk from " + base + ".json (" + shrinker.runs()
        + " candidate runs); it still fails " + failure.check() + reseeded + ". Original failure: "
        + failure.detail()), base + "-shrunk.json");
    return new RunReport(index, runSeed, failure, false, shrunk, small.events().size());
  }

  private Path write(Scenario s, String name) {
    try {
      Files.createDirectories(out);
      Path file = out.resolve(name);
      ScenarioWriter.write(s, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out.resolve(name), e);
    }
  }
}
