package raftsim.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import raftsim.trace.TraceLine;

/**
 * Reads the cluster's state out of a trace, line by line: what each line changes, as {@link StateOp}s,
 * applied at once to the state it keeps. This is the one place that knows what a trace line means for the
 * state; everything else replays the ops.
 *
 * <p>The rules mirror the core's (Figure 2, and etcd-style flow control for nextIndex). A leader's
 * nextIndex moves when the trace shows it: on the send line of a streamed AppendEntries, on a success
 * reply, on a back-off line. The core moves it optimistically when it decides to send, and the simulator
 * sends a leader's AppendEntries at once, while the leader's own write is in flight (core.SendOrder), so
 * the send line comes with the same event.
 *
 * <p>Membership (diss. §4.1): each node's configuration is the latest in its log, so the fold keeps, per
 * node, the configurations its log holds by index, as the configuration lines announce them; deleting
 * entries deletes them too. A leader replicates to the members of its latest configuration and of the one
 * in force at its commitIndex (a removed server until its removal commits), and to no one else.
 */
public final class StateFold {
  private final ClusterState state;
  private final FlightMatcher flights = new FlightMatcher();
  /** Leader → follower → index of the snapshot the leader is sending it (§7). */
  private final long[][] sendingSnapshot;
  private String partition = "";
  private final TreeSet<Integer> isolated = new TreeSet<>();
  private final List<String> cuts = new ArrayList<>();
  /** Node → the configurations in its log, by index: {voters, learners} as bit sets (diss. §4.1). */
  private final List<TreeMap<Long, int[]>> configs = new ArrayList<>();

  public StateFold(int nodes) {
    this.state = new ClusterState(nodes);
    this.sendingSnapshot = new long[nodes + 1][nodes + 1];
    for (int i = 0; i <= nodes; i++) {
      TreeMap<Long, int[]> start = new TreeMap<>();
      start.put(0L, new int[] {NodeState.allNodes(nodes), 0});
      configs.add(start);
    }
  }

  /** The state after every line folded so far. Do not change it. */
  public ClusterState state() {
    return state;
  }

  /** Folds in the next line: returns what it changes, already applied to {@link #state()}. */
  public List<StateOp> apply(TraceLine line) {
    List<StateOp> ops = new ArrayList<>(2);
    changes(line, ops);
    for (StateOp op : ops) {
      state.apply(op);
    }
    return ops;
  }

