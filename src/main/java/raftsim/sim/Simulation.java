package raftsim.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import raftsim.check.SafetyInvariants;
import raftsim.check.Violation;
import raftsim.core.ClientReply;
import raftsim.core.ClientRequest;
import raftsim.core.CoreStats;
import raftsim.core.Message;
import raftsim.core.PersistentState;
import raftsim.core.RaftCore;
import raftsim.core.Role;
import raftsim.core.Snapshot;
import raftsim.core.StateMachine;
import raftsim.core.TermRun;
import raftsim.trace.CoreEventLines;
import raftsim.trace.TraceWriter;

/**
 * The discrete-event simulator: one thread, one event queue ordered by (time, sequence), a simulated
 * network and one simulated disk per node, all driven from one seed. Popping the queue is the only way
 * time advances, so a run takes as long as its events need, not as long as the time it simulates.
 *
 * <p>After every event the safety invariants have seen every step, and the leader at that moment
 * (CONTRACT §4) is known.
 */
public final class Simulation {
  private final SimOptions options;
  private final TraceWriter trace;
  private final EventQueue queue = new EventQueue();
  private final SimNode[] nodes;
  private final List<Integer> memberIds;
  private final Links links;
  private final LinkStreams linkRandom;
  private final SafetyInvariants invariants;
  private NetworkParams network;
  private ClientReplyListener clientReplies = (node, reply) -> { };
  private java.util.function.IntConsumer newLeaderListener = leader -> { };
  /** Called after each event is processed; null when nobody watches (the usual case). */
  private Consumer<Simulation> afterEachEvent;

  private long now;
  private long events;
  private long currentEvent;

  private boolean clusterChanged = true;
  private int leader;
  private long leaderTerm;
  private int lastLeader;
  private long lastLeaderTerm;
  private long leaderChanges;
  private long violationsTraced;
  /** The run hit {@link SimOptions#eventLimit} and stopped early. */
  private boolean runaway;

  /** Where replies the nodes give clients go. */
  @FunctionalInterface
  public interface ClientReplyListener {
    void onReply(int node, ClientReply reply);
  }

  public Simulation(SimOptions options, TraceWriter trace) {
    this.options = options;
    this.trace = trace;
    this.network = options.network();
    this.nodes = new SimNode[options.nodes() + 1];
    List<Integer> ids = new ArrayList<>();
    for (int i = 1; i <= options.initialMembers(); i++) {
      ids.add(i); // the first configuration; nodes above it start as spares outside it
    }
    this.memberIds = Collections.unmodifiableList(ids);
    this.links = new Links(options.nodes());
    this.linkRandom = new LinkStreams(options.seed(), options.nodes());
    this.invariants = new SafetyInvariants(options.nodes());
    for (int i = 1; i <= options.nodes(); i++) {
      nodes[i] = new SimNode(i, this);
    }
    queue.add(new ActionEvent(Simulation::boot), 0);
  }

  private void boot() {
    if (trace.enabled()) {
      trace.begin(currentEvent, now, "boot").field("nodes", options.nodes()).field("seed", options.seed())
          .field("electionTimeoutMin", options.raft().electionTimeoutMinMs())
          .field("electionTimeoutMax", options.raft().electionTimeoutMaxMs())
          .field("heartbeat", options.raft().heartbeatMs());
      if (options.initialMembers() < options.nodes()) {
        // The first configuration, for a reader of the trace: the nodes above it start as spares (diss. §4.1).
        trace.field("initialMembers", options.initialMembers());
      }
      trace.end();
    }
    for (int i = 1; i <= options.nodes(); i++) {
      nodes[i].start();
    }
  }

  // ------------------------------------------------------------------------------------- running

  /** Processes every event up to and including simulated time {@code endMs}; the clock then reads endMs. */
  public void runUntil(long endMs) {
    while (!queue.isEmpty() && queue.peekTime() <= endMs) {
      if (events >= options.eventLimit()) {
        runaway = true; // stop here: the clock stays where the runaway began
        return;
      }
      SimEvent e = queue.poll();
      now = e.time;
      currentEvent = events++;
      e.fire(this);
      while (clusterChanged) {
        trackLeader(); // a listener may change the cluster again (crash the new leader)
      }
      if (invariants.violationCount() != violationsTraced) {
        traceViolations();
      }
      if (afterEachEvent != null) {
        afterEachEvent.accept(this);
      }
    }
    now = Math.max(now, endMs);
  }

