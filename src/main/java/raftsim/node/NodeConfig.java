package raftsim.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import raftsim.core.RaftConfig;

/**
 * How one server runs: its id, where it listens, where it keeps its data, its peers' addresses, and
 * the Raft settings every member of a cluster must share.
 *
 * @param peers every other member's id and "host:port"
 * @param clusterToken a secret the /raft/* and /admin/* calls must present, or null for none
 * @param maxBodyBytes requests with a larger body are refused (413)
 * @param requestTimeoutMs a client waits at most this long for its answer (then 504, outcome unknown)
 */
public record NodeConfig(
    int id,
    String bind,
    int port,
    Path dataDir,
    SortedMap<Integer, String> peers,
    String clusterToken,
    RaftConfig raft,
    int maxBodyBytes,
    long requestTimeoutMs) {

  public NodeConfig {
    peers = new TreeMap<>(peers);
    if (id < 1 || peers.containsKey(id)) {
      throw new IllegalArgumentException("the node id must be positive and not one of its peers' ids");
    }
  }

  /** Every member's id, this node's included. */
  public List<Integer> members() {
    List<Integer> all = new ArrayList<>(peers.keySet());
    all.add(id);
    all.sort(null);
    return all;
  }
}
