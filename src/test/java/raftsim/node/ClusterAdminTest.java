package raftsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import raftsim.core.RaftConfig;

/**
 * Three real nodes on loopback, in this JVM: the leader hands office to another node by
 * POST /admin/transfer-leader (diss. §3.10), and a fourth server, started with join, is added by
 * POST /admin/add-server, catches up as a learner and becomes a voter (diss. §4.1, §4.2.1); then it is
 * removed again. Every node is closed at the end, whatever happens.
 */
@Timeout(90)
class ClusterAdminTest {
  private static final String TOKEN = "t0ken";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final TreeMap<Integer, Integer> ports = new TreeMap<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private void start(int id, TreeMap<Integer, String> peers, boolean join) throws Exception {
    RaftConfig raft = RaftConfig.of(150, 300, 30).withPreVote(true).withCheckQuorum(true);
    NodeConfig config = new NodeConfig(id, "127.0.0.1", ports.get(id), dir.resolve("n" + id), peers, TOKEN, raft,
        1 << 20, 5000, join);
    RaftNode node = new RaftNode(config);
    HttpApi api = new HttpApi(config, node);
    open.add(node);
    open.add(api);
    node.start();
    api.start();
  }

  private HttpResponse<String> call(int node, String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(node) + path))
        .timeout(Duration.ofSeconds(10)).header(HttpApi.TOKEN_HEADER, TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode status(int node) throws Exception {
    return JSON.readTree(call(node, "GET", "/client/status", null).body());
  }

  /** Polls node's status until {@code until} holds, for at most 20 s. */
  private JsonNode await(int node, String what, Predicate<JsonNode> until) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    JsonNode s = status(node);
    while (!until.test(s)) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting for node " + node + " to show " + what + ": " + s);
      Thread.sleep(20);
      s = status(node);
    }
    return s;
  }

  private int awaitLeader() throws Exception {
    JsonNode s = await(1, "a leader", st -> !st.get("leader").isNull());
    return s.get("leader").asInt();
  }

  @Test
  void transfersLeadershipAndAddsAndRemovesAServer() throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    for (int id = 1; id <= 4; id++) {
      ports.put(id, freePort());
    }
    for (int id = 1; id <= 3; id++) {
      TreeMap<Integer, String> peers = new TreeMap<>();
      for (int p = 1; p <= 3; p++) {
        if (p != id) {
          peers.put(p, "127.0.0.1:" + ports.get(p));
        }
      }
      start(id, peers, false);
    }
    int leader = awaitLeader();
    int target = leader % 3 + 1;
    assertEquals(200, call(leader, "POST", "/client/submit", "{\"command\": \"SET a 1\"}").statusCode());

    // Transfer (diss. §3.10): 202 at once, and the target leads shortly after.
    HttpResponse<String> transfer = call(leader, "POST", "/admin/transfer-leader", "{\"to\": " + target + "}");
    assertEquals(202, transfer.statusCode(), transfer.body());
    await(target, "itself as leader", st -> st.get("role").asText().equals("leader"));
    HttpResponse<String> redirected = call(leader, "POST", "/admin/transfer-leader", "{\"to\": " + leader + "}");
    assertEquals(307, redirected.statusCode(), "the old leader sends admin calls to the new one: " + redirected.body());

    // Membership (diss. §4.1): node 4 starts outside the cluster and is added through the leader.
    TreeMap<Integer, String> members = new TreeMap<>();
    for (int p = 1; p <= 3; p++) {
      members.put(p, "127.0.0.1:" + ports.get(p));
    }
    start(4, members, true);
    assertEquals("[1,2,3]", status(4).get("voters").toString(), "it knows the cluster, but is not in it");
    HttpResponse<String> add = call(target, "POST", "/admin/add-server",
        "{\"id\": 4, \"address\": \"127.0.0.1:" + ports.get(4) + "\"}");
    assertEquals(202, add.statusCode(), add.body());
    await(target, "voters 1..4", st -> st.get("voters").size() == 4 && st.get("learners").isEmpty());
    assertEquals(200, call(target, "POST", "/client/submit", "{\"command\": \"SET b 2\"}").statusCode());
    long committed = status(target).get("commitIndex").asLong();
    JsonNode four = await(4, "the log applied", st -> st.get("voters").size() == 4
        && st.get("lastApplied").asLong() >= committed);
    assertEquals(target, four.get("leader").asInt(), "node 4 follows the leader");

    HttpResponse<String> again = call(target, "POST", "/admin/add-server",
        "{\"id\": 4, \"address\": \"127.0.0.1:" + ports.get(4) + "\"}");
    assertEquals(409, again.statusCode(), again.body());
    assertTrue(again.body().contains("ALREADY_MEMBER"), again.body());

    HttpResponse<String> remove = call(target, "POST", "/admin/remove-server", "{\"id\": 4}");
    assertEquals(202, remove.statusCode(), remove.body());
    await(target, "voters 1..3 again", st -> st.get("voters").size() == 3);
  }
}
