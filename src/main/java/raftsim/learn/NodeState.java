package raftsim.learn;

import java.util.Arrays;

/**
 * One node's state at a moment of the trace, with Figure 2's names: what a person stepping through the
 * trace wants to see. A leader also has, per follower, nextIndex and matchIndex.
 */
public final class NodeState {
  final int id;
  NodeRole role = NodeRole.FOLLOWER;
  long currentTerm;
  int votedFor;
  long commitIndex;
  long lastApplied;
  /** Simulated time until which the node is paused; 0 when it runs. */
  long pausedUntil;
  /** The configuration in force on this node (diss. §4.1), as bit sets of node ids: bit i for node i. */
  int voters;
  int learners;
  /** The node office is being handed to while this node leads (diss. §3.10); 0 when none. */
  int transferTo;
  final TermRuns log;
  /** A leader's view of follower f at position f (0 and its own id unused); meaningless unless leading. */
  final long[] nextIndex;
  final long[] matchIndex;
  final ProgressMode[] mode;

  NodeState(int id, int nodes) {
    this.id = id;
    this.log = new TermRuns();
    this.nextIndex = new long[nodes + 1];
    this.matchIndex = new long[nodes + 1];
    this.mode = new ProgressMode[nodes + 1];
    Arrays.fill(mode, ProgressMode.PROBE);
    this.voters = allNodes(nodes);
  }

  /** Every node of a cluster of {@code nodes}, as a bit set: the configuration a cluster without spares starts with. */
  static int allNodes(int nodes) {
    return ((1 << (nodes + 1)) - 1) & ~1;
  }

  private NodeState(NodeState o) {
    id = o.id;
    role = o.role;
    currentTerm = o.currentTerm;
    votedFor = o.votedFor;
    commitIndex = o.commitIndex;
    lastApplied = o.lastApplied;
    pausedUntil = o.pausedUntil;
    voters = o.voters;
    learners = o.learners;
    transferTo = o.transferTo;
    log = o.log.copy();
    nextIndex = o.nextIndex.clone();
    matchIndex = o.matchIndex.clone();
    mode = o.mode.clone();
  }

  NodeState copy() {
    return new NodeState(this);
  }

  public int id() {
    return id;
  }

  public NodeRole role() {
    return role;
  }

  public long currentTerm() {
    return currentTerm;
  }

  /** 0 when the node has not voted in its current term. */
  public int votedFor() {
    return votedFor;
  }

  public long commitIndex() {
    return commitIndex;
  }

  public long lastApplied() {
    return lastApplied;
  }

  public long pausedUntil() {
    return pausedUntil;
  }

  /** The node's log: which term each entry has. Do not change it. */
  public TermRuns log() {
    return log;
  }

  public long nextIndex(int follower) {
    return nextIndex[follower];
  }

  public long matchIndex(int follower) {
    return matchIndex[follower];
  }

  public ProgressMode mode(int follower) {
    return mode[follower];
  }

  /** The voters of the configuration in force on this node, as a bit set (bit i for node i). */
  public int voters() {
    return voters;
  }

  /** The learners of the configuration in force on this node, as a bit set. */
  public int learners() {
    return learners;
  }

  public boolean isVoter(int node) {
    return (voters >>> node & 1) != 0;
  }

  public boolean isLearner(int node) {
    return (learners >>> node & 1) != 0;
  }

  /** The node a leader is handing office to (diss. §3.10); 0 when none. */
  public int transferTo() {
    return transferTo;
  }

  /** Whether this leader replicates to {@code follower}: it tracks its progress (a member of its configurations). */
  public boolean tracks(int follower) {
    return nextIndex[follower] != 0;
  }

  /** The ids in a bit set, ascending, as "1, 2, 3" ("none" when empty). */
  public static String ids(int set) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < 32; i++) {
      if ((set >>> i & 1) != 0) {
        b.append(b.length() == 0 ? "" : ", ").append(i);
      }
    }
    return b.length() == 0 ? "none" : b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeState n && n.id == id && n.role == role && n.currentTerm == currentTerm
        && n.votedFor == votedFor && n.commitIndex == commitIndex && n.lastApplied == lastApplied
        && n.pausedUntil == pausedUntil && n.voters == voters && n.learners == learners
        && n.transferTo == transferTo && n.log.equals(log) && Arrays.equals(n.nextIndex, nextIndex)
        && Arrays.equals(n.matchIndex, matchIndex) && Arrays.equals(n.mode, mode);
  }

  @Override
  public int hashCode() {
    return id * 31 + Long.hashCode(currentTerm);
  }

  @Override
  public String toString() {
    return id + " " + role.wireName() + " term " + currentTerm + " voted " + votedFor + " commit " + commitIndex
        + " applied " + lastApplied + " log " + log;
  }
}
