package raftsim.scenario;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** The shape checks the {@link ScenarioEvent} records share. */
final class EventShape {

  private EventShape() {}

  static void check(long atMs, SourcePosition at) {
    Objects.requireNonNull(at, "at");
    if (atMs < 0) {
      throw new IllegalArgumentException("atMs must not be negative, got " + atMs);
    }
  }

  /** For events that act on one live node: an id, the leader or a random node, but not "crashed". */
  static void rejectCrashed(NodeRef node, String kind) {
    Objects.requireNonNull(node, "node");
    if (node instanceof NodeRef.Crashed) {
      throw new IllegalArgumentException(kind + " takes a node id, leader or random, not " + node);
    }
  }

  /** For isolate and pause: an id, the leader or a random node. */
  static void requireLive(NodeRef node, String kind) {
    rejectCrashed(node, kind);
    if (node instanceof NodeRef.NextLeader) {
      throw new IllegalArgumentException(kind + " takes a node id, leader or random, not " + node);
    }
  }

  /** For restart, which acts on a node that is down: an id, or every crashed node. */
  static void requireIdOrCrashed(NodeRef node, String kind) {
    Objects.requireNonNull(node, "node");
    if (!(node instanceof NodeRef.Id || node instanceof NodeRef.Crashed)) {
      throw new IllegalArgumentException(kind + " takes a node id or crashed, not " + node);
    }
  }

  /** A partition's groups are non-empty and name each node at most once. */
  static void checkGroups(List<List<Integer>> groups) {
    TreeSet<Integer> seen = new TreeSet<>();
    for (List<Integer> group : groups) {
      if (group.isEmpty()) {
        throw new IllegalArgumentException("a partition group must not be empty: " + groups);
      }
      for (int id : group) {
        if (id < 1 || !seen.add(id)) {
          throw new IllegalArgumentException("a partition names each node at most once, by id: " + groups);
        }
      }
    }
  }
}