  private void changes(TraceLine l, List<StateOp> ops) {
    int node = l.node("node");
    switch (l.kind()) {
      case "send" -> {
        flights.sent(l);
        ops.add(new StateOp.FlightAdd(l.seq()));
        streamed(l, ops);
      }
      case "duplicate" -> {
        long seq = flights.duplicated(l);
        if (seq >= 0) {
          ops.add(new StateOp.FlightAdd(seq));
        }
      }
      case "deliver", "drop" -> {
        long seq = flights.arrived(l);
        if (seq >= 0) {
          ops.add(new StateOp.FlightDel(seq));
        }
        if (l.kind().equals("deliver")) {
          replied(l, ops);
        }
      }
      case "term" -> {
        ops.add(new StateOp.Term(node, l.num("term")));
        ops.add(new StateOp.Vote(node, 0));
      }
      case "boot" -> booted(l, ops);
      case "role" -> role(l, node, ops);
      case "configuration" -> configured(l, node, ops);
      case "transfer" -> {
        if (state.isNode(node) && "started".equals(l.str("phase"))) {
          ops.add(new StateOp.Transfer(node, l.node("target")));
        } else if (state.isNode(node) && "aborted".equals(l.str("phase"))) {
          ops.add(new StateOp.Transfer(node, 0));
        }
      }
      case "election" -> {
        ops.add(new StateOp.Term(node, l.num("term")));
        ops.add(new StateOp.Vote(node, node));
      }
      case "vote" -> {
        if (l.bool("granted")) {
          ops.add(new StateOp.Vote(node, l.node("candidate")));
        }
      }
      case "append" -> appended(l, node, ops);
      case "commit" -> {
        ops.add(new StateOp.Commit(node, l.num("commitIndex")));
        replicas(node, l.num("commitIndex"), ops); // a removed member's removal may have committed
      }
      case "apply" -> ops.add(new StateOp.Applied(node, l.num("to")));
      case "backoff" -> {
        int f = l.node("follower");
        if (state.isNode(node) && state.isNode(f)) {
          ops.add(new StateOp.Progress(node, f, l.num("nextIndex"), state.node(node).matchIndex(f), ProgressMode.PROBE));
        }
      }
      case "snapshot-taken" -> {
        if (state.isNode(node)) {
          TermRuns log = state.node(node).log();
          long to = log.lastIndex() - l.num("entriesKept");
          if (to > log.base()) {
            ops.add(new StateOp.LogCompact(node, to, log.termAt(to)));
          }
        }
      }
      case "snapshot-chunk" -> {
        int f = l.node("follower");
        if (state.isNode(node) && state.isNode(f)) {
          sendingSnapshot[node][f] = l.num("index");
          NodeState n = state.node(node);
          ops.add(new StateOp.Progress(node, f, n.nextIndex(f), n.matchIndex(f), ProgressMode.SNAPSHOT));
        }
      }
      case "snapshot-installed" -> {
        long index = l.num("index");
        if (state.isNode(node) && !l.bool("keptSuffix")) {
          configs.get(node).tailMap(index, false).clear(); // the snapshot replaces the whole log
        }
        ops.add(l.bool("keptSuffix") ? new StateOp.LogCompact(node, index, l.num("term"))
            : new StateOp.LogReset(node, index, l.num("term")));
        if (state.isNode(node)) {
          ops.add(new StateOp.Commit(node, Math.max(state.node(node).commitIndex(), index)));
        }
        ops.add(new StateOp.Applied(node, index));
      }
      case "crash" -> {
        ops.add(new StateOp.Role(node, NodeRole.CRASHED));
        ops.add(new StateOp.Paused(node, 0));
        if (state.isNode(node) && state.node(node).transferTo() != 0) {
          ops.add(new StateOp.Transfer(node, 0));
        }
      }
      case "restart" -> restarted(l, node, ops);
      case "pause" -> ops.add(new StateOp.Paused(node, l.num("until")));
      case "resume" -> {
        if ("resumed".equals(l.str("state"))) {
          ops.add(new StateOp.Paused(node, 0));
        }
      }
      case "partition", "isolate", "cut", "heal" -> links(l, ops);
      default -> {
        // Nothing else changes what the stepper shows: timers, disks, clients, checks.
      }
    }
  }

  private void role(TraceLine l, int node, List<StateOp> ops) {
    NodeRole role = NodeRole.of(l.str("role"));
    if (role == null || !state.isNode(node)) {
      return;
    }
    ops.add(new StateOp.Role(node, role));
    ops.add(new StateOp.Term(node, l.num("term")));
    if (role != NodeRole.LEADER && state.node(node).transferTo() != 0) {
      ops.add(new StateOp.Transfer(node, 0)); // whatever transfer there was ends with the leadership (§3.10)
    }
    if (role == NodeRole.LEADER) {
      // A new leader takes every follower to need what comes after its log, before its no-op (Figure 2):
      // every member of its configurations, and nobody else (diss. §4.1).
      NodeState n = state.node(node);
      int replicas = replicaSet(node, n.commitIndex());
      long next = n.log().lastIndex() + 1;
      for (int f = 1; f <= state.size(); f++) {
        if (f != node && (replicas >>> f & 1) != 0) {
          ops.add(new StateOp.Progress(node, f, next, 0, ProgressMode.PROBE));
        } else if (f != node && (n.nextIndex(f) != 0 || n.matchIndex(f) != 0)) {
          ops.add(new StateOp.Progress(node, f, 0, 0, ProgressMode.PROBE));
        }
      }
    }
  }

  /** The boot line: nodes above {@code initialMembers} start as spares, outside the first configuration. */
  private void booted(TraceLine l, List<StateOp> ops) {
    long members = l.num("initialMembers", state.size());
    if (members >= state.size() || members < 1) {
      return;
    }
    int voters = NodeState.allNodes((int) members);
    for (int id = 1; id <= state.size(); id++) {
      configs.get(id).put(0L, new int[] {voters, 0});
      ops.add(new StateOp.Config(id, voters, 0));
    }
  }

