package raftsim.sim;

import java.util.SplittableRandom;
import raftsim.core.ClientReply;
import raftsim.core.ClientRequest;

/**
 * Closed-loop simulated clients (CONTRACT §4, "Clients"). Each waits opIntervalMs, invokes one
 * operation on a random key, sends it to the node it believes leads, follows "not leader" hints,
 * resends the same (clientId, sequence) to the next node after retryMs without an answer, and gives
 * the operation up as indeterminate after timeoutMs. Every invocation and completion is recorded.
 *
 * <p>Outcomes: <em>ok</em> when a node answered with the result; <em>failed</em> only when the
 * operation certainly was not and never will be applied — no node ever appended it and no copy of it
 * is still in the network (the simulator knows both); otherwise <em>indeterminate</em>.
 */
public final class SimClients {
  private final Simulation sim;
  private final ClientLoad load;
  private final ClientHistory history;
  private final Client[] clients;
  private boolean active = true;
  private long nextOpId = 1;
  private long invoked;
  private long ok;
  private long failed;
  private long indeterminate;
  /** The latest invocation time of any operation that completed ok; -1 before the first. */
  private long latestOkInvocation = -1;

  /** One operation in progress. */
  private static final class Operation {
    final long opId;
    final int key;
    final ClientRequest request;
    final long invokedAt;
    /** Copies of this request still travelling to a node. */
    int inFlight;
    /** Some copy reached a node in the leader role, which appended it. */
    boolean appended;

    Operation(long opId, int key, ClientRequest request, long invokedAt) {
      this.opId = opId;
      this.key = key;
      this.request = request;
      this.invokedAt = invokedAt;
    }
  }

  /** One client's loop. */
  private final class Client {
    final int id;
    final SplittableRandom random;
    int believedLeader;
    /** The node the current request was last sent to. */
    int lastSentTo;
    long seq;
    Operation current;
    Scheduled retry;
    Scheduled timeout;
    /** The next operation was due while the load was paused. */
    boolean waitingForResume;
    /** The last value this client knows each key to hold, for CAS's expected value. */
    final String[] lastSeen;

    Client(int id) {
      this.id = id;
      this.random = Seeds.stream(sim.options().seed(), "client-" + id);
      this.believedLeader = 1 + random.nextInt(sim.nodeCount());
      this.lastSeen = new String[load.keys()];
    }
  }

  private SimClients(Simulation sim, ClientLoad load, ClientHistory history) {
    this.sim = sim;
    this.load = load;
    this.history = history;
    this.clients = new Client[load.count() + 1];
  }

  /** Starts {@code load.count()} clients whose first operations come opIntervalMs after {@code startMs}. */
  public static SimClients start(Simulation sim, ClientLoad load, ClientHistory history, long startMs) {
    SimClients c = new SimClients(sim, load, history);
    for (int id = 1; id <= load.count(); id++) {
      Client client = c.new Client(id);
      c.clients[id] = client;
      sim.at(startMs + load.opIntervalMs(), s -> c.invokeNext(client));
    }
    sim.onClientReply(c::onReply);
    return c;
  }

  /** Pauses or resumes the load: no new operation starts while paused; those under way go on. */
  public void setActive(boolean active) {
    this.active = active;
    if (active) {
      for (int id = 1; id < clients.length; id++) {
        Client c = clients[id];
        if (c.waitingForResume) {
          c.waitingForResume = false;
          Client client = c;
          sim.at(sim.now(), s -> invokeNext(client));
        }
      }
    }
  }

  private void invokeNext(Client c) {
    if (!active) {
      c.waitingForResume = true;
      if (sim.trace().enabled()) {
        sim.trace().begin(sim.currentEvent(), sim.now(), "client-wait").field("client", c.id)
            .field("reason", "client load paused").end();
      }
      return;
    }
    c.seq++;
    int key = c.random.nextInt(load.keys());
    String command = nextCommand(c, key);
    Operation op = new Operation(nextOpId++, key, new ClientRequest(c.id, c.seq, command), sim.now());
    c.current = op;
    invoked++;
    history.invoke(op.opId, c.id, sim.now(), command);
    if (sim.trace().enabled()) {
      sim.trace().begin(sim.currentEvent(), sim.now(), "client-invoke").field("client", c.id).field("op", op.opId)
          .field("clientSeq", c.seq).field("command", command).end();
    }
    send(c, op, c.believedLeader);
    c.timeout = sim.at(sim.now() + load.timeoutMs(), s -> timedOut(c, op));
  }

  /** Draws the next operation from the mix; written values are unique in the run ("client.seq;"). */
  private String nextCommand(Client c, int key) {
    ClientLoad.OperationMix mix = load.mix();
    String k = "k" + key;
    String value = c.id + "." + c.seq + ";";
    double x = c.random.nextDouble() * mix.total();
    if ((x -= mix.put()) < 0) {
      c.lastSeen[key] = value;
      return "SET " + k + " " + value;
    }
    if ((x -= mix.get()) < 0) {
      return "GET " + k;
    }
    if ((x -= mix.append()) < 0) {
      c.lastSeen[key] = null;
      return "APPEND " + k + " " + value;
    }
    if (x - mix.delete() < 0) {
      c.lastSeen[key] = null;
      return "DELETE " + k;
    }
    String expected = c.lastSeen[key] == null ? "none" : c.lastSeen[key];
    c.lastSeen[key] = null;
    return "CAS " + k + " " + expected + " " + value;
  }

