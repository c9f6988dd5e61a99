package raftsim.cluster;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where a local cluster lives: nodes 1..{@code nodes}, node i on 127.0.0.1 port {@code basePort + i - 1}, its
 * log and snapshots in {@code dir/node-i}, its output in {@code dir/node-i.log}.
 */
public record ClusterLayout(Path dir, int nodes, int basePort) {
  /** Local clusters listen on loopback only. */
  public static final String HOST = "127.0.0.1";
  /** Enough for any local experiment; node names stay one digit. */
  public static final int MAX_NODES = 9;

  public ClusterLayout {
    if (nodes < 1 || nodes > MAX_NODES) {
      throw new ClusterException("a cluster has 1 to " + MAX_NODES + " nodes, not " + nodes);
    }
    if (basePort < 1024 || basePort + nodes - 1 > 65535) {
      throw new ClusterException("the ports " + basePort + ".." + (basePort + nodes - 1)
          + " are not all in 1024..65535; choose another --base-port");
    }
  }

  /** The node ids, 1..nodes. */
  public List<Integer> ids() {
    return IntStream.rangeClosed(1, nodes).boxed().toList();
  }

  /** Throws when {@code id} is not a node of this cluster. */
  public void requireNode(int id) {
    if (id < 1 || id > nodes) {
      throw new ClusterException("there is no node " + id + ": this cluster has nodes 1.." + nodes);
    }
  }

  public int port(int id) {
    return basePort + id - 1;
  }

  public Path dataDir(int id) {
    return dir.resolve("node-" + id);
  }

  public Path logFile(int id) {
    return dir.resolve("node-" + id + ".log");
  }

  /** The file that remembers the layout and the node processes between commands. */
  public Path stateFile() {
    return dir.resolve(ClusterState.FILE_NAME);
  }

  /** The {@code --peers} argument of node {@code id}: every other node, as ID=HOST:PORT. */
  public String peersOf(int id) {
    StringBuilder b = new StringBuilder();
    for (int peer : ids()) {
      if (peer != id) {
        b.append(b.length() == 0 ? "" : ",").append(peer).append('=').append(HOST).append(':').append(port(peer));
      }
    }
    return b.toString();
  }

  /** {@code http://127.0.0.1:PORT/path} of node {@code id}. */
  public URI uri(int id, String path) {
    return URI.create("http://" + HOST + ":" + port(id) + path);
  }

  /** How many nodes may be down while the rest still form a majority. */
  public int maxDown() {
    return (nodes - 1) / 2;
  }
}
