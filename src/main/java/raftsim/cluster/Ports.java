package raftsim.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a loopback port can be listened on, checked before a node is started on it. */
public final class Ports {
  private Ports() {}

  /** True when nothing listens on 127.0.0.1:{@code port} now. */
  public static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      // The same address reuse the node's own server gets, so a port in TIME_WAIT counts as free, as it is for it.
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(ClusterLayout.HOST), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Throws when any node's port is taken by another program. */
  static void requireFree(ClusterLayout layout, Iterable<Integer> ids) {
    for (int id : ids) {
      if (!isFree(layout.port(id))) {
        throw new ClusterException("port " + layout.port(id) + " (node " + id + ") is in use by another program;"
            + " stop it or choose another --base-port");
      }
    }
  }
}
