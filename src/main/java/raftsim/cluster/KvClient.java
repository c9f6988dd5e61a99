package raftsim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client of the cluster's HTTP API that carries one operation through to an answer: it goes to the node it
 * believes leads, follows 307 redirects, moves on from dead nodes and waits out elections, all within one
 * deadline. A write is retried with the same (clientId, seq), so the node applies it at most once however
 * often it is sent.
 *
 * <p>The operation's outcome is decided by what every attempt showed. It is {@code fail} only when no attempt can
 * have been applied (or, for a read, served): each was refused before any node could append it (connection
 * refused, 307 or 503 "no leader known" from a follower, a 4xx). Once an attempt may have reached a leader (a
 * timeout, a connection lost after sending, 503/504 "outcome unknown"), the operation can end {@code ok} or
 * {@code info}, never {@code fail}.
 */
public final class KvClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Pause before asking again when no node knows a leader: an election takes a few hundred ms. */
  private static final long NO_LEADER_PAUSE_MS = 100;
  /** Pause after a node failed us, before the next one is tried. */
  private static final long FAILED_NODE_PAUSE_MS = 20;

  private final HttpClient http;
  private final ClusterLayout layout;
  private final Duration attemptTimeout;
  private final Duration operationTimeout;
  /** The node this client believes leads; any node will do at first. */
  private volatile int leaderGuess = 1;

  public KvClient(HttpClient http, ClusterLayout layout, Duration attemptTimeout, Duration operationTimeout) {
    this.http = http;
    this.layout = layout;
    this.attemptTimeout = attemptTimeout;
    this.operationTimeout = operationTimeout;
  }

  /** Submits a write (or any command through the log) as session {@code clientId}, number {@code seq}. */
  public Completion submit(long clientId, long seq, String command) throws InterruptedException {
    String body = JSON.createObjectNode().put("command", command).put("clientId", clientId).put("seq", seq)
        .toString();
    return run("/client/submit", body);
  }

  /** A linearizable read of {@code key} (ReadIndex on the leader). */
  public Completion read(String key) throws InterruptedException {
    return run("/client/read/" + URLEncoder.encode(key, StandardCharsets.UTF_8), null);
  }

  private Completion run(String path, String body) throws InterruptedException {
    long deadline = System.nanoTime() + operationTimeout.toNanos();
    boolean mayBeApplied = false;
    String lastProblem = "no answer";
    int node = leaderGuess;
    int redirectsInRow = 0;
    while (System.nanoTime() < deadline) {
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      HttpRequest.Builder request = HttpRequest.newBuilder(layout.uri(node, path))
          .timeout(left.compareTo(attemptTimeout) < 0 ? left : attemptTimeout);
      if (body != null) {
        request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
      }
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (ConnectException | HttpConnectTimeoutException e) {
        // Never connected, so never sent: this node is down. Nothing happened.
        lastProblem = "n" + node + " unreachable";
        node = next(node);
        Thread.sleep(FAILED_NODE_PAUSE_MS);
        continue;
      } catch (HttpTimeoutException e) {
        mayBeApplied = true;
        lastProblem = "no answer from n" + node + " in time";
        node = next(node);
        continue;
      } catch (IOException e) {
        // Sent, then the connection broke: the node may have appended the write before it went away.
        mayBeApplied = true;
        lastProblem = "connection to n" + node + " lost: " + e.getClass().getSimpleName();
        node = next(node);
        Thread.sleep(FAILED_NODE_PAUSE_MS);
        continue;
      }
      Answer answer = Answer.parse(response);
      redirectsInRow = answer.kind() == Answer.Kind.REDIRECT ? redirectsInRow + 1 : 0;
      switch (answer.kind()) {
        case APPLIED -> {
          leaderGuess = node;
          if (answer.result().startsWith("ERR")) {
            // The store refused the command without applying it (e.g. a stale sequence number).
            return Completion.fail("refused: " + answer.result());
          }
          return Completion.ok(answer.result());
        }
        case REDIRECT -> {
          // A follower does not append what it redirects: go to the leader it names.
          node = answer.leader() >= 1 && answer.leader() <= layout.nodes() ? answer.leader() : next(node);
          leaderGuess = node;
          if (redirectsInRow > 1) {
            Thread.sleep(FAILED_NODE_PAUSE_MS); // nodes sending us round in circles: a new leader is settling in
          }
        }
        case NO_LEADER -> {
          lastProblem = "no leader known";
          node = next(node);
          Thread.sleep(NO_LEADER_PAUSE_MS);
        }
        case OUTCOME_UNKNOWN -> {
          mayBeApplied = true;
          lastProblem = "outcome unknown at n" + node + " (" + response.statusCode() + ")";
          node = answer.leader() >= 1 && answer.leader() <= layout.nodes() ? answer.leader() : next(node);
          Thread.sleep(NO_LEADER_PAUSE_MS);
        }
        case REFUSED -> {
          String why = "refused by n" + node + " (" + response.statusCode() + "): " + answer.error();
          return mayBeApplied ? Completion.info(why) : Completion.fail(why);
        }
      }
    }
    String why = "gave up after " + operationTimeout.toMillis() + " ms: " + lastProblem;
    return mayBeApplied ? Completion.info(why) : Completion.fail(why);
  }

  private int next(int node) {
    return node % layout.nodes() + 1;
  }

  /** What one response said, sorted by what it means for the operation. */
  private record Answer(Kind kind, String result, int leader, String error) {
    enum Kind { APPLIED, REDIRECT, NO_LEADER, OUTCOME_UNKNOWN, REFUSED }

    static Answer parse(HttpResponse<String> response) {
      JsonNode body;
      try {
        body = JSON.readTree(response.body());
      } catch (IOException e) {
        body = JSON.createObjectNode();
      }
      int status = response.statusCode();
      int leader = body.path("leader").asInt(0);
      String error = body.path("error").asText("");
      if (status == 200 && body.path("ok").asBoolean(false)) {
        return new Answer(Kind.APPLIED, body.path("result").asText(), leader, error);
      }
      if (status == 307) {
        return new Answer(Kind.REDIRECT, null, leader, error);
      }
      if (status == 504 || (status == 503 && "unknown".equals(body.path("outcome").asText()))) {
        return new Answer(Kind.OUTCOME_UNKNOWN, null, leader, error);
      }
      if (status == 503) {
        return new Answer(Kind.NO_LEADER, null, leader, error);
      }
      if (status >= 400 && status < 500) {
        return new Answer(Kind.REFUSED, null, leader, error);
      }
      // A 500 or anything else unexpected: the node may have got as far as appending the write.
      return new Answer(Kind.OUTCOME_UNKNOWN, null, leader, "status " + status);
    }
  }
}
