package raftsim.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raftsim.core.RaftConfig;
import raftsim.node.HttpApi;
import raftsim.node.NodeConfig;
import raftsim.node.RaftNode;
import raftsim.node.storage.StorageException;

/** {@code server}: one real Raft node over HTTP, on the same core as the simulator, with durable files. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
        "Run one Raft node: an HTTP server for clients and peers, its log and snapshots in --data-dir.",
        "Example: server --id 1 --port 8001 --data-dir /tmp/raft1 --peers 2=127.0.0.1:8002,3=127.0.0.1:8003",
        "Admin (with the cluster token): POST /admin/transfer-leader {\"to\": 2}, /admin/add-server",
        "{\"id\": 4, \"address\": \"127.0.0.1:8004\"}, /admin/remove-server {\"id\": 3}."})
final class ServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--id", required = true, description = "This node's id (a positive number).")
  int id;

  @Option(names = "--port", required = true, description = "The HTTP port to listen on.")
  int port;

  @Option(names = "--data-dir", required = true, description = "Where the log, hard state and snapshots go.")
  Path dataDir;

  @Option(names = "--peers", defaultValue = "", description = "The other members: ID=HOST:PORT,... (empty: a one-node cluster).")
  String peers;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "The address to listen on (default ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--cluster-token", description = "A secret that peer (/raft/*) and admin (/admin/*) calls must present.")
  String clusterToken;

  @Option(names = "--election-timeout", defaultValue = "300..600", description = "Election timeout range in ms (default ${DEFAULT-VALUE}).")
  String electionTimeout;

  @Option(names = "--heartbeat", defaultValue = "100", description = "Heartbeat interval in ms (default ${DEFAULT-VALUE}).")
  long heartbeatMs;

  @Option(names = "--snapshot-every", defaultValue = "10000", description = "Snapshot every N applied entries; 0: never (default ${DEFAULT-VALUE}).")
  long snapshotEvery;

  @Option(names = "--max-body-bytes", defaultValue = "1048576", description = "Largest request body (default ${DEFAULT-VALUE}).")
  int maxBodyBytes;

  @Option(names = "--request-timeout", defaultValue = "5000", description = "How long a client waits for its answer, in ms (default ${DEFAULT-VALUE}).")
  long requestTimeoutMs;

  @Option(names = "--pre-vote", description = "Ask for pre-votes before standing for election (Raft dissertation"
      + " 9.6): a node rejoining after a partition does not depose a healthy leader. Every member must agree.")
  boolean preVote;

  @Option(names = "--check-quorum", description = "A leader that has not heard from a majority within the minimum"
      + " election timeout steps down, and a node that heard from its leader that recently refuses votes without"
      + " adopting their term (Raft dissertation 4.2.3). Every member must agree.")
  boolean checkQuorum;

  @Option(names = "--join", description = "Start outside the cluster, whose members are --peers, and wait to be added:"
      + " POST /admin/add-server {\"id\": ID, \"address\": \"HOST:PORT\"} to the leader. The server catches up as a"
      + " learner and becomes a voter once it has (Raft dissertation 4.1, 4.2.1).")
  boolean join;

  @Option(names = "--reads", defaultValue = "readIndex", description = "How the leader makes sure a read is current:"
      + " readIndex (a heartbeat round per batch of reads, Raft dissertation 6.4) or lease (none while its lease holds,"
      + " 6.4.1; needs --check-quorum). Default ${DEFAULT-VALUE}.")
  String reads;

  @Option(names = "--max-clock-drift-ppm", defaultValue = "10000", description = "With --reads lease: the largest rate,"
      + " in parts per million, at which any member's clock may run fast or slow; a lease lasts the minimum election"
      + " timeout times (1 - drift) / (1 + drift). Default ${DEFAULT-VALUE} (1%%).")
  long maxClockDriftPpm;

  @Override
  public Integer call() throws Exception {
    long[] election = Ranges.parse(electionTimeout, "--election-timeout");
    if (id < 1 || port < 0 || port > 65535 || heartbeatMs < 1 || election[0] < 1 || snapshotEvery < 0
        || maxBodyBytes < 1024 || requestTimeoutMs < 1) {
      throw new BadInputException("raftsim server: need --id >= 1, 0 <= --port <= 65535, --heartbeat >= 1, an election"
          + " timeout >= 1, --snapshot-every >= 0, --max-body-bytes >= 1024, --request-timeout >= 1");
    }
    // Without this, every response on loopback stalls ~40 ms (Nagle's algorithm and delayed ACKs).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    if (!reads.equals("readIndex") && !reads.equals("lease")) {
      throw new BadInputException("raftsim server: --reads '" + reads + "' is not a read mode; valid: readIndex or lease");
    }
    boolean lease = reads.equals("lease");
    if (lease && !checkQuorum) {
      throw new BadInputException("raftsim server: --reads lease needs --check-quorum: a lease holds only while"
          + " followers that hear the leader refuse to vote (Raft dissertation 6.4.1)");
    }
    if (maxClockDriftPpm < 0 || maxClockDriftPpm > 500_000) {
      throw new BadInputException("raftsim server: --max-clock-drift-ppm " + maxClockDriftPpm + " is out of range;"
          + " valid: 0..500000");
    }
    RaftConfig raft = RaftConfig.of(election[0], election[1], heartbeatMs).withSnapshots(snapshotEvery, 65536)
        .withPreVote(preVote).withCheckQuorum(checkQuorum).withLeaseReads(lease, maxClockDriftPpm);
    TreeMap<Integer, String> peerMap = Peers.parse(peers, id);
    if (join && peerMap.isEmpty()) {
      throw new BadInputException("raftsim server: --join needs --peers: the members of the cluster to join");
    }
    NodeConfig config = new NodeConfig(id, bind, port, dataDir, peerMap, clusterToken, raft, maxBodyBytes,
        requestTimeoutMs, join);
    RaftNode node;
    try {
      node = new RaftNode(config);
    } catch (StorageException e) {
      spec.commandLine().getErr().println("raftsim server: refusing to start: " + e.getMessage());
      return ExitCodes.CHECK_FAILED;
    }
    if (node.recoveryNote() != null) {
      spec.commandLine().getErr().println("raftsim server: recovery: " + node.recoveryNote());
    }
    HttpApi api = new HttpApi(config, node);
    node.start();
    api.start();
    spec.commandLine().getErr().printf(Locale.ROOT, "raftsim server: node %d listening on http://%s:%d, data in %s, "
        + "peers %s%n", id, bind, api.port(), dataDir, config.peers());
    spec.commandLine().getErr().flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      api.close();
      try {
        node.close();
      } catch (Exception e) {
        // stopping anyway
      }
      stopped.countDown();
    }));
    stopped.await();
    return ExitCodes.OK;
  }

  /** Parses {@code 2=127.0.0.1:8002,3=127.0.0.1:8003}. */
  static final class Peers {
    private Peers() {}

    static TreeMap<Integer, String> parse(String text, int self) {
      TreeMap<Integer, String> peers = new TreeMap<>();
      if (text.isBlank()) {
        return peers;
      }
      for (String part : text.split(",")) {
        String[] kv = part.strip().split("=", 2);
        try {
          int peer = Integer.parseInt(kv[0].strip());
          String address = kv[1].strip();
          if (peer < 1 || peer == self || !address.matches("[^:\\s]+:\\d{1,5}") || peers.put(peer, address) != null) {
            throw new IllegalArgumentException();
          }
        } catch (RuntimeException e) {
          throw new BadInputException("raftsim server: --peers '" + part + "' is not a peer; valid: ID=HOST:PORT with"
              + " a positive id other than --id, each id once, e.g. 2=127.0.0.1:8002,3=127.0.0.1:8003");
        }
      }
      return peers;
    }
  }
}
