package raftsim.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import raftsim.core.ClientReply;
import raftsim.core.Message;
import raftsim.core.Role;
import raftsim.kv.KvCommand;

/**
 * The node's HTTP API, on the JDK's own server.
 *
 * <ul>
 *   <li>{@code GET /client/status}, {@code GET /client/leader}
 *   <li>{@code POST /client/submit} {@code {"command": "SET k v", "clientId": 7, "seq": 1}}: answers once
 *       the command is applied; clientId and seq (optional, together) make retries exactly-once
 *   <li>{@code GET /client/read/KEY}: a linearizable read by ReadIndex
 *   <li>{@code POST /raft/request_vote}, {@code /raft/append_entries}, {@code /raft/install_snapshot},
 *       {@code /raft/read_index}, {@code /raft/timeout_now}: peer messages, one way (a reply is posted
 *       back); PreVote and its reply go to {@code /raft/request_vote}
 *   <li>{@code POST /admin/transfer-leader} {@code {"to": 2}}: the leader hands over office (diss. §3.10);
 *   <li>{@code POST /admin/add-server} {@code {"id": 4, "address": "127.0.0.1:8004"}}: the leader adds a
 *       server, first as a learner, a voter once it has caught up (diss. §4.1, §4.2.1); start the new
 *       server with {@code --join};
 *   <li>{@code POST /admin/remove-server} {@code {"id": 3}}: the leader removes a server, itself included.
 *       The admin calls answer 202 once the request is taken (a change appended, a transfer started), 409
 *       with the reason when the leader refuses (one change at a time, ...), and need the cluster token.
 * </ul>
 *
 * <p>A follower answers client calls with 307 to the leader's same URL and a JSON body naming it; with
 * no leader known, 503 and Retry-After. Every error is a 4xx or 5xx with a JSON message, and the node
 * keeps serving: malformed JSON, unknown commands and wrong types 400, a missing cluster token 401, an
 * unknown path 404, a wrong method 405, a body over the limit 413.
 */
public final class HttpApi implements AutoCloseable {
  /** The header that carries the cluster token on /raft/* calls. */
  public static final String TOKEN_HEADER = "X-Cluster-Token";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final NodeConfig config;
  private final RaftNode node;
  private final HttpServer server;
  private final ExecutorService handlers;

