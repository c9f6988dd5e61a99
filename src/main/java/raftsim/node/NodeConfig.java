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
 * @param join this server starts outside the configuration, whose voters are its peers: it waits for
 *     the leader to add it (POST /admin/add-server on the leader), first as a learner (diss. §4.1)
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
    long requestTimeoutMs,
    boolean join) {

  public NodeConfig {
    peers = new TreeMap<>(peers);
    if (id < 1 || peers.containsKey(id)) {
      throw new IllegalArgumentException("the node id must be positive and not one of its peers' ids");
    }
    if (join && peers.isEmpty()) {
      throw new IllegalArgumentException("a server that joins needs the cluster's members as its peers");
    }
  }

  /** A server that starts as a member of the configuration. */
  public NodeConfig(int id, String bind, int port, Path dataDir, SortedMap<Integer, String> peers, String clusterToken,
      RaftConfig raft, int maxBodyBytes, long requestTimeoutMs) {
    this(id, bind, port, dataDir, peers, clusterToken, raft, maxBodyBytes, requestTimeoutMs, false);
  }

  /**
   * The voters the cluster starts with: every member's id, this node's included — or, for a server
   * that joins later, only its peers'.
   */
  public List<Integer> members() {
    List<Integer> all = new ArrayList<>(peers.keySet());
    if (!join) {
      all.add(id);
    }
    all.sort(null);
    return all;
  }
}
