package raftsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import raftsim.check.history.Outcome;

/** The client's reading of the API's answers, against scripted stand-ins for nodes on ports 18300+. */
@Timeout(30)
class KvClientTest {
  private static final int BASE_PORT = 18301;
  private static final ClusterLayout LAYOUT = new ClusterLayout(Path.of("unused"), 3, BASE_PORT);

  /** What a stand-in node answers: status and JSON body, given the request number (from 1) and its body. */
  private record Reply(int status, String body) {}

  private final List<HttpServer> servers = new ArrayList<>();
  /** Every request any stand-in got, as "nNODE BODY". */
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private void node(int id, Function<Integer, Reply> script) throws IOException {
    assertTrue(Ports.isFree(LAYOUT.port(id)), "port " + LAYOUT.port(id) + " is taken");
    HttpServer s = HttpServer.create(new InetSocketAddress(ClusterLayout.HOST, LAYOUT.port(id)), 16);
    int[] count = {0};
    s.createContext("/", x -> answer(x, id, script.apply(++count[0])));
    s.start();
    servers.add(s);
  }

  private void answer(HttpExchange x, int id, Reply r) throws IOException {
    requests.add("n" + id + " " + new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
    if (r.status() == 307) {
      x.getResponseHeaders().set("Location", "http://127.0.0.1:" + BASE_PORT + "/client/submit");
    }
    x.sendResponseHeaders(r.status(), b.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(b);
    }
  }

  @AfterEach
  void stopServers() {
    servers.forEach(s -> s.stop(0));
  }

  private static KvClient client(long operationMs) {
    return new KvClient(LoopbackHttp.newClient(), LAYOUT, Duration.ofMillis(300), Duration.ofMillis(operationMs));
  }

  private static final Reply APPLIED = new Reply(200, "{\"ok\":true,\"result\":\"OK\",\"index\":7}");
  private static final Reply NO_LEADER =
      new Reply(503, "{\"error\":\"no leader known; retry shortly\",\"leader\":null}");
  private static final Reply UNKNOWN = new Reply(503, "{\"error\":\"leadership was lost\",\"outcome\":\"unknown\","
      + "\"leader\":0}");

  @Test
  void followsTheRedirectToTheLeader() throws Exception {
    node(1, n -> new Reply(307, "{\"error\":\"not the leader\",\"leader\":3,\"url\":\"...\"}"));
    node(3, n -> APPLIED);
    Completion c = client(2000).submit(5, 1, "SET k v");
    assertEquals(Completion.ok("OK"), c);
    assertEquals(List.of("n1", "n3"), requests.stream().map(r -> r.substring(0, 2)).toList());
  }

  @Test
  void aRetryAfterAnUnknownOutcomeResendsTheSameSessionAndSequence() throws Exception {
    node(1, n -> n == 1 ? UNKNOWN : APPLIED);
    Completion c = client(2000).submit(5, 9, "APPEND k t;");
    assertEquals(Outcome.OK, c.outcome());
    assertEquals(2, requests.size());
    assertEquals(requests.get(0), requests.get(1));
    assertTrue(requests.get(0).contains("\"clientId\":5") && requests.get(0).contains("\"seq\":9"), requests.get(0));
  }

  @Test
  void onlyDefiniteRefusalsMakeAFailure() throws Exception {
    node(1, n -> NO_LEADER); // nodes 2 and 3 are not listening: connection refused
    Completion c = client(600).submit(5, 1, "SET k v");
    assertEquals(Outcome.FAIL, c.outcome(), c.toString());
  }

  @Test
  void anUnknownOutcomeStaysUnknownWhateverFollows() throws Exception {
    node(1, n -> n == 1 ? new Reply(504, "{\"error\":\"no answer in time\",\"outcome\":\"unknown\"}") : NO_LEADER);
    Completion c = client(600).submit(5, 1, "SET k v");
    assertEquals(Outcome.INFO, c.outcome(), c.toString());
  }

  @Test
  void aBadRequestFailsAtOnce() throws Exception {
    node(1, n -> new Reply(400, "{\"error\":\"command: unknown command\"}"));
    Completion c = client(5000).submit(5, 1, "SET k v");
    assertEquals(Outcome.FAIL, c.outcome());
    assertTrue(c.text().contains("unknown command"), c.text());
    assertEquals(1, requests.size());
  }

  @Test
  void aStaleSequenceWasNotApplied() throws Exception {
    node(1, n -> new Reply(200, "{\"ok\":true,\"result\":\"ERR stale sequence\",\"index\":3}"));
    assertEquals(Outcome.FAIL, client(2000).submit(5, 1, "SET k v").outcome());
  }

  @Test
  void readsReturnTheResultText() throws Exception {
    node(1, n -> new Reply(200, "{\"ok\":true,\"result\":\"VALUE x;y;\",\"index\":4,\"key\":\"a1\",\"found\":true}"));
    assertEquals(Completion.ok("VALUE x;y;"), client(2000).read("a1"));
  }
}