  /**
   * Schedules {@code action} at simulated time {@code time}, after everything already scheduled for
   * then. The handle lets the caller {@link #cancel} it.
   */
  public Scheduled at(long time, Consumer<Simulation> action) {
    if (time < now) {
      throw new IllegalArgumentException("cannot schedule at " + time + " ms: the clock reads " + now);
    }
    ActionEvent e = new ActionEvent(action);
    queue.add(e, time);
    return e;
  }

  /** Cancels a scheduled action that has not fired yet; cancelling a fired one does nothing. */
  public void cancel(Scheduled s) {
    if (s != null) {
      queue.remove((ActionEvent) s);
    }
  }

  public void onClientReply(ClientReplyListener listener) {
    this.clientReplies = listener;
  }

  // -------------------------------------------------------------------------------------- faults

  /** Crashes {@code node}: it loses its volatile state, its pending disk writes and its held messages. */
  public void crash(int node) {
    crash(node, false);
  }

  /**
   * Crashes {@code node}; with {@code tornWrite}, the oldest write not yet durable is left half-written
   * on its disk, for the restart to detect and cut off.
   */
  public void crash(int node, boolean tornWrite) {
    SimNode n = nodes[node];
    if (n.crashed()) {
      return;
    }
    boolean tearable = tornWrite && n.disk.hasPending();
    n.crash(tornWrite);
    if (trace.enabled()) {
      trace.begin(currentEvent, now, "crash").field("node", node).field("durableIndex", n.disk.lastIndex())
          .field("tornWrite", tearable).end();
    }
    clusterChanged();
  }

  /** Restarts a crashed {@code node} from its durable state. */
  public void restart(int node) {
    SimNode n = nodes[node];
    if (!n.crashed()) {
      return;
    }
    int cutOff = n.disk.recover();
    if (trace.enabled()) {
      if (cutOff >= 0) {
        trace.begin(currentEvent, now, "torn-write").field("node", node).field("bytes", cutOff)
            .field("action", "cut off: length or checksum does not match").end();
      }
      // What the node recovered, in full, so that a reader of the trace knows its log without replaying its disk.
      PersistentState stored = n.disk.durable();
      Snapshot snapshot = stored.snapshot();
      trace.begin(currentEvent, now, "restart").field("node", node).field("term", n.disk.hardState().term())
          .field("votedFor", n.disk.hardState().votedFor()).field("lastIndex", n.disk.lastIndex())
          .field("snapshotIndex", snapshot == null ? 0 : snapshot.index())
          .field("snapshotTerm", snapshot == null ? 0 : snapshot.term())
          .rawField("terms", TermRun.json(TermRun.all(stored.entries()))).end();
    }
    n.start();
    clusterChanged();
  }

  /** Replaces the partition: messages between nodes pass only inside a group. */
  public void partition(List<List<Integer>> groups) {
    links.partition(groups);
    if (trace.enabled()) {
      StringBuilder g = new StringBuilder("[");
      for (int i = 0; i < groups.size(); i++) {
        g.append(i == 0 ? "" : ",").append(groups.get(i).toString().replace(" ", ""));
      }
      trace.begin(currentEvent, now, "partition").rawField("groups", g.append(']')).end();
    }
    clusterChanged();
  }

  /** Cuts every link to and from {@code node} until {@link #heal}. */
  public void isolate(int node) {
    links.isolate(node);
    if (trace.enabled()) {
      trace.begin(currentEvent, now, "isolate").field("node", node).end();
    }
    clusterChanged();
  }

  /** Drops messages from {@code from} to {@code to} (one way) until {@link #heal}. */
  public void cut(int from, int to) {
    links.cut(from, to);
    if (trace.enabled()) {
      trace.begin(currentEvent, now, "cut").field("from", from).field("to", to).end();
    }
    clusterChanged();
  }

  /** Clears the partition, every isolation and every cut. */
  public void heal() {
    links.heal();
    if (trace.enabled()) {
      trace.begin(currentEvent, now, "heal").end();
    }
    clusterChanged();
  }

  /**
   * Pauses {@code node} for {@code forMs}: it processes nothing meanwhile (like a long garbage-collection
   * pause) and then resumes with its state intact; messages, timers and disk completions wait for it.
   */
  public void pause(int node, long forMs) {
    SimNode n = nodes[node];
    if (n.crashed()) {
      return;
    }
    long until = now + forMs;
    n.pause(until);
    if (trace.enabled()) {
      trace.begin(currentEvent, now, "pause").field("node", node).field("until", n.pausedUntil()).end();
    }
    queue.add(new ActionEvent(s -> s.resumed(node)), n.pausedUntil());
    clusterChanged();
  }