  /**
   * The configuration in force on {@code node} changed (diss. §4.1): to the one at {@code index}, which an
   * append, a truncation or a snapshot brought. Any configuration of its log after that index is gone.
   */
  private void configured(TraceLine l, int node, List<StateOp> ops) {
    if (!state.isNode(node)) {
      return;
    }
    int[] c = {bits(l.get("voters")), bits(l.get("learners"))};
    TreeMap<Long, int[]> mine = configs.get(node);
    mine.tailMap(l.num("index"), true).clear();
    mine.put(l.num("index"), c);
    ops.add(new StateOp.Config(node, c[0], c[1]));
    replicas(node, state.node(node).commitIndex(), ops);
  }

  /** A JSON array of node ids, {@code [1,2,3]}, as a bit set; ids beyond 30 are left out. */
  static int bits(Object ids) {
    int set = 0;
    if (ids == null) {
      return 0;
    }
    for (String part : ids.toString().replaceAll("[\\[\\]\\s]", "").split(",")) {
      if (!part.isEmpty()) {
        int id = Integer.parseInt(part);
        if (id >= 1 && id <= 30) {
          set |= 1 << id;
        }
      }
    }
    return set;
  }

  /**
   * Whom {@code leader} replicates to once its commitIndex is {@code commit}: the members of its latest
   * configuration and of the one in force at commitIndex (or its snapshot's index), itself excepted.
   */
  private int replicaSet(int leader, long commit) {
    TreeMap<Long, int[]> mine = configs.get(leader);
    int[] latest = mine.lastEntry().getValue();
    var committedEntry = mine.floorEntry(Math.max(commit, state.node(leader).log().base()));
    int[] committed = committedEntry == null ? latest : committedEntry.getValue();
    return (latest[0] | latest[1] | committed[0] | committed[1]) & ~(1 << leader);
  }

  /**
   * A leader's configurations or commitIndex moved: it starts tracking a new member, its log probed from
   * the leader's end (§5.3), and stops tracking a member no configuration of its holds any longer.
   */
  private void replicas(int leader, long commit, List<StateOp> ops) {
    if (!state.leads(leader)) {
      return;
    }
    NodeState n = state.node(leader);
    int replicas = replicaSet(leader, commit);
    for (int f = 1; f <= state.size(); f++) {
      boolean member = f != leader && (replicas >>> f & 1) != 0;
      if (member && !n.tracks(f)) {
        ops.add(new StateOp.Progress(leader, f, n.log().lastIndex() + 1, 0, ProgressMode.PROBE));
      } else if (!member && f != leader && n.tracks(f)) {
        ops.add(new StateOp.Progress(leader, f, 0, 0, ProgressMode.PROBE));
      }
    }
  }

  private void appended(TraceLine l, int node, List<StateOp> ops) {
    long from = l.num("from");
    long to = l.num("to");
    if (state.isNode(node)) {
      configs.get(node).tailMap(from, true).clear(); // entries from there on are replaced (§5.3), configurations too
    }
    long[][] runs = TermRunsJson.parse(l.get("terms"));
    if (runs.length == 0) {
      ops.add(new StateOp.LogAppend(node, from, to, l.num("term")));
      return;
    }
    for (int k = 0; k < runs.length; k++) {
      long end = k + 1 < runs.length ? runs[k + 1][0] - 1 : to;
      ops.add(new StateOp.LogAppend(node, runs[k][0], end, runs[k][1]));
    }
  }

  private void restarted(TraceLine l, int node, List<StateOp> ops) {
    if (state.isNode(node)) {
      // The configurations of the entries the disk kept are in force again (diss. §4.1); the latest rules.
      TreeMap<Long, int[]> mine = configs.get(node);
      mine.tailMap(l.num("lastIndex"), false).clear();
      int[] c = mine.lastEntry().getValue();
      NodeState n = state.node(node);
      if (c[0] != n.voters() || c[1] != n.learners()) {
        ops.add(new StateOp.Config(node, c[0], c[1]));
      }
    }
    ops.add(new StateOp.Role(node, NodeRole.FOLLOWER));
    ops.add(new StateOp.Term(node, l.num("term")));
    ops.add(new StateOp.Vote(node, l.node("votedFor")));
    long lastIndex = l.num("lastIndex");
    if (!l.has("terms")) {
      // A trace from before restart lines described the log: keep what is known, up to the durable end.
      ops.add(new StateOp.LogTruncate(node, lastIndex + 1));
      ops.add(new StateOp.Commit(node, 0));
      ops.add(new StateOp.Applied(node, 0));
      return;
    }
    long snapshot = l.num("snapshotIndex");
    ops.add(new StateOp.LogReset(node, snapshot, l.num("snapshotTerm")));
    long[][] runs = TermRunsJson.parse(l.get("terms"));
    for (int k = 0; k < runs.length; k++) {
      long end = k + 1 < runs.length ? runs[k + 1][0] - 1 : lastIndex;
      ops.add(new StateOp.LogAppend(node, runs[k][0], end, runs[k][1]));
    }
    // Volatile state starts over from the snapshot (Figure 2; RAFT-CHECKLIST rule 17).
    ops.add(new StateOp.Commit(node, snapshot));
    ops.add(new StateOp.Applied(node, snapshot));
  }

