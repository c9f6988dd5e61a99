package raftsim.fuzz;

import java.nio.file.Path;

/**
 * What became of one fuzz run.
 *
 * @param index the run's place in the campaign (0-based)
 * @param seed the run's own seed: the generated scenario's seed, which {@code run} replays
 * @param failure null when every check held
 * @param undecided the linearizability check ran out of its budget (not a failure)
 * @param shrunk the smallest scenario file that still fails the same check, or null
 * @param events the shrunk scenario's timeline events, or -1
 */
public record RunReport(long index, long seed, Failure failure, boolean undecided, Path shrunk, int events) {
  public boolean ok() {
    return failure == null;
  }

  /** The one command that replays the shrunk failure, or null. */
  public String replay() {
    return shrunk == null ? null : "java -jar target/raftsim.jar run " + shrunk;
  }
}
