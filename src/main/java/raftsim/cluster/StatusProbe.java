package raftsim.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** Asks nodes for their status, all at once and with a short timeout: a node that does not answer is down. */
public final class StatusProbe {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How often {@link #awaitLeader} asks again. */
  private static final long POLL_MS = 100;

  private final HttpClient http;
  private final ClusterLayout layout;
  private final Duration timeout;

  public StatusProbe(HttpClient http, ClusterLayout layout, Duration timeout) {
    this.http = http;
    this.layout = layout;
    this.timeout = timeout;
  }

  /** Every node's status, by id; empty for a node that did not answer in time. */
  public TreeMap<Integer, Optional<NodeStatus>> all() {
    TreeMap<Integer, CompletableFuture<Optional<NodeStatus>>> pending = new TreeMap<>();
    for (int id : layout.ids()) {
      HttpRequest request = HttpRequest.newBuilder(layout.uri(id, "/client/status")).timeout(timeout).GET().build();
      pending.put(id, http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .thenApply(StatusProbe::parse)
          .exceptionally(failure -> Optional.empty()));
    }
    TreeMap<Integer, Optional<NodeStatus>> statuses = new TreeMap<>();
    pending.forEach((id, f) -> statuses.put(id, f.join()));
    return statuses;
  }

  /** The node that says it leads, in the newest term any leader claims; empty while there is none. */
  public OptionalInt leader() {
    NodeStatus best = null;
    for (Optional<NodeStatus> s : all().values()) {
      if (s.isPresent() && s.get().isLeader() && (best == null || s.get().term() > best.term())) {
        best = s.get();
      }
    }
    return best == null ? OptionalInt.empty() : OptionalInt.of(best.id());
  }

  /** Waits up to {@code patience} for a leader. */
  public OptionalInt awaitLeader(Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      OptionalInt leader = leader();
      if (leader.isPresent() || System.nanoTime() > deadline) {
        return leader;
      }
      Thread.sleep(POLL_MS);
    }
  }

  private static Optional<NodeStatus> parse(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      return Optional.empty();
    }
    try {
      return Optional.of(NodeStatus.fromJson(JSON.readTree(response.body())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
