package raftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import raftsim.cluster.ClusterState;
import raftsim.cluster.LocalCluster;
import raftsim.cluster.Ports;

/** {@code cluster ...} end to end: real server processes on ports 18101..18103 (and 18111 for a taken port). */
@Timeout(30)
class ClusterCommandTest {
  private static final int BASE_PORT = 18101;
  /** A status row of a running node whose role is leader; group 1 is its id. */
  private static final Pattern LEADER_ROW = Pattern.compile("(?m)^n(\\d)\\s+\\d+\\s+yes\\s+leader\\s");

  @TempDir Path work;

  private Path data() {
    return work.resolve("cluster-data");
  }

  private Cli cluster(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "cluster";
    all[1] = args[0];
    all[2] = "--data=" + data();
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return Cli.run(all);
  }

  @AfterEach
  @Timeout(30)
  void stopWhateverRuns() {
    if (ClusterState.existsIn(data())) {
      LocalCluster.open(data()).stopAll();
    }
  }

  @Test
  @Timeout(90)
  void startStatusKillRestartWatchStopAndClean() throws Exception {
    for (int port = BASE_PORT; port < BASE_PORT + 3; port++) {
      assertTrue(Ports.isFree(port), "port " + port + " is taken: is another run going?");
    }
    Cli start = cluster("start", "--nodes", "3", "--base-port", Integer.toString(BASE_PORT));
    assertEquals(0, start.code(), start.err());
    assertTrue(start.out().startsWith("started 3 nodes"), start.out());

    Cli again = cluster("start");
    assertEquals(2, again.code());
    assertTrue(again.err().contains("already runs"), again.err());

    int leader = awaitLeader();

    Cli kill = cluster("killnode", Integer.toString(leader));
    assertEquals(0, kill.code(), kill.err());
    assertTrue(rowOf(cluster("status").out(), leader).matches("n" + leader + "\\s+-\\s+no\\s+down.*"));
    assertEquals(2, cluster("killnode", Integer.toString(leader)).code(), "killing a dead node");
    Cli unknown = cluster("killnode", "7");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("no node 7"), unknown.err());

    assertEquals(0, cluster("startnode", Integer.toString(leader)).code());
    assertEquals(2, cluster("startnode", Integer.toString(leader)).code(), "starting a running node");
    assertTrue(rowOf(cluster("status").out(), leader).matches("n" + leader + "\\s+\\d+\\s+yes\\s.*"));
    awaitAnswering(leader);

    Cli logs = cluster("watchlogs", "--no-follow");
    assertEquals(0, logs.code(), logs.err());
    for (int id = 1; id <= 3; id++) {
      assertTrue(logs.out().contains("[n" + id + "] raftsim server: node " + id + " listening"), logs.out());
    }
    assertFalse(logs.out().contains("\u001b["), "no colour when stdout is not a terminal");
    assertEquals(2, count(logs.out(), "[n" + leader + "] raftsim server: node " + leader + " listening"),
        "the restarted node's log goes on in the same file");

    Cli stop = cluster("stop");
    assertEquals(0, stop.code(), stop.err());
    assertTrue(stop.out().contains("stopped n1, n2, n3"), stop.out());
    for (int port = BASE_PORT; port < BASE_PORT + 3; port++) {
      assertTrue(Ports.isFree(port), "port " + port + " still in use after stop");
    }
    assertTrue(cluster("status").out().lines().skip(1).allMatch(l -> l.contains(" down ")));

    Cli clean = cluster("clean");
    assertEquals(0, clean.code(), clean.err());
    assertFalse(Files.exists(data()));
    Cli gone = cluster("status");
    assertEquals(2, gone.code());
    assertTrue(gone.err().contains("cluster start"), gone.err());
  }

  @Test
  void refusesATakenPortAndStartsNothing() throws Exception {
    int port = 18111;
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port + 1));
      Cli start = cluster("start", "--nodes", "3", "--base-port", Integer.toString(port));
      assertEquals(2, start.code());
      assertTrue(start.err().contains("port " + (port + 1) + " (node 2) is in use"), start.err());
    }
    assertFalse(ClusterState.existsIn(data()), "nothing started, nothing remembered");
    assertTrue(Ports.isFree(port) && Ports.isFree(port + 2));
  }

  @Test
  void badInputExitsTwo() {
    assertEquals(2, cluster("start", "--nodes", "0").code());
    assertEquals(2, cluster("start", "--base-port", "80").code());
    assertEquals(2, cluster("stop").code(), "no cluster to stop");
    assertEquals(2, cluster("watchlogs", "--no-follow").code(), "no cluster to watch");
    assertEquals(2, Cli.run("cluster").code(), "a subcommand is required");
    Cli clean = cluster("clean");
    assertEquals(0, clean.code(), "nothing to clean is fine");
  }

  @Test
  void cleanDeletesOnlyAClusterDirectory() throws Exception {
    Files.createDirectories(data());
    Files.writeString(data().resolve("precious.txt"), "keep me");
    Cli clean = cluster("clean");
    assertEquals(2, clean.code());
    assertTrue(Files.exists(data().resolve("precious.txt")));
  }

  /** Waits until the status table shows one leader, and returns it. */
  private int awaitLeader() throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      Cli status = cluster("status");
      assertEquals(0, status.code(), status.err());
      if (LEADER_ROW.matcher(status.out()).find()) {
        return leaderOf(status.out());
      }
      assertTrue(System.nanoTime() < deadline, "no leader:\n" + status.out());
      Thread.sleep(200);
    }
  }

  /** Waits until the node's row shows a role: it is up and serving, its first log line written. */
  private void awaitAnswering(int node) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (rowOf(cluster("status").out(), node).contains("no-answer")) {
      assertTrue(System.nanoTime() < deadline, "n" + node + " never answered");
      Thread.sleep(200);
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** The one node whose row says it leads. */
  private static int leaderOf(String table) {
    Matcher m = LEADER_ROW.matcher(table);
    assertTrue(m.find(), table);
    int leader = Integer.parseInt(m.group(1));
    assertFalse(m.find(), "two leaders in one table:\n" + table);
    return leader;
  }

  private static String rowOf(String table, int node) {
    List<String> rows = table.lines().filter(l -> l.startsWith("n" + node + " ")).toList();
    assertEquals(1, rows.size(), table);
    return rows.get(0);
  }
}
