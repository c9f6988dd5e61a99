package raftsim.node;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import raftsim.core.Message;

/**
 * Sends messages to peers, one HTTP POST each, asynchronously and without waiting for an answer: a
 * reply is a message of its own, posted back. Raft tolerates loss, so when a peer is down or slow and
 * too many posts are in flight to it, new ones are dropped rather than queued without bound.
 */
final class PeerSender implements AutoCloseable {
  /** In-flight posts per peer before new ones are dropped. */
  private static final int WINDOW = 256;

  private final HttpClient http;
  private final ExecutorService executor;
  private final Map<Integer, URI> base = new TreeMap<>();
  private final Map<Integer, Semaphore> inFlight = new TreeMap<>();
  private final String token;

  PeerSender(NodeConfig config) {
    this.executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "raft-peers-" + config.id());
      t.setDaemon(true);
      return t;
    });
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
        .connectTimeout(Duration.ofMillis(500)).build();
    this.token = config.clusterToken();
    config.peers().forEach((id, address) -> {
      base.put(id, URI.create("http://" + address));
      inFlight.put(id, new Semaphore(WINDOW));
    });
  }

  /**
   * Learns where a member added at run time listens: its address travels in the configuration entry
   * that adds it (diss. §4.1). Called on the loop thread, like {@link #send}.
   */
  void learn(int id, String address) {
    if (!base.containsKey(id)) {
      base.put(id, URI.create("http://" + address));
      inFlight.put(id, new Semaphore(WINDOW));
    }
  }

  /**
   * Sends {@code messages}, in order: those for one peer and one endpoint go in one POST, as a JSON
   * array, so a batch of the loop costs each peer one request per kind of message, not one per message.
   */
  void send(List<Message> messages) {
    Map<String, List<Message>> groups = new TreeMap<>();
    for (Message m : messages) {
      groups.computeIfAbsent(m.to() + " " + MessageCodec.endpoint(m), k -> new ArrayList<>()).add(m);
    }
    for (List<Message> group : groups.values()) {
      post(group.get(0).to(), MessageCodec.endpoint(group.get(0)), group);
    }
  }

  private void post(int to, String endpoint, List<Message> group) {
    URI peer = base.get(to);
    Semaphore window = inFlight.get(to);
    if (peer == null || !window.tryAcquire()) {
      return;
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(peer.resolve(endpoint))
        .timeout(Duration.ofSeconds(2))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(MessageCodec.encodeAll(group)));
    if (token != null) {
      request.header(HttpApi.TOKEN_HEADER, token);
    }
    http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
        .whenComplete((response, failure) -> window.release());
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
