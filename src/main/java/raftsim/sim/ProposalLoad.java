package raftsim.sim;

import raftsim.core.ClientRequest;

/**
 * The benchmark's load: a proposal at a fixed rate, handed straight to the leader at that moment
 * (no client network, no retries), so a benchmark measures the cluster and not a client model. A
 * proposal made while there is no leader is skipped and counted.
 */
public final class ProposalLoad {
  private final long intervalMicros;
  private final long untilMs;
  private long nextMicros;
  private long proposed;
  private long skipped;

  private ProposalLoad(long perSecond, long startMs, long untilMs) {
    this.intervalMicros = 1_000_000 / perSecond;
    this.nextMicros = startMs * 1000;
    this.untilMs = untilMs;
  }

  /** Starts {@code perSecond} proposals per simulated second from {@code startMs} until {@code untilMs}. */
  public static ProposalLoad start(Simulation sim, long perSecond, long startMs, long untilMs) {
    if (perSecond < 1 || perSecond > 1_000_000) {
      throw new IllegalArgumentException("rate must be 1..1000000 per second, got " + perSecond);
    }
    ProposalLoad load = new ProposalLoad(perSecond, startMs, untilMs);
    load.scheduleNext(sim);
    return load;
  }

  private void scheduleNext(Simulation sim) {
    long at = nextMicros / 1000;
    if (at <= untilMs) {
      sim.at(at, this::fire);
    }
  }

  private void fire(Simulation sim) {
    int leader = sim.leader();
    if (leader == 0) {
      skipped++;
    } else {
      proposed++;
      sim.propose(leader, new ClientRequest(1, proposed, "SET k" + (proposed % 16) + " v" + proposed));
    }
    nextMicros += intervalMicros;
    scheduleNext(sim);
  }

  public long proposed() {
    return proposed;
  }

  public long skipped() {
    return skipped;
  }
}
