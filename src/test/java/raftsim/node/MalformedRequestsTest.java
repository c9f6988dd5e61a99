package raftsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import raftsim.core.RaftConfig;

/**
 * Every kind of malformed request gets a 4xx with a JSON message saying what is wrong, and the node
 * keeps serving correct requests after each one.
 */
@Timeout(60)
class MalformedRequestsTest {
  private static final String TOKEN = "s3cret";
  @TempDir static Path dir;
  private static RaftNode node;
  private static HttpApi api;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  static void oneNodeCluster() throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    NodeConfig config = new NodeConfig(1, "127.0.0.1", 0, dir, new TreeMap<>(), TOKEN, RaftConfig.of(50, 100, 20),
        64 * 1024, 5000);
    node = new RaftNode(config);
    api = new HttpApi(config, node);
    node.start();
    api.start();
    for (int i = 0; i < 100 && node.view().leader() != 1; i++) {
      Thread.sleep(20);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
    node.close();
  }

  private static HttpResponse<String> send(String method, String path, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Stream<Arguments> malformed() {
    String t = HttpApi.TOKEN_HEADER;
    byte[] big = new byte[70 * 1024];
    java.util.Arrays.fill(big, (byte) 'x');
    return Stream.of(
        Arguments.of("unknown path", "GET", "/nope", null, new String[0], 404),
        Arguments.of("wrong method on status", "DELETE", "/client/status", null, new String[0], 405),
        Arguments.of("POST on status", "POST", "/client/status", utf8("{}"), new String[0], 405),
        Arguments.of("GET on submit", "GET", "/client/submit", null, new String[0], 405),
        Arguments.of("not JSON", "POST", "/client/submit", utf8("SET a 1"), new String[0], 400),
        Arguments.of("empty body", "POST", "/client/submit", utf8(""), new String[0], 400),
        Arguments.of("an array, not an object", "POST", "/client/submit", utf8("[1, 2]"), new String[0], 400),
        Arguments.of("command of the wrong type", "POST", "/client/submit", utf8("{\"command\": 5}"), new String[0], 400),
        Arguments.of("command missing", "POST", "/client/submit", utf8("{}"), new String[0], 400),
        Arguments.of("unknown command", "POST", "/client/submit", utf8("{\"command\": \"FROB k\"}"), new String[0], 400),
        Arguments.of("wrong number of arguments", "POST", "/client/submit", utf8("{\"command\": \"SET k\"}"), new String[0], 400),
        Arguments.of("clientId of the wrong type", "POST", "/client/submit",
            utf8("{\"command\": \"SET a 1\", \"clientId\": \"x\", \"seq\": 1}"), new String[0], 400),
        Arguments.of("clientId without seq", "POST", "/client/submit",
            utf8("{\"command\": \"SET a 1\", \"clientId\": 1}"), new String[0], 400),
        Arguments.of("negative clientId", "POST", "/client/submit",
            utf8("{\"command\": \"SET a 1\", \"clientId\": -1, \"seq\": 1}"), new String[0], 400),
        Arguments.of("trailing garbage", "POST", "/client/submit", utf8("{\"command\": \"SET a 1\"} xyz"), new String[0], 400),
        Arguments.of("duplicate key", "POST", "/client/submit",
            utf8("{\"command\": \"SET a 1\", \"command\": \"GET a\"}"), new String[0], 400),
        Arguments.of("body over the limit", "POST", "/client/submit", big, new String[0], 413),
        Arguments.of("invalid UTF-8", "POST", "/client/submit", new byte[] {'{', '"', (byte) 0xff, '"', '}'}, new String[0], 400),
        Arguments.of("empty key", "GET", "/client/read/", null, new String[0], 400),
        Arguments.of("key with a space", "GET", "/client/read/a%20b", null, new String[0], 400),
        Arguments.of("peer call without the token", "POST", "/raft/append_entries", utf8("{}"), new String[0], 401),
        Arguments.of("peer call with a wrong token", "POST", "/raft/append_entries", utf8("{}"), new String[] {t, "nope"}, 401),
        Arguments.of("peer call, malformed JSON", "POST", "/raft/append_entries", utf8("{\"type\":"), new String[] {t, TOKEN}, 400),
        Arguments.of("peer call, message at the wrong endpoint", "POST", "/raft/append_entries",
            utf8("{\"type\":\"RequestVote\",\"from\":2,\"to\":1,\"term\":1,\"lastLogIndex\":0,\"lastLogTerm\":0}"),
            new String[] {t, TOKEN}, 400),
        Arguments.of("peer call, missing fields", "POST", "/raft/append_entries",
            utf8("{\"type\":\"AppendEntries\",\"from\":2,\"to\":1}"), new String[] {t, TOKEN}, 400),
        Arguments.of("peer call, number out of range", "POST", "/raft/request_vote",
            utf8("{\"type\":\"RequestVote\",\"from\":2,\"to\":1,\"term\":1e400,\"lastLogIndex\":0,\"lastLogTerm\":0}"),
            new String[] {t, TOKEN}, 400),
        Arguments.of("peer call, unknown message type", "POST", "/raft/request_vote",
            utf8("{\"type\":\"Hello\",\"from\":2,\"to\":1,\"term\":1}"), new String[] {t, TOKEN}, 400),
        Arguments.of("peer call, snapshot data not base64", "POST", "/raft/install_snapshot",
            utf8("{\"type\":\"InstallSnapshot\",\"from\":2,\"to\":1,\"term\":1,\"lastIncludedIndex\":1,"
                + "\"lastIncludedTerm\":1,\"offset\":0,\"done\":true,\"data\":\"%%%\"}"), new String[] {t, TOKEN}, 400),
        Arguments.of("unknown peer endpoint", "POST", "/raft/gossip", utf8("{}"), new String[] {t, TOKEN}, 404),
        Arguments.of("GET on a peer endpoint", "GET", "/raft/append_entries", null, new String[] {t, TOKEN}, 405),
        Arguments.of("peer call, TimeoutNow at the wrong endpoint", "POST", "/raft/request_vote",
            utf8("{\"type\":\"TimeoutNow\",\"from\":2,\"to\":1,\"term\":1}"), new String[] {t, TOKEN}, 400),
        Arguments.of("admin call without the token", "POST", "/admin/transfer-leader", utf8("{\"to\": 2}"),
            new String[0], 401),
        Arguments.of("admin call, GET", "GET", "/admin/transfer-leader", null, new String[] {t, TOKEN}, 405),
        Arguments.of("admin call, unknown endpoint", "POST", "/admin/reboot", utf8("{}"), new String[] {t, TOKEN}, 404),
        Arguments.of("transfer, to missing", "POST", "/admin/transfer-leader", utf8("{}"), new String[] {t, TOKEN}, 400),
        Arguments.of("transfer, to not a number", "POST", "/admin/transfer-leader", utf8("{\"to\": \"two\"}"),
            new String[] {t, TOKEN}, 400),
        Arguments.of("transfer, to zero", "POST", "/admin/transfer-leader", utf8("{\"to\": 0}"),
            new String[] {t, TOKEN}, 400),
        Arguments.of("transfer, unknown field", "POST", "/admin/transfer-leader", utf8("{\"to\": 2, \"now\": true}"),
            new String[] {t, TOKEN}, 400),
        Arguments.of("transfer to a node that is no voter", "POST", "/admin/transfer-leader", utf8("{\"to\": 2}"),
            new String[] {t, TOKEN}, 409),
        Arguments.of("transfer to the leader itself", "POST", "/admin/transfer-leader", utf8("{\"to\": 1}"),
            new String[] {t, TOKEN}, 409),
        Arguments.of("add-server without the token", "POST", "/admin/add-server",
            utf8("{\"id\": 4, \"address\": \"127.0.0.1:9\"}"), new String[0], 401),
        Arguments.of("add-server, address missing", "POST", "/admin/add-server", utf8("{\"id\": 4}"),
            new String[] {t, TOKEN}, 400),
        Arguments.of("add-server, address not HOST:PORT", "POST", "/admin/add-server",
            utf8("{\"id\": 4, \"address\": \"nowhere\"}"), new String[] {t, TOKEN}, 400),
        Arguments.of("add-server, negative id", "POST", "/admin/add-server",
            utf8("{\"id\": -4, \"address\": \"127.0.0.1:9\"}"), new String[] {t, TOKEN}, 400),
        Arguments.of("add-server, already a member", "POST", "/admin/add-server",
            utf8("{\"id\": 1, \"address\": \"127.0.0.1:9\"}"), new String[] {t, TOKEN}, 409),
        Arguments.of("remove-server, id of the wrong type", "POST", "/admin/remove-server", utf8("{\"id\": [3]}"),
            new String[] {t, TOKEN}, 400),
        Arguments.of("remove-server, not a member", "POST", "/admin/remove-server", utf8("{\"id\": 3}"),
            new String[] {t, TOKEN}, 409),
        Arguments.of("remove-server, the last voter", "POST", "/admin/remove-server", utf8("{\"id\": 1}"),
            new String[] {t, TOKEN}, 409),
        Arguments.of("peer call, configuration without voters", "POST", "/raft/append_entries",
            utf8("{\"type\":\"AppendEntries\",\"from\":2,\"to\":1,\"term\":1,\"prevLogIndex\":0,"
                + "\"prevLogTerm\":0,\"leaderCommit\":0,\"round\":1,\"entries\":[{\"index\":1,\"term\":1,"
                + "\"config\":{\"voters\":[],\"learners\":[],\"addresses\":{}}}]}"), new String[] {t, TOKEN}, 400));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void isRefusedWithAJsonMessageAndTheNodeKeepsServing(String what, String method, String path, byte[] body,
      String[] headers, int status) throws Exception {
    HttpResponse<String> r = send(method, path, body, headers);
    assertEquals(status, r.statusCode(), what + ": " + r.body());
    String error = new ObjectMapper().readTree(r.body()).path("error").asText();
    assertTrue(!error.isEmpty(), "a JSON message says what is wrong: " + r.body());

    HttpResponse<String> ok = send("POST", "/client/submit", utf8("{\"command\": \"APPEND log x\"}"));
    assertEquals(200, ok.statusCode(), "still serving after " + what + ": " + ok.body());
  }

  @Test
  void correctRequestsWork() throws Exception {
    assertEquals(200, send("POST", "/client/submit", utf8("{\"command\": \"SET a 1\", \"clientId\": 3, \"seq\": 1}")).statusCode());
    HttpResponse<String> read = send("GET", "/client/read/a", null);
    assertEquals(200, read.statusCode(), read.body());
    assertTrue(read.body().contains("\"value\":\"1\""), read.body());
    HttpResponse<String> status = send("GET", "/client/status", null);
    assertTrue(status.body().contains("\"role\":\"leader\""), status.body());
  }
}
