package raftsim.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import raftsim.core.Message;

/**
 * Sends messages to peers without ever blocking the event loop: each peer has its own {@link PeerLink},
 * a queue and one thread that posts what accumulated while the previous post was in flight. A reply is
 * a message of its own, posted back, so nothing here waits for Raft answers.
 */
final class PeerSender implements AutoCloseable {
  private final Map<Integer, PeerLink> links = new TreeMap<>();
  private final int self;
  private final String token;
  private final int maxBodyBytes;

  PeerSender(NodeConfig config) {
    this.self = config.id();
    this.token = config.clusterToken();
    this.maxBodyBytes = config.maxBodyBytes();
    config.peers().forEach((id, address) -> links.put(id, new PeerLink(config.id(), id, address,
        config.clusterToken(), config.maxBodyBytes())));
  }

  /**
   * Learns where a member added at run time listens: its address travels in the configuration entry
   * that adds it (diss. §4.1). From then on it has a link of its own, like the configured peers.
   * Called on the loop thread, like {@link #send}.
   */
  void learn(int id, String address) {
    links.computeIfAbsent(id, peer -> new PeerLink(self, peer, address, token, maxBodyBytes));
  }

  /** Queues {@code messages}, keeping their order per peer. */
  void send(List<Message> messages) {
    if (messages.isEmpty()) {
      return;
    }
    if (messages.size() == 1) {
      Message m = messages.get(0);
      PeerLink link = links.get(m.to());
      if (link != null) {
        link.offer(List.of(m));
      }
      return;
    }
    Map<Integer, List<Message>> byPeer = new TreeMap<>();
    for (Message m : messages) {
      byPeer.computeIfAbsent(m.to(), k -> new ArrayList<>()).add(m);
    }
    byPeer.forEach((to, list) -> {
      PeerLink link = links.get(to);
      if (link != null) {
        link.offer(list);
      }
    });
  }

  @Override
  public void close() {
    links.values().forEach(PeerLink::close);
  }
}
