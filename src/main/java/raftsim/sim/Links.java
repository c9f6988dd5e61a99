package raftsim.sim;

import java.util.Arrays;
import java.util.List;

/**
 * Which node-to-node links are open (CONTRACT §4, "Links"). Three layers: the current partition
 * (groups; a node in no group is cut off), isolated nodes, and one-way cuts. {@link #heal} clears all.
 * Client links are not affected.
 */
final class Links {
  /** Why a link is closed, as the trace names it. */
  static final String PARTITION = "partition";
  static final String ISOLATED = "isolated";
  static final String CUT = "cut";

  private final int nodes;
  /** Group number per node id (1-based); 0 = in no group; null = no partition. */
  private int[] groupOf;
  private final boolean[] isolated;
  private final boolean[][] cut;

  Links(int nodes) {
    this.nodes = nodes;
    this.isolated = new boolean[nodes + 1];
    this.cut = new boolean[nodes + 1][nodes + 1];
  }

  /** Null when a message from {@code from} to {@code to} passes, else the layer that stops it. */
  String blocked(int from, int to) {
    if (groupOf != null && (groupOf[from] == 0 || groupOf[from] != groupOf[to])) {
      return PARTITION;
    }
    if (isolated[from] || isolated[to]) {
      return ISOLATED;
    }
    return cut[from][to] ? CUT : null;
  }

  boolean open(int from, int to) {
    return blocked(from, to) == null;
  }

  /** Replaces the partition: messages pass only inside a group. */
  void partition(List<List<Integer>> groups) {
    groupOf = new int[nodes + 1];
    int g = 1;
    for (List<Integer> group : groups) {
      for (int n : group) {
        groupOf[n] = g;
      }
      g++;
    }
  }

  void isolate(int node) {
    isolated[node] = true;
  }

  boolean isolated(int node) {
    return isolated[node];
  }

  void cut(int from, int to) {
    cut[from][to] = true;
  }

  void heal() {
    groupOf = null;
    Arrays.fill(isolated, false);
    for (boolean[] row : cut) {
      Arrays.fill(row, false);
    }
  }
}
