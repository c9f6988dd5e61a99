package raftsim.cluster;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a nemesis test.
 *
 * @param nodes cluster size (3 or more: one node must be able to go down while a majority stays up)
 * @param duration how long the clients and the nemesis run
 * @param clients concurrent clients
 * @param keys list keys and registers, this many of each
 * @param basePort node 1's port; node i gets basePort + i - 1
 * @param seed seeds the nemesis plan and the clients' choices
 * @param dataDir where the cluster's files go; null for a fresh temporary directory, deleted after a run that passes
 * @param historyFile where to write the history, or null
 * @param checkBudget the linearizability checker's time budget
 */
public record NemesisOptions(int nodes, Duration duration, int clients, int keys, int basePort, long seed,
    Path dataDir, Path historyFile, Duration checkBudget) {

  public NemesisOptions {
    if (nodes < 3 || nodes > ClusterLayout.MAX_NODES) {
      throw new ClusterException("--nodes must be 3.." + ClusterLayout.MAX_NODES
          + " (a node can only go down while a majority stays up), not " + nodes);
    }
    if (clients < 1 || clients > 64) {
      throw new ClusterException("--clients must be 1..64, not " + clients);
    }
    if (keys < 1 || keys > 100) {
      throw new ClusterException("--keys must be 1..100, not " + keys);
    }
    if (duration.compareTo(Duration.ofSeconds(2)) < 0) {
      throw new ClusterException("--duration must be at least 2 s, so there is time for a fault");
    }
  }
}