  private void resumed(int node) {
    SimNode n = nodes[node];
    boolean resumes = !n.crashed() && !n.paused();
    if (trace.enabled()) {
      String state = n.crashed() ? "crashed meanwhile" : resumes ? "resumed" : "paused again meanwhile";
      trace.begin(currentEvent, now, "resume").field("node", node).field("state", state).end();
    }
    if (resumes) {
      clusterChanged();
    }
  }

  /** An event for a paused node waits until the node resumes. */
  void defer(SimEvent e, long until, int node, String what) {
    queue.add(e, until);
    traceDeferred(node, what);
  }

  private void traceDeferred(int node, String what) {
    if (trace.enabled()) {
      trace.begin(currentEvent, now, "deferred").field("node", node).field("what", what)
          .field("until", nodes[node].pausedUntil()).end();
    }
  }

  /** From now on {@code node}'s local clock runs fast (positive ppm) or slow (negative) against simulated time. */
  public void clockDrift(int node, long ppm) {
    nodes[node].setDrift(ppm);
    if (trace.enabled()) {
      trace.begin(currentEvent, now, "clock-drift").field("node", node).field("ppm", ppm).end();
    }
  }

  /**
   * Asks {@code node}, which must be live, to hand over leadership to {@code to} (diss. §3.10), as an
   * operator would; returns why it refused, or null when the transfer started. Traced either way.
   */
  public raftsim.core.AdminRefusal transferLeadership(int node, int to) {
    raftsim.core.AdminRefusal refusal = nodes[node].admin((core, local) -> core.transferLeadership(to, local));
    if (trace.enabled()) {
      trace.begin(currentEvent, now, "transfer-request").field("node", node).field("to", to)
          .field("result", refusal == null ? "started" : refusal.name()).end();
    }
    return refusal;
  }

  /**
   * Asks {@code leader} to add {@code server} to the configuration (diss. §4.1), as an operator would;
   * returns why it refused, or null when the change was appended. Traced either way.
   */
  public raftsim.core.AdminRefusal addServer(int leader, int server) {
    raftsim.core.AdminRefusal refusal = nodes[leader].admin((core, local) -> core.addServer(server, "", local));
    traceMembership(leader, "add", server, refusal);
    return refusal;
  }

  /** Asks {@code leader} to remove {@code server}, possibly itself (diss. §4.1, §4.2.2); as {@link #addServer}. */
  public raftsim.core.AdminRefusal removeServer(int leader, int server) {
    raftsim.core.AdminRefusal refusal = nodes[leader].admin((core, local) -> core.removeServer(server, local));
    traceMembership(leader, "remove", server, refusal);
    return refusal;
  }

  private void traceMembership(int leader, String op, int server, raftsim.core.AdminRefusal refusal) {
    if (trace.enabled()) {
      trace.begin(currentEvent, now, "membership-request").field("node", leader).field("op", op)
          .field("server", server).field("result", refusal == null ? "appended" : refusal.name()).end();
    }
  }

  /** The network's current delays and rates. */
  public NetworkParams network() {
    return network;
  }

  /** Changes the network's delays and rates from now on. */
  public void setNetwork(NetworkParams params) {
    network = params;
    if (trace.enabled()) {
      trace.begin(currentEvent, now, "network").field("delayMin", params.delayMinMs())
          .field("delayMax", params.delayMaxMs()).field("dropPpm", ppm(params.dropRate()))
          .field("duplicatePpm", ppm(params.duplicateRate())).end();
    }
  }

  /** Rates appear in the trace in parts per million: integers, because the trace holds no floating point. */
  private static long ppm(double rate) {
    return Math.round(rate * 1_000_000);
  }

  // ------------------------------------------------------------------------------------ messages

  /** Sends a node-to-node message now: it may be stopped by the links, lost, delayed or duplicated. */
  void send(Message m) {
    if (trace.enabled()) {
      CoreEventLines.messageFields(trace.begin(currentEvent, now, "send"), m).end();
    }
    String blocked = links.blocked(m.from(), m.to());
    if (blocked != null) {
      traceDrop(m, blocked);
      return;
    }
    SplittableRandom r = linkRandom.between(m.from(), m.to());
    int copies = LinkStreams.copies(r, network);
    if (copies == 0) {
      traceDrop(m, "loss");
      return;
    }
    for (int i = 0; i < copies; i++) {
      queue.add(new Delivery(m), now + LinkStreams.delay(r, network));
    }
    if (copies == 2 && trace.enabled()) {
      CoreEventLines.messageFields(trace.begin(currentEvent, now, "duplicate"), m).end();
    }
  }