  /**
   * A leader streaming entries to a follower moves nextIndex past them as they leave (etcd's
   * "replicate" state); while probing it waits for the answer.
   */
  private void streamed(TraceLine l, List<StateOp> ops) {
    int leader = l.node("from");
    int f = l.node("to");
    if (!"AppendEntries".equals(l.str("type")) || l.num("entries") == 0 || !isLeaderOf(leader, l.num("term"))
        || !state.isNode(f)) {
      return;
    }
    NodeState n = state.node(leader);
    if (n.tracks(f) && n.mode(f) == ProgressMode.REPLICATE) {
      long next = Math.max(n.nextIndex(f), l.num("lastIndex") + 1);
      ops.add(new StateOp.Progress(leader, f, next, n.matchIndex(f), ProgressMode.REPLICATE));
    }
  }

  /** A leader hears a follower's answer: matchIndex only grows (§5.3; RAFT-CHECKLIST rule 13). */
  private void replied(TraceLine l, List<StateOp> ops) {
    int leader = l.node("to");
    int f = l.node("from");
    String type = l.str("type");
    if (!isLeaderOf(leader, l.num("term")) || !state.isNode(f)) {
      return; // a reply of another term, or to a node no longer leading: ignored, or it deposes the node
    }
    NodeState n = state.node(leader);
    if (!n.tracks(f)) {
      return; // a reply from a node this leader replicates to no longer (or not yet): ignored (UNKNOWN_SENDER)
    }
    if ("AppendEntriesReply".equals(type) && l.bool("success") && l.num("matchIndex") <= n.log().lastIndex()) {
      long match = Math.max(n.matchIndex(f), l.num("matchIndex"));
      long next = Math.max(n.nextIndex(f), match + 1);
      ProgressMode mode = n.mode(f);
      if (mode == ProgressMode.PROBE || (mode == ProgressMode.SNAPSHOT && match >= n.log().base())) {
        mode = ProgressMode.REPLICATE; // the logs match here: stream from now on
        next = match + 1;
      }
      ops.add(new StateOp.Progress(leader, f, next, match, mode));
    } else if ("InstallSnapshotReply".equals(type) && l.bool("installed") && n.mode(f) == ProgressMode.SNAPSHOT
        && l.num("lastIncludedIndex") == sendingSnapshot[leader][f]) {
      long match = Math.max(n.matchIndex(f), l.num("lastIncludedIndex"));
      ops.add(new StateOp.Progress(leader, f, match + 1, match, ProgressMode.REPLICATE));
    }
  }

  private boolean isLeaderOf(int node, long term) {
    return state.leads(node) && state.node(node).currentTerm() == term;
  }

  private void links(TraceLine l, List<StateOp> ops) {
    switch (l.kind()) {
      case "partition" -> partition = "partition " + l.text("groups");
      case "isolate" -> isolated.add(l.node("node"));
      case "cut" -> {
        String cut = l.num("from") + "→" + l.num("to");
        if (!cuts.contains(cut)) {
          cuts.add(cut);
        }
      }
      default -> {
        partition = "";
        isolated.clear();
        cuts.clear();
      }
    }
    List<String> parts = new ArrayList<>();
    if (!partition.isEmpty()) {
      parts.add(partition);
    }
    if (!isolated.isEmpty()) {
      parts.add("isolated " + String.join(", ", isolated.stream().map(String::valueOf).toList()));
    }
    if (!cuts.isEmpty()) {
      parts.add("cut " + String.join(", ", cuts));
    }
    ops.add(new StateOp.Links(String.join("; ", parts)));
  }
}
