package raftsim.property;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import raftsim.check.linearizability.CheckOptions;
import raftsim.check.linearizability.Parallelism;
import raftsim.fuzz.Failure;
import raftsim.fuzz.FuzzRunner;
import raftsim.fuzz.ScenarioGenerator;
import raftsim.fuzz.Shrinker;
import raftsim.scenario.Scenario;
import raftsim.scenario.ScenarioWriter;
import raftsim.sim.RunResult;

/**
 * Raft's properties on generated scenarios (the fuzzer's generator): in every run, every safety
 * invariant holds, the client history is linearizable, and after the final heal a leader is elected
 * and new operations complete. A failure is shrunk and printed as a scenario file.
 */
class RaftPropertiesTest {
  private static final FuzzRunner RUNNER = new FuzzRunner(new CheckOptions(Duration.ofSeconds(20),
      Runtime.getRuntime().maxMemory() / 4, Parallelism.SEQUENTIAL, System::nanoTime));

  private static String check(ScenarioGenerator generator, long seed) {
    Failure f = RUNNER.failure(generator.generate(seed));
    return f == null ? null : f.check() + ": " + f.detail();
  }

  private static String shrunk(ScenarioGenerator generator, long seed) {
    Scenario s = generator.generate(seed);
    RunResult r = RUNNER.run(s);
    Scenario small = Shrinker.forFailure(RUNNER, r, 400).shrink(s, Shrinker.failedAtMs(r));
    return "Shrunk scenario (save it and replay it with `java -jar target/raftsim.jar run FILE`):\n"
        + ScenarioWriter.toJson(small);
  }

  @Test
  void threeToFiveNodesKeepSafetyLinearizabilityAndLiveness() {
    ScenarioGenerator g = new ScenarioGenerator(3, 5);
    Property.forAll("raft-3-to-5-nodes", 120, seed -> check(g, seed), seed -> shrunk(g, seed));
  }

  @Test
  void smallClustersKeepThemToo() {
    ScenarioGenerator g = new ScenarioGenerator(1, 2);
    Property.forAll("raft-1-to-2-nodes", 40, seed -> check(g, seed), seed -> shrunk(g, seed));
  }

  @Test
  void largeClustersKeepThemToo() {
    ScenarioGenerator g = new ScenarioGenerator(7, 9);
    Property.forAll("raft-7-to-9-nodes", 20, seed -> check(g, seed), seed -> shrunk(g, seed));
  }

  /** The harness replays exactly one seed when asked (-Draftsim.seed=S). */
  @Test
  void aSeedCanBeReplayedAlone() {
    String before = System.getProperty("raftsim.seed");
    try {
      System.setProperty("raftsim.seed", "42");
      org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(42L), Seeds.forProperty("anything", 100));
    } finally {
      if (before == null) {
        System.clearProperty("raftsim.seed");
      } else {
        System.setProperty("raftsim.seed", before);
      }
    }
  }

}