  void deliver(Message m, Delivery event) {
    SimNode target = nodes[m.to()];
    if (target.crashed()) {
      traceDrop(m, "crashed");
      return;
    }
    if (target.paused()) {
      defer(event, target.pausedUntil(), m.to(), m.type());
      return;
    }
    String blocked = links.blocked(m.from(), m.to());
    if (blocked != null) {
      traceDrop(m, blocked);
      return;
    }
    if (trace.enabled()) {
      CoreEventLines.messageFields(trace.begin(currentEvent, now, "deliver"), m).end();
    }
    target.deliver(m);
  }

  private void traceDrop(Message m, String reason) {
    if (trace.enabled()) {
      CoreEventLines.messageFields(trace.begin(currentEvent, now, "drop"), m).field("reason", reason).end();
    }
  }

  /** Hands {@code request} straight to {@code node}, as a client library inside the node would; lost if it is down. */
  public void propose(int node, ClientRequest request) {
    if (!nodes[node].crashed()) {
      nodes[node].clientRequest(request);
    }
  }

  /**
   * A client sends {@code request} to {@code node} over the network: delayed, perhaps lost or
   * duplicated, but untouched by partitions, isolation and cuts (clients stand outside them).
   * Returns how many copies are on their way (0 when the request is lost at once, 2 when it is
   * duplicated): each of them later runs {@code onArrival} when it reaches a live node, just before the
   * node gets it, or {@code onLost} when it reaches a crashed one. A copy that reaches a paused node
   * waits there and runs neither until the node resumes.
   */
  public int clientSend(int node, ClientRequest request, Runnable onArrival, Runnable onLost) {
    if (trace.enabled()) {
      trace.begin(currentEvent, now, "client-send").field("client", request.clientId()).field("clientSeq", request.seq())
          .field("to", node).field("command", request.command()).end();
    }
    SplittableRandom r = linkRandom.client(request.clientId());
    int copies = LinkStreams.copies(r, network);
    if (copies == 0) {
      traceClientDrop(node, request.clientId(), request.seq(), "loss");
      return 0;
    }
    for (int i = 0; i < copies; i++) {
      queue.add(new ActionEvent(s -> s.clientArrival(node, request, onArrival, onLost)),
          now + LinkStreams.delay(r, network));
    }
    return copies;
  }

  private void clientArrival(int node, ClientRequest request, Runnable onArrival, Runnable onLost) {
    if (nodes[node].crashed()) {
      traceClientDrop(node, request.clientId(), request.seq(), "crashed");
      onLost.run();
      return;
    }
    if (nodes[node].paused()) {
      queue.add(new ActionEvent(s -> s.clientArrival(node, request, onArrival, onLost)), nodes[node].pausedUntil());
      traceDeferred(node, "client request");
      return;
    }
    if (trace.enabled()) {
      trace.begin(currentEvent, now, "client-request").field("node", node).field("client", request.clientId())
          .field("clientSeq", request.seq()).end();
    }
    onArrival.run();
    nodes[node].clientRequest(request);
  }

  /** A node answers a client: the answer travels back over the network like a request. */
  void clientReply(int node, ClientReply reply) {
    if (trace.enabled()) {
      trace.begin(currentEvent, now, "client-reply").field("node", node).field("client", reply.clientId())
          .field("clientSeq", reply.seq()).field("reply", ClientReplies.describe(reply)).end();
    }
    SplittableRandom r = linkRandom.client(reply.clientId());
    int copies = LinkStreams.copies(r, network);
    if (copies == 0) {
      traceClientDrop(node, reply.clientId(), reply.seq(), "loss");
      return;
    }
    for (int i = 0; i < copies; i++) {
      queue.add(new ActionEvent(s -> s.clientReplies.onReply(node, reply)), now + LinkStreams.delay(r, network));
    }
  }

  private void traceClientDrop(int node, long client, long seq, String reason) {
    if (trace.enabled()) {
      trace.begin(currentEvent, now, "client-drop").field("node", node).field("client", client).field("clientSeq", seq)
          .field("reason", reason).end();
    }
  }

  // ------------------------------------------------------------------------------ who leads now

  void clusterChanged() {
    clusterChanged = true;
  }

  /**
   * CONTRACT §4, "Leader at a moment": a live node in the leader role such that a majority of the
   * cluster (itself included) are live nodes with open links both ways to it and a term not above its.
   * With membership changes "the cluster" is the configuration the leader itself is using (diss. §4.1):
   * the voters of the latest configuration in its log. Without them it is every node, as before.
   */
  private int computeLeader() {
    for (int l = 1; l <= options.nodes(); l++) {
      RaftCore c = nodes[l].core();
      if (!nodes[l].live() || c.role() != Role.LEADER) {
        continue;
      }
      List<Integer> voters = c.configuration().voters();
      int followers = 0;
      for (int x : voters) {
        RaftCore cx = x <= options.nodes() ? nodes[x].core() : null;
        if (cx != null && nodes[x].live() && cx.currentTerm() <= c.currentTerm()
            && (x == l || (links.open(l, x) && links.open(x, l)))) {
          followers++;
        }
      }
      if (followers >= voters.size() / 2 + 1) {
        return l;
      }
    }
    return 0;
  }

