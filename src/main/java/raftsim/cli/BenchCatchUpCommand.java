package raftsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raftsim.core.RaftConfig;
import raftsim.core.RaftCore;
import raftsim.sim.NetworkParams;
import raftsim.sim.ProposalLoad;
import raftsim.sim.SimOptions;
import raftsim.sim.Simulation;
import raftsim.trace.TraceWriter;

/**
 * How long a follower takes to catch up after missing a given number of entries: with log compaction
 * (through InstallSnapshot) and without (AppendEntries replays every missing entry). Simulated time.
 */
@Command(
    name = "catchup",
    mixinStandardHelpOptions = true,
    description = {
        "Measure a follower's catch-up, in simulated ms, after it missed --gap entries:",
        "with snapshots (InstallSnapshot) and without (AppendEntries replay)."})
final class BenchCatchUpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--gap", defaultValue = "10000", description = "Entries the follower misses (default ${DEFAULT-VALUE}).")
  long gap;

  @Option(names = "--every", defaultValue = "1000", description = "snapshot.everyEntries when on (default ${DEFAULT-VALUE}).")
  long every;

  @Option(names = "--chunk-bytes", defaultValue = "65536", description = "snapshot.chunkBytes (default ${DEFAULT-VALUE}).")
  int chunkBytes;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    if (gap < 1 || every < 1 || chunkBytes < 1) {
      throw new BadInputException("raftsim bench catchup: --gap, --every and --chunk-bytes must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "bench catchup: 3 nodes, 1-10 ms delays, a follower misses %,d entries, then restarts%n", gap);
    for (boolean snapshots : new boolean[] {true, false}) {
      Result r = measure(snapshots);
      out.printf(Locale.ROOT, "  %-40s caught up in %,d simulated ms (%,d events; %,d snapshot chunks sent, %,d installed by the follower)%n",
          snapshots ? "snapshots every " + every + " entries:" : "no compaction (AppendEntries replay):",
          r.catchUpMs, r.events, r.chunks, r.installed);
    }
    return ExitCodes.OK;
  }

  private record Result(long catchUpMs, long events, long chunks, long installed) {}

  private Result measure(boolean snapshots) {
    RaftConfig raft = RaftConfig.defaults().withSnapshots(snapshots ? every : 0, chunkBytes);
    SimOptions options = SimOptions.defaults(3, seed).withRaft(raft).withNetwork(NetworkParams.reliable(1, 10));
    Simulation sim = new Simulation(options, TraceWriter.disabled());
    sim.runUntil(1000);
    int follower = sim.leader() % 3 + 1;
    sim.crash(follower);
    // Fill the gap quickly, then stop the load so that catching up has a fixed target.
    long rate = 2000;
    long fillMs = gap * 1000 / rate + 1;
    ProposalLoad.start(sim, rate, 1001, 1000 + fillMs);
    long t = 1000 + fillMs + 500;
    sim.runUntil(t);
    long target = sim.core(sim.leader()).commitIndex();
    long eventsBefore = sim.events();
    var statsBefore = sim.stats();
    long installedBefore = sim.stats(follower).snapshotsInstalled();
    sim.restart(follower);
    long start = sim.now();
    while (true) {
      RaftCore f = sim.core(follower);
      if (f.lastApplied() >= target) {
        break;
      }
      t += 1;
      if (t > start + 600_000) {
        throw new IllegalStateException("the follower did not catch up within 10 simulated minutes");
      }
      sim.runUntil(t);
    }
    var stats = sim.stats();
    return new Result(sim.now() - start, sim.events() - eventsBefore,
        stats.snapshotChunksSent() - statsBefore.snapshotChunksSent(),
        sim.stats(follower).snapshotsInstalled() - installedBefore);
  }
}
