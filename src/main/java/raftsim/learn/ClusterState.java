package raftsim.learn;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;
import raftsim.trace.Explanations;

/**
 * The whole cluster at a moment of the trace: every node's state, the node-to-node messages in flight
 * (by the line that sent them, with how many copies travel), and the state of the links.
 */
public final class ClusterState implements Explanations.Context {
  private final NodeState[] nodes;
  /** Send line → copies of that message still travelling. */
  private final TreeMap<Long, Integer> inFlight;
  private String links;

  /** A cluster of {@code n} nodes as it boots: followers of term 0 with empty logs. */
  public ClusterState(int n) {
    nodes = new NodeState[n + 1];
    for (int i = 1; i <= n; i++) {
      nodes[i] = new NodeState(i, n);
    }
    inFlight = new TreeMap<>();
    links = "";
  }

  private ClusterState(ClusterState o) {
    nodes = new NodeState[o.nodes.length];
    for (int i = 1; i < nodes.length; i++) {
      nodes[i] = o.nodes[i].copy();
    }
    inFlight = new TreeMap<>(o.inFlight);
    links = o.links;
  }

  public ClusterState copy() {
    return new ClusterState(this);
  }

  public int size() {
    return nodes.length - 1;
  }

  public NodeState node(int id) {
    return nodes[id];
  }

  /** True for an id of this cluster. */
  public boolean isNode(long id) {
    return id >= 1 && id < nodes.length;
  }

  @Override
  public boolean leads(int node) {
    return isNode(node) && nodes[node].role == NodeRole.LEADER;
  }

  /**
   * True when membership matters in this trace: some node's configuration is not "every node votes"
   * (spares, learners, removed servers). Views show configurations only then.
   */
  public boolean membershipVaries() {
    int all = NodeState.allNodes(size());
    for (int i = 1; i < nodes.length; i++) {
      if (nodes[i].voters != all || nodes[i].learners != 0) {
        return true;
      }
    }
    return false;
  }

  /** Messages in flight: the seq of the line that sent each, and how many copies of it travel. */
  public NavigableMap<Long, Integer> inFlight() {
    return Collections.unmodifiableNavigableMap(inFlight);
  }

  public String links() {
    return links;
  }

  /** Applies one change. Ops naming a node outside the cluster change nothing. */
  public void apply(StateOp op) {
    if (op instanceof StateOp.FlightAdd f) {
      inFlight.merge(f.sendSeq(), 1, Integer::sum);
    } else if (op instanceof StateOp.FlightDel f) {
      inFlight.computeIfPresent(f.sendSeq(), (k, v) -> v > 1 ? v - 1 : null);
    } else if (op instanceof StateOp.Links l) {
      links = l.description();
    } else if (op instanceof StateOp.Progress p) {
      if (isNode(p.leader()) && isNode(p.follower())) {
        NodeState n = nodes[p.leader()];
        n.nextIndex[p.follower()] = p.nextIndex();
        n.matchIndex[p.follower()] = p.matchIndex();
        n.mode[p.follower()] = p.mode();
      }
    } else {
      int id = nodeOf(op);
      if (isNode(id)) {
        applyToNode(nodes[id], op);
      }
    }
  }

  private static int nodeOf(StateOp op) {
    if (op instanceof StateOp.Role r) {
      return r.node();
    } else if (op instanceof StateOp.Term t) {
      return t.node();
    } else if (op instanceof StateOp.Vote v) {
      return v.node();
    } else if (op instanceof StateOp.Commit c) {
      return c.node();
    } else if (op instanceof StateOp.Applied a) {
      return a.node();
    } else if (op instanceof StateOp.LogAppend a) {
      return a.node();
    } else if (op instanceof StateOp.LogCompact c) {
      return c.node();
    } else if (op instanceof StateOp.LogReset r) {
      return r.node();
    } else if (op instanceof StateOp.LogTruncate t) {
      return t.node();
    } else if (op instanceof StateOp.Paused p) {
      return p.node();
    } else if (op instanceof StateOp.Config c) {
      return c.node();
    } else if (op instanceof StateOp.Transfer t) {
      return t.node();
    }
    throw new IllegalArgumentException("not a node's op: " + op);
  }

  private static void applyToNode(NodeState n, StateOp op) {
    if (op instanceof StateOp.Role r) {
      n.role = r.role();
      if (r.role() == NodeRole.CRASHED) {
        n.commitIndex = 0; // volatile state is gone; a restart says what comes back
        n.lastApplied = 0;
      }
    } else if (op instanceof StateOp.Term t) {
      n.currentTerm = t.term();
    } else if (op instanceof StateOp.Vote v) {
      n.votedFor = v.votedFor();
    } else if (op instanceof StateOp.Commit c) {
      n.commitIndex = c.commitIndex();
    } else if (op instanceof StateOp.Applied a) {
      n.lastApplied = a.lastApplied();
    } else if (op instanceof StateOp.LogAppend a) {
      n.log.append(a.from(), a.to(), a.term());
    } else if (op instanceof StateOp.LogCompact c) {
      n.log.compact(c.index(), c.term());
    } else if (op instanceof StateOp.LogReset r) {
      n.log.reset(r.index(), r.term());
    } else if (op instanceof StateOp.LogTruncate t) {
      n.log.truncateFrom(t.from());
    } else if (op instanceof StateOp.Paused p) {
      n.pausedUntil = p.until();
    } else if (op instanceof StateOp.Config c) {
      n.voters = c.voters();
      n.learners = c.learners();
    } else if (op instanceof StateOp.Transfer t) {
      n.transferTo = t.target();
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ClusterState c) || c.nodes.length != nodes.length || !c.inFlight.equals(inFlight)
        || !c.links.equals(links)) {
      return false;
    }
    for (int i = 1; i < nodes.length; i++) {
      if (!nodes[i].equals(c.nodes[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return nodes.length * 31 + inFlight.size();
  }
}