  /** Leader changes: each change to a new non-null (leader, term) pair after the first (CONTRACT §4). */
  private void trackLeader() {
    clusterChanged = false;
    leader = computeLeader();
    leaderTerm = leader == 0 ? 0 : nodes[leader].core().currentTerm();
    if (leader != 0 && (leader != lastLeader || leaderTerm != lastLeaderTerm)) {
      if (lastLeader != 0) {
        leaderChanges++;
      }
      lastLeader = leader;
      lastLeaderTerm = leaderTerm;
      if (trace.enabled()) {
        trace.begin(currentEvent, now, "leader").field("node", leader).field("term", leaderTerm)
            .field("changes", leaderChanges).end();
      }
      newLeaderListener.accept(leader);
    }
  }

  /** Called after each event, once its trace lines are written: lets a test compare what it sees with the trace. */
  public void afterEachEvent(Consumer<Simulation> listener) {
    this.afterEachEvent = listener;
  }

  /** Called, within the event that caused it, each time a new (leader, term) takes office. */
  public void onNewLeader(java.util.function.IntConsumer listener) {
    this.newLeaderListener = listener;
  }

  private void traceViolations() {
    List<Violation> kept = invariants.violations();
    if (trace.enabled()) {
      for (long i = violationsTraced; i < kept.size(); i++) {
        Violation v = kept.get((int) i);
        trace.begin(currentEvent, now, "violation").field("invariant", v.invariant())
            .rawField("nodes", v.nodes().toString().replace(" ", "")).field("index", v.index())
            .field("term", v.term()).field("detail", v.detail()).end();
      }
    }
    violationsTraced = invariants.violationCount();
  }

  // -------------------------------------------------------------------------------------- views

  public SimOptions options() {
    return options;
  }

  public long now() {
    return now;
  }

  /** True when the run stopped early at its event limit: a runaway (a storm of messages, say). */
  public boolean runaway() {
    return runaway;
  }

  /** Events taken from the queue so far. */
  public long events() {
    return events;
  }

  /** The index of the event being processed, which every trace line it causes carries as {@code ev}. */
  public long currentEvent() {
    return currentEvent;
  }

  public TraceWriter trace() {
    return trace;
  }

  /** The leader at this moment (CONTRACT §4), or 0 when there is none. */
  public int leader() {
    while (clusterChanged) {
      trackLeader(); // a fault applied from outside an event (a test, a harness) changed the cluster
    }
    return leader;
  }

  public long leaderChanges() {
    return leaderChanges;
  }

  /** Node {@code id}'s core, or null while it is crashed. */
  public RaftCore core(int id) {
    return nodes[id].core();
  }

  public boolean crashed(int id) {
    return nodes[id].crashed();
  }

  /** Neither crashed nor paused. */
  public boolean live(int id) {
    return nodes[id].live();
  }

  public boolean isolated(int id) {
    return links.isolated(id);
  }

  public int nodeCount() {
    return options.nodes();
  }

  public List<Integer> memberIds() {
    return memberIds;
  }

  /** Node {@code id}'s state machine, or null while it is crashed. */
  public StateMachine stateMachine(int id) {
    return nodes[id].stateMachine();
  }

  /** What node {@code id} did, over all its incarnations. */
  public CoreStats stats(int id) {
    return nodes[id].stats();
  }

  /** What every node did, summed over all nodes and their incarnations. */
  public CoreStats stats() {
    CoreStats sum = CoreStats.ZERO;
    for (int id = 1; id <= options.nodes(); id++) {
      sum = sum.plus(nodes[id].stats());
    }
    return sum;
  }

  /** The most entries any node's log held after its compacted prefix, at any time. */
  public long maxLogEntries() {
    long max = 0;
    for (int id = 1; id <= options.nodes(); id++) {
      max = Math.max(max, nodes[id].maxLogEntries());
    }
    return max;
  }

  public List<Violation> violations() {
    return invariants.violations();
  }

  public long violationCount() {
    return invariants.violationCount();
  }

  SafetyInvariants invariants() {
    return invariants;
  }

  EventQueue queue() {
    return queue;
  }

  SimNode node(int id) {
    return nodes[id];
  }
}
