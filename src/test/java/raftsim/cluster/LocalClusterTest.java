package raftsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import raftsim.check.history.Outcome;

/** Three real server processes on ports 18001..18003, started and stopped by the launcher. */
class LocalClusterTest {
  private static final int BASE_PORT = 18001;
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path dir;
  private LocalCluster cluster;
  private final HttpClient http = LoopbackHttp.newClient();
  private StatusProbe probe;
  private KvClient kv;

  @BeforeEach
  @Timeout(30)
  void start() {
    ClusterLayout layout = new ClusterLayout(dir, 3, BASE_PORT);
    for (int id : layout.ids()) {
      assertTrue(Ports.isFree(layout.port(id)), "port " + layout.port(id) + " is taken: is another run going?");
    }
    cluster = LocalCluster.create(layout);
    cluster.startAll();
    probe = new StatusProbe(http, layout, Duration.ofMillis(500));
    kv = new KvClient(http, layout, Duration.ofSeconds(2), Duration.ofSeconds(15));
  }

  @AfterEach
  @Timeout(30)
  void stop() {
    cluster.stopAll();
    assertEquals(List.of(), cluster.running());
    for (int id : cluster.layout().ids()) {
      assertTrue(Ports.isFree(cluster.layout().port(id)), "node " + id + " still listens");
    }
  }

  @Test
  @Timeout(90)
  void electsCommitsRedirectsAndKeepsEveryAcknowledgedWriteAcrossALeaderCrash() throws Exception {
    int leader = probe.awaitLeader(PATIENCE).orElseThrow();
    List<String> acknowledged = new ArrayList<>();
    appendSome(acknowledged, 1, 10);

    // A follower sends clients to the leader's same URL, and appends nothing itself.
    int follower = leader % 3 + 1;
    HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(cluster.layout().uri(follower, "/client/submit"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"command\": \"APPEND a1 never;\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(307, redirect.statusCode(), redirect.body());
    assertEquals(Optional.of(cluster.layout().uri(leader, "/client/submit").toString()),
        redirect.headers().firstValue("Location"));
    assertEquals(leader, new ObjectMapper().readTree(redirect.body()).path("leader").asInt());

    cluster.kill(leader);
    int next = probe.awaitLeader(PATIENCE).orElseThrow();
    assertNotEquals(leader, next);
    appendSome(acknowledged, 11, 20);

    cluster.start(leader);
    appendSome(acknowledged, 21, 25);
    awaitCaughtUp(leader);

    Completion read = kv.read("a1");
    assertEquals(Outcome.OK, read.outcome(), read.toString());
    String value = read.text().substring("VALUE ".length());
    for (String token : acknowledged) {
      assertTrue(value.contains(token), "lost " + token + " from " + value);
    }
    assertFalse(value.contains("never;"), "a follower appended a write it redirected");
  }

  private void appendSome(List<String> acknowledged, int from, int to) throws InterruptedException {
    for (int i = from; i <= to; i++) {
      String token = "t" + i + ";";
      Completion c = kv.submit(1, i, "APPEND a1 " + token);
      assertEquals(Completion.ok("OK"), c, "APPEND " + token);
      acknowledged.add(token);
    }
  }

  /** Waits until the restarted node has applied everything the leader has committed. */
  private void awaitCaughtUp(int node) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      var all = probe.all();
      long commit = all.values().stream().flatMap(Optional::stream).filter(NodeStatus::isLeader)
          .mapToLong(NodeStatus::commitIndex).max().orElse(Long.MAX_VALUE);
      Optional<NodeStatus> mine = all.get(node);
      if (mine.isPresent() && mine.get().lastApplied() >= commit) {
        return;
      }
      assertTrue(System.nanoTime() < deadline, "n" + node + " did not catch up: " + all);
      Thread.sleep(100);
    }
  }
}
