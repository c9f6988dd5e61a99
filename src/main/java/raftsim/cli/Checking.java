package raftsim.cli;

import java.time.Duration;
import raftsim.check.linearizability.CheckOptions;

/** The linearizability checker's options as every command uses them: the wall clock, all processors, half the heap. */
final class Checking {
  private Checking() {}

  static CheckOptions options(Duration budget) {
    return new CheckOptions(budget, Runtime.getRuntime().maxMemory() / 2, ThreadPoolParallelism.shared(),
        System::nanoTime);
  }
}