  public HttpApi(NodeConfig config, RaftNode node) throws IOException {
    this.config = config;
    this.node = node;
    this.server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 256);
    this.handlers = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "raft-http-" + config.id());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
  }

  public void start() {
    server.start();
  }

  /** The port the server listens on (useful when configured as 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }

  private void handle(HttpExchange x) {
    try {
      route(x);
    } catch (BadRequest e) {
      respond(x, e.status(), error(e.getMessage()));
    } catch (RuntimeException | IOException e) {
      respond(x, 500, error("internal error: " + e));
    }
  }

  private void route(HttpExchange x) throws BadRequest, IOException {
    String path = x.getRequestURI().getRawPath();
    String method = x.getRequestMethod();
    if (path.startsWith("/raft/")) {
      requireMethod(x, "POST");
      requireToken(x);
      switch (path) {
        case "/raft/request_vote", "/raft/append_entries", "/raft/install_snapshot", "/raft/read_index",
            "/raft/timeout_now" ->
            peerMessage(x, path);
        default -> throw new BadRequest(404, "no such endpoint: " + path);
      }
      return;
    }
    if (path.startsWith("/admin/")) {
      requireMethod(x, "POST");
      requireToken(x);
      switch (path) {
        case "/admin/transfer-leader" -> transferLeader(x);
        case "/admin/add-server" -> addServer(x);
        case "/admin/remove-server" -> removeServer(x);
        default -> throw new BadRequest(404, "no such endpoint: " + path
            + "; see /admin/transfer-leader, /admin/add-server, /admin/remove-server");
      }
      return;
    }
    switch (path) {
      case "/client/status" -> {
        requireMethod(x, "GET");
        respond(x, 200, status());
      }
      case "/client/leader" -> {
        requireMethod(x, "GET");
        NodeView v = node.view();
        ObjectNode o = JSON.createObjectNode();
        if (v.leader() == 0) {
          o.putNull("leader");
        } else {
          o.put("leader", v.leader()).put("url", urlOf(v.leader(), ""));
        }
        respond(x, 200, o);
      }
      case "/client/submit" -> {
        requireMethod(x, "POST");
        submit(x);
      }
      default -> {
        if (path.startsWith("/client/read/")) {
          requireMethod(x, "GET");
          read(x, path.substring("/client/read/".length()));
        } else {
          throw new BadRequest(404, "no such endpoint: " + path + "; see /client/status, /client/leader,"
              + " /client/submit, /client/read/KEY");
        }
      }
    }
  }

  private static void requireMethod(HttpExchange x, String method) throws BadRequest {
    if (!x.getRequestMethod().equals(method)) {
      x.getResponseHeaders().set("Allow", method);
      throw new BadRequest(405, x.getRequestMethod() + " is not allowed here; use " + method);
    }
  }

  private void requireToken(HttpExchange x) throws BadRequest {
    if (config.clusterToken() != null && !config.clusterToken().equals(x.getRequestHeaders().getFirst(TOKEN_HEADER))) {
      throw new BadRequest(401, "a valid " + TOKEN_HEADER + " header is required");
    }
  }

  private void peerMessage(HttpExchange x, String path) throws BadRequest, IOException {
    for (Message m : MessageCodec.decodeAll(path, body(x))) {
      node.deliver(m);
    }
    respond(x, 202, JSON.createObjectNode().put("accepted", true));
  }

  /** {@code {"to": 2}}: hand office to node 2 (diss. §3.10). */
  private void transferLeader(HttpExchange x) throws BadRequest, IOException {
    JsonNode o = adminBody(x, "to");
    int to = Fields.intField(o, "to");
    if (to < 1) {
      throw new BadRequest("to: " + to + " is not a node id; valid: a positive id");
    }
    if (redirected(x)) {
      return;
    }
    adminAnswer(x, node.admin((core, now) -> core.transferLeadership(to, now)),
        JSON.createObjectNode().put("accepted", true).put("transferringTo", to));
  }

  /** {@code {"id": 4, "address": "127.0.0.1:8004"}}: add server 4, first as a learner (diss. §4.1, §4.2.1). */
  private void addServer(HttpExchange x) throws BadRequest, IOException {
    JsonNode o = adminBody(x, "id", "address");
    int id = serverId(o);
    String address = Fields.text(o, "address");
    if (!address.matches("[^:\\s/]+:\\d{1,5}")) {
      throw new BadRequest("address: '" + address + "' is not HOST:PORT, such as 127.0.0.1:8004");
    }
    if (redirected(x)) {
      return;
    }
    adminAnswer(x, node.admin((core, now) -> core.addServer(id, address, now)),
        JSON.createObjectNode().put("accepted", true).put("adding", id).put("address", address));
  }

  /** {@code {"id": 3}}: remove server 3, which may be this leader (diss. §4.1, §4.2.2). */
  private void removeServer(HttpExchange x) throws BadRequest, IOException {
    JsonNode o = adminBody(x, "id");
    int id = serverId(o);
    if (redirected(x)) {
      return;
    }
    adminAnswer(x, node.admin((core, now) -> core.removeServer(id, now)),
        JSON.createObjectNode().put("accepted", true).put("removing", id));
  }

  private static int serverId(JsonNode o) throws BadRequest {
    int id = Fields.intField(o, "id");
    if (id < 1) {
      throw new BadRequest("id: " + id + " is not a node id; valid: a positive id");
    }
    return id;
  }

  /** An admin call's body: a JSON object with only {@code fields}. */
  private JsonNode adminBody(HttpExchange x, String... fields) throws BadRequest, IOException {
    JsonNode o = body(x);
    if (!o.isObject()) {
      throw new BadRequest("expected a JSON object with " + String.join(", ", fields));
    }
    var names = o.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!java.util.List.of(fields).contains(name)) {
        throw new BadRequest(name + ": unknown field; valid: " + String.join(", ", fields));
      }
    }
    return o;
  }

  /** 202 with {@code accepted} once the core took the request; 409 with the reason it refused; 307/503 off the leader. */
  private void adminAnswer(HttpExchange x, CompletableFuture<raftsim.core.AdminResult> result, ObjectNode accepted) {
    result.orTimeout(config.requestTimeoutMs(), TimeUnit.MILLISECONDS).whenCompleteAsync((r, failure) -> {
      if (failure != null) {
        respond(x, 503, error("the node did not take the request in time"));
      } else if (r.accepted()) {
        respond(x, 202, accepted);
      } else if (r.refusal() == raftsim.core.AdminRefusal.NOT_LEADER) {
        notLeader(x, node.view().leader());
      } else {
        respond(x, 409, error("refused: " + r.refusal().name()).put("reason", r.refusal().name()));
      }
    }, handlers);
  }

  private void submit(HttpExchange x) throws BadRequest, IOException {
    JsonNode o = body(x);
    if (!o.isObject()) {
      throw new BadRequest("expected a JSON object like {\"command\": \"SET k v\"}");
    }
    String command = Fields.text(o, "command");
    try {
      KvCommand.parse(command);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("command: " + e.getMessage());
    }
    long clientId = 0;
    long seq = 0;
    if (o.has("clientId") || o.has("seq")) {
      clientId = Fields.longField(o, "clientId");
      seq = Fields.longField(o, "seq");
      if (clientId < 1 || seq < 1) {
        throw new BadRequest("clientId and seq must both be positive");
      }
    }
    if (redirected(x)) {
      return;
    }
    answer(x, node.submit(clientId, seq, command), null);
  }

  private void read(HttpExchange x, String rawKey) throws BadRequest {
    String key = URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
    if (key.isEmpty() || key.chars().anyMatch(c -> c <= ' ')) {
      throw new BadRequest("the key must be a non-empty token without whitespace");
    }
    if (redirected(x)) {
      return;
    }
    answer(x, node.read("GET " + key), key);
  }

  /** A follower sends clients to the leader: 307 to its same URL, or 503 when it knows none. */
  private boolean redirected(HttpExchange x) {
    NodeView v = node.view();
    if (v.role() == Role.LEADER) {
      return false;
    }
    notLeader(x, v.leader());
    return true;
  }

  private void notLeader(HttpExchange x, int leader) {
    if (leader == 0 || node.addressOf(leader) == null) {
      x.getResponseHeaders().set("Retry-After", "1");
      respond(x, 503, error("no leader known; retry shortly").putNull("leader"));
      return;
    }
    String target = urlOf(leader, x.getRequestURI().toString());
    x.getResponseHeaders().set("Location", target);
    respond(x, 307, error("not the leader").put("leader", leader).put("url", target));
  }

  /** Waits (off the loop) for the core's answer and turns it into a response. */
  private void answer(HttpExchange x, CompletableFuture<ClientReply> reply, String readKey) {
    reply.orTimeout(config.requestTimeoutMs(), TimeUnit.MILLISECONDS).whenCompleteAsync((r, failure) -> {
      if (failure != null) {
        boolean timeout = failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException;
        respond(x, timeout ? 504 : 503, error(timeout ? "no answer in time: the outcome is unknown"
            : "the node stopped: the outcome is unknown").put("outcome", "unknown"));
      } else if (r instanceof ClientReply.Applied a) {
        respond(x, 200, applied(a, readKey));
      } else if (r instanceof ClientReply.NotLeader n) {
        notLeader(x, n.leaderHint());
      } else {
        ClientReply.OutcomeUnknown u = (ClientReply.OutcomeUnknown) r;
        x.getResponseHeaders().set("Retry-After", "1");
        respond(x, 503, error("leadership was lost: the outcome is unknown; retry with the same clientId and seq")
            .put("outcome", "unknown").put("leader", u.leaderHint()));
      }
    }, handlers);
  }

  private static ObjectNode applied(ClientReply.Applied a, String readKey) {
    ObjectNode o = JSON.createObjectNode().put("ok", true).put("result", a.result()).put("index", a.index());
    if (readKey != null) {
      o.put("key", readKey);
      if (a.result().startsWith(KvCommand.VALUE_PREFIX)) {
        o.put("found", true).put("value", a.result().substring(KvCommand.VALUE_PREFIX.length()));
      } else {
        o.put("found", false).putNull("value");
      }
    }
    return o;
  }

  private ObjectNode status() {
    NodeView v = node.view();
    ObjectNode o = JSON.createObjectNode();
    o.put("id", v.id()).put("role", v.role().wireName()).put("term", v.term());
    if (v.leader() == 0) {
      o.putNull("leader");
    } else {
      o.put("leader", v.leader());
    }
    o.put("commitIndex", v.commitIndex()).put("lastApplied", v.lastApplied())
        .put("logFirstIndex", v.logFirstIndex()).put("logLastIndex", v.logLastIndex())
        .put("snapshotIndex", v.snapshotIndex()).put("durableIndex", v.durableIndex()).put("fsyncs", v.fsyncs());
    ObjectNode peers = o.putObject("peers");
    config.peers().forEach((id, address) -> peers.put(Integer.toString(id), address));
    var voters = o.putArray("voters");
    v.voters().forEach(voters::add);
    var learners = o.putArray("learners");
    v.learners().forEach(learners::add);
    return o;
  }

  private String urlOf(int id, String pathAndQuery) {
    String address = id == config.id() ? config.bind() + ":" + port() : node.addressOf(id);
    return "http://" + address + pathAndQuery;
  }

  /** Reads the body as JSON, refusing one over the size limit (413) or that is not JSON (400). */
  private JsonNode body(HttpExchange x) throws BadRequest, IOException {
    byte[] b;
    try (InputStream in = x.getRequestBody()) {
      b = in.readNBytes(config.maxBodyBytes() + 1);
    }
    if (b.length > config.maxBodyBytes()) {
      throw new BadRequest(413, "the body is over the limit of " + config.maxBodyBytes() + " bytes");
    }
    try {
      JsonNode o = JSON.readTree(b);
      if (o == null || o.isMissingNode()) {
        throw new BadRequest("the body is empty; expected a JSON object");
      }
      return o;
    } catch (JsonProcessingException e) {
      throw new BadRequest("malformed JSON: " + e.getOriginalMessage());
    }
  }

  private static ObjectNode error(String message) {
    return JSON.createObjectNode().put("error", message);
  }

  private static void respond(HttpExchange x, int status, ObjectNode body) {
    try (x) {
      byte[] b = body.toString().getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.sendResponseHeaders(status, b.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(b);
      }
    } catch (IOException e) {
      // The client went away; nothing to tell it.
    }
  }
}
