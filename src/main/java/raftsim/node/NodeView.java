package raftsim.node;

import raftsim.core.RaftCore;
import raftsim.core.Role;

/**
 * A node's state as its loop last saw it, for HTTP handlers on other threads: an immutable copy,
 * published after every batch.
 */
public record NodeView(
    int id,
    Role role,
    long term,
    int leader,
    long commitIndex,
    long lastApplied,
    long logFirstIndex,
    long logLastIndex,
    long snapshotIndex,
    long durableIndex,
    long fsyncs,
    java.util.List<Integer> voters,
    java.util.List<Integer> learners) {

  static NodeView of(RaftCore c, long fsyncs) {
    long snapshot = c.latestSnapshot() == null ? 0 : c.latestSnapshot().index();
    return new NodeView(c.id(), c.role(), c.currentTerm(), c.leaderId(), c.commitIndex(), c.lastApplied(),
        c.log().snapshotIndex() + 1, c.log().lastIndex(), snapshot, c.durableIndex(), fsyncs,
        c.configuration().voters(), c.configuration().learners());
  }
}