  private void send(Client c, Operation op, int node) {
    c.believedLeader = node;
    c.lastSentTo = node;
    // Every copy counts: a duplicate may still be on its way, or waiting at a paused node, when another
    // copy has arrived, and the operation is "failed" only while none is left anywhere.
    op.inFlight += sim.clientSend(node, op.request, () -> arrived(op, node), () -> op.inFlight--);
    sim.cancel(c.retry);
    c.retry = sim.at(sim.now() + load.retryMs(), s -> retry(c, op));
  }

  private void arrived(Operation op, int node) {
    op.inFlight--;
    if (sim.core(node).role() == raftsim.core.Role.LEADER) {
      op.appended = true;
    }
  }

  /** No answer for retryMs: resend the same (clientId, sequence) to the next node. */
  private void retry(Client c, Operation op) {
    c.retry = null;
    if (c.current == op) {
      // The next node after the one last tried — unless an answer already moved the client on to another
      // (a "not leader" without a hint), which is then tried, so that no node is skipped.
      int next = c.believedLeader == c.lastSentTo ? c.lastSentTo % sim.nodeCount() + 1 : c.believedLeader;
      send(c, op, next);
    }
  }

  private void onReply(int node, ClientReply reply) {
    int id = (int) reply.clientId();
    Client c = id >= 1 && id < clients.length ? clients[id] : null;
    Operation op = c == null ? null : c.current;
    boolean current = op != null && reply.seq() == op.request.seq();
    if (sim.trace().enabled()) {
      sim.trace().begin(sim.currentEvent(), sim.now(), "client-receive").field("client", reply.clientId())
          .field("from", node).field("clientSeq", reply.seq()).field("reply", ClientReplies.describe(reply))
          .field("current", current).end();
    }
    if (!current) {
      return; // an answer to an operation already completed (a duplicate, or a late retry's)
    }
    if (reply instanceof ClientReply.Applied applied) {
      complete(c, op);
      ok++;
      latestOkInvocation = Math.max(latestOkInvocation, op.invokedAt);
      if (applied.result().startsWith("VALUE ")) {
        c.lastSeen[op.key] = applied.result().substring("VALUE ".length()); // for this client's next CAS
      }
      history.ok(op.opId, c.id, sim.now(), applied.result());
      traceCompletion(c, op, "ok", applied.result());
      return;
    }
    if (node != c.lastSentTo) {
      // A refusal from a node the client has moved on from: a duplicate, or the answer to an earlier try.
      // Acting on it again would multiply the client's requests with every duplicate, and two nodes that
      // point at each other (a leader handing office to a node that does not lead yet) would then drive
      // the client's requests up without end.
      return;
    }
    int hint = reply instanceof ClientReply.NotLeader n ? n.leaderHint()
        : ((ClientReply.OutcomeUnknown) reply).leaderHint();
    if (hint != 0 && hint != node) {
      send(c, op, hint); // follow the hint at once
    } else if (node == c.believedLeader) {
      c.believedLeader = node % sim.nodeCount() + 1; // the retry timer will try the next node
    }
  }

  private void timedOut(Client c, Operation op) {
    c.timeout = null;
    if (c.current != op) {
      return;
    }
    complete(c, op);
    if (!op.appended && op.inFlight == 0) {
      failed++;
      history.fail(op.opId, c.id, sim.now(), "never appended");
      traceCompletion(c, op, "fail", "never appended");
    } else {
      indeterminate++;
      history.info(op.opId, c.id, sim.now(), "timed out");
      traceCompletion(c, op, "info", "timed out");
    }
  }

  private void complete(Client c, Operation op) {
    c.current = null;
    sim.cancel(c.retry);
    sim.cancel(c.timeout);
    c.retry = null;
    c.timeout = null;
    sim.at(sim.now() + load.opIntervalMs(), s -> invokeNext(c));
  }

  private void traceCompletion(Client c, Operation op, String outcome, String result) {
    if (sim.trace().enabled()) {
      sim.trace().begin(sim.currentEvent(), sim.now(), "client-complete").field("client", c.id)
          .field("op", op.opId).field("clientSeq", op.request.seq()).field("outcome", outcome).field("result", result)
          .field("latency", sim.now() - op.invokedAt).end();
    }
  }

  /** The run is over: every operation still under way is indeterminate. */
  public void finish() {
    for (int id = 1; id < clients.length; id++) {
      Client c = clients[id];
      Operation op = c.current;
      if (op != null) {
        c.current = null;
        indeterminate++;
        history.info(op.opId, c.id, sim.now(), "pending at end");
        traceCompletion(c, op, "info", "pending at end");
      }
    }
  }

  /** True when an operation invoked at or after {@code sinceMs} has completed ok by now. */
  public boolean progressSince(long sinceMs) {
    return latestOkInvocation >= sinceMs;
  }

  public long invoked() {
    return invoked;
  }

  public long ok() {
    return ok;
  }

  public long failed() {
    return failed;
  }

  public long indeterminate() {
    return indeterminate;
  }
}
