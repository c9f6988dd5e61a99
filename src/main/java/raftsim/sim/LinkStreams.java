package raftsim.sim;

import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The network's randomness, one stream per link: each ordered pair of nodes, and each client's
 * traffic. What happens on one link then never shifts the draws of another, so a change to a
 * scenario (a fault removed while shrinking, say) disturbs only the links it touches.
 */
final class LinkStreams {
  private final long seed;
  private final SplittableRandom[][] nodes;
  private final TreeMap<Long, SplittableRandom> clients = new TreeMap<>();

  LinkStreams(long seed, int nodeCount) {
    this.seed = seed;
    this.nodes = new SplittableRandom[nodeCount + 1][nodeCount + 1];
  }

  SplittableRandom between(int from, int to) {
    SplittableRandom r = nodes[from][to];
    if (r == null) {
      r = Seeds.stream(seed, "network-" + from + "-" + to);
      nodes[from][to] = r;
    }
    return r;
  }

  SplittableRandom client(long clientId) {
    return clients.computeIfAbsent(clientId, id -> Seeds.stream(seed, "network-client-" + id));
  }

  /** How many copies of a message arrive: 0 when it is lost, 2 when it is duplicated, else 1. */
  static int copies(SplittableRandom r, NetworkParams p) {
    if (p.dropRate() > 0 && r.nextDouble() < p.dropRate()) {
      return 0;
    }
    return p.duplicateRate() > 0 && r.nextDouble() < p.duplicateRate() ? 2 : 1;
  }

  /** One copy's delay, drawn from the range. */
  static long delay(SplittableRandom r, NetworkParams p) {
    return p.delayMinMs() + r.nextLong(p.delayMaxMs() - p.delayMinMs() + 1);
  }
}
