package raftsim.check;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import raftsim.core.AppliedEntry;
import raftsim.core.Configuration;
import raftsim.core.LogEntry;
import raftsim.core.LogView;
import raftsim.core.LogWrite;
import raftsim.core.Payload;
import raftsim.core.RaftCore;
import raftsim.core.Ready;
import raftsim.core.Role;

/**
 * Raft's five safety properties (§5.2, Figure 3; CONTRACT §4), checked after every step of every
 * node. Each check is incremental — it looks only at what the step changed — so checking every event
 * costs little more than running it.
 *
 * <ul>
 *   <li>Election Safety: over the whole run, at most one leader per term.
 *   <li>Leader Append-Only: while a node leads in a term, it never overwrites or deletes its entries.
 *   <li>Log Matching: same index and term (outside compacted prefixes) means identical logs up to there.
 *       Checked by induction: every (index, term) ever written has one payload and one predecessor term.
 *   <li>Leader Completeness: a leader of term T holds every entry whose commit term (the term of the
 *       leader whose commit index first covered it) is below T.
 *   <li>State Machine Safety: no two nodes apply different entries at the same index.
 *   <li>Future Leader Completeness (beyond the paper's five): when an entry commits, no live node that
 *       lacks it could win an election. It catches an unsafe commit at once.
 * </ul>
 */
public final class SafetyInvariants {
  /** At most this many violations are kept; the rest are only counted. */
  private static final int KEEP = 100;

  private final RaftCore[] live;
  // What each node looked like after its last step: the "before" of its next one. Only whether it led
  // matters, and a flag is cheaper to store after every step than a reference (no GC write barrier).
  private final boolean[] markLeader;
  private final long[] markTerm;
  private final long[] markLastIndex;
  /** Election Safety: the first leader seen in each term. */
  private final TreeMap<Long, Integer> leaderOfTerm = new TreeMap<>();
  /** Log Matching: what each (index, term) holds. */
  private final FirstWrites written = new FirstWrites();
  /** Leader Completeness: committed entries by index, with their commit terms. */
  private final ArrayList<LogEntry> committed = new ArrayList<>();
  private final GrowableLongs commitTerms = new GrowableLongs();
  /** State Machine Safety: the first entry applied at each index. */
  private final ArrayList<LogEntry> applied = new ArrayList<>();
  private final List<Violation> violations = new ArrayList<>();
  private long violationCount;

  /** @param nodes node ids run from 1 to nodes */
  public SafetyInvariants(int nodes) {
    this.live = new RaftCore[nodes + 1];
    this.markLeader = new boolean[nodes + 1];
    this.markTerm = new long[nodes + 1];
    this.markLastIndex = new long[nodes + 1];
  }

  /** A node (re)started with {@code core}; what it holds on disk was checked when it was written. */
  public void nodeStarted(int node, RaftCore core) {
    live[node] = core;
    mark(node, core);
  }

  public void nodeCrashed(int node) {
    live[node] = null;
    markLeader[node] = false;
  }

  /** Checks what node {@code node}'s step, which produced {@code ready}, changed. */
  public void afterStep(long now, int node, RaftCore core, Ready ready) {
    boolean ledBefore = markLeader[node];
    long termBefore = markTerm[node];
    long lastIndexBefore = markLastIndex[node];
    mark(node, core);
    Role role = core.role();
    long term = core.currentTerm();
    boolean newLeader = role == Role.LEADER && (!ledBefore || termBefore != term);
    if (newLeader) {
      checkElectionSafety(now, node, term);
    }
    if (ledBefore && role == Role.LEADER && termBefore == term) {
      checkAppendOnly(now, node, term, lastIndexBefore, core.log().lastIndex(), ready.logWrite());
    }
    if (ready.logWrite() != null) {
      checkLogMatching(now, node, core.log(), ready.logWrite());
    }
    if (newLeader) {
      checkLeaderHoldsCommitted(now, node, core, 1);
    }
    // A leader's commits; also those of the step in which a leader removed from the configuration saw
    // that configuration commit and stepped down (diss. §4.2.2): it committed as leader of its term.
    boolean ledThisTerm = role == Role.LEADER || (ledBefore && termBefore == term);
    if (ledThisTerm && core.commitIndex() > committed.size()) {
      recordCommits(now, node, core, ready.applied());
    }
    List<AppliedEntry> appliedNow = ready.applied();
    for (int i = 0; i < appliedNow.size(); i++) {
      checkStateMachine(now, node, appliedNow.get(i).entry());
    }
  }

  private void mark(int node, RaftCore core) {
    markLeader[node] = core.role() == Role.LEADER;
    markTerm[node] = core.currentTerm();
    markLastIndex[node] = core.log().lastIndex();
  }

  private void checkElectionSafety(long now, int node, long term) {
    Integer first = leaderOfTerm.putIfAbsent(term, node);
    if (first != null && first != node) {
      violation(new Violation("ElectionSafety", now, List.of(first, node), 0, term,
          "nodes " + first + " and " + node + " were both leader in term " + term));
    }
  }

  private void checkAppendOnly(long now, int node, long term, long lastBefore, long lastAfter, LogWrite write) {
    if (write != null && write.fromIndex() <= lastBefore) {
      violation(new Violation("LeaderAppendOnly", now, List.of(node), write.fromIndex(), term,
          "leader " + node + " of term " + term + " rewrote its log from index " + write.fromIndex()
              + " (its last index was " + lastBefore + ")"));
    } else if (lastAfter < lastBefore) {
      violation(new Violation("LeaderAppendOnly", now, List.of(node), lastAfter + 1, term,
          "leader " + node + " of term " + term + " dropped entries " + (lastAfter + 1) + ".." + lastBefore));
    }
  }

  private void checkLogMatching(long now, int node, LogView log, LogWrite write) {
    for (long i = Math.max(write.fromIndex(), log.snapshotIndex() + 1); i <= log.lastIndex(); i++) {
      LogEntry e = log.entry(i);
      long prevTerm = log.termAt(i - 1);
      FirstWrites.Write first = written.check(i, e.term(), prevTerm, e.payload());
      if (first != null) {
        violation(new Violation("LogMatching", now, List.of(node), i, e.term(),
            "node " + node + " holds at index " + i + " term " + e.term() + " " + describe(e.payload())
                + " after an entry of term " + prevTerm + ", but another log holds " + describe(first.payload())
                + " there after term " + first.prevTerm()));
      }
    }
  }

  /** Leader Completeness for {@code leader}: it holds every entry from {@code from} whose commit term is lower. */
  private void checkLeaderHoldsCommitted(long now, int leader, RaftCore core, long from) {
    LogView log = core.log();
    long term = core.currentTerm();
    for (long i = Math.max(from, log.snapshotIndex() + 1); i <= committed.size(); i++) {
      LogEntry c = committed.get((int) (i - 1));
      if (c != null && commitTerms.get(i - 1) < term && (i > log.lastIndex() || log.termAt(i) != c.term()
          || !FirstWrites.same(log.entry(i).payload(), c.payload()))) {
        violation(new Violation("LeaderCompleteness", now, List.of(leader), i, term,
            "leader " + leader + " of term " + term + " lacks entry " + i + " (term " + c.term()
                + "), committed in term " + commitTerms.get(i - 1)));
        return;
      }
    }
  }

  /**
   * The leader's commit index moved past what was known committed: those entries get its term. They
   * were applied in this very step, and may already be compacted into a snapshot, so they are taken
   * from the step's applied entries when the log no longer holds them.
   */
  private void recordCommits(long now, int node, RaftCore core, List<AppliedEntry> appliedNow) {
    long from = committed.size() + 1;
    long firstApplied = appliedNow.isEmpty() ? Long.MAX_VALUE : appliedNow.get(0).entry().index();
    LogView log = core.log();
    for (long i = from; i <= core.commitIndex(); i++) {
      LogEntry e;
      if (i > log.snapshotIndex()) {
        e = log.entry(i);
      } else if (i >= firstApplied && i - firstApplied < appliedNow.size()) {
        e = appliedNow.get((int) (i - firstApplied)).entry();
      } else {
        e = null; // compacted before this checker saw it committed; Log Matching still covers it
      }
      committed.add(e);
      commitTerms.add(core.currentTerm());
    }
    for (int other = 1; other < live.length; other++) {
      RaftCore c = live[other];
      if (c != null && other != node && c.role() == Role.LEADER && c.currentTerm() > core.currentTerm()) {
        checkLeaderHoldsCommitted(now, other, c, from);
      }
    }
    LogEntry top = committed.get(committed.size() - 1);
    if (top != null) {
      checkNoElectableNodeLacks(now, node, top);
    }
  }

  /**
   * Leader Completeness for every leader still to come: no live node that lacks a just-committed entry
   * could win an election, that is, no such node has a log at least as up to date (§5.4.1) as those
   * of a majority. In a correct cluster the entry is durable on a majority, every majority meets it,
   * and the node holding it there refuses the vote; so this never fires falsely. It fires at the
   * moment of an unsafe commit (Figure 8), before the crashes and elections that would expose it.
   *
   * <p>With membership changes (diss. §4.1) each would-be candidate counts votes as it would itself: in
   * the configuration in force on it, from that configuration's voters only, and it stands only when the
   * core lets it ({@link RaftCore#mayStand}). One-at-a-time changes keep every majority of one configuration meeting every
   * majority of the next, so a correct cluster still never trips this; two changes in flight at once
   * do (the single-server bug).
   */
  private void checkNoElectableNodeLacks(long now, int committer, LogEntry e) {
    for (int c = 1; c < live.length; c++) {
      RaftCore candidate = live[c];
      if (candidate == null || holds(candidate.log(), e)) {
        continue;
      }
      LogView cl = candidate.log();
      Configuration config = cl.configuration();
      if (!candidate.mayStand()) {
        continue; // a learner, a spare or a server that knows its removal committed never stands
      }
      List<Integer> voters = new ArrayList<>();
      for (int v : config.voters()) {
        RaftCore voter = v < live.length ? live[v] : null;
        if (voter != null && atLeastAsUpToDate(cl, voter.log())) {
          voters.add(v);
        }
      }
      if (voters.size() > config.voters().size() / 2) {
        violation(new Violation("FutureLeaderCompleteness", now, List.of(committer, c), e.index(), e.term(),
            "node " + committer + " committed entry " + e.index() + " (term " + e.term() + "), but node " + c
                + ", which lacks it, could still be elected with the votes of nodes " + voters + " of its "
                + config));
        return;
      }
    }
  }

  private static boolean holds(LogView log, LogEntry e) {
    return e.index() <= log.snapshotIndex() || log.termAt(e.index()) == e.term();
  }

  /** §5.4.1: a's log is at least as up to date as b's. */
  private static boolean atLeastAsUpToDate(LogView a, LogView b) {
    return a.lastTerm() != b.lastTerm() ? a.lastTerm() > b.lastTerm() : a.lastIndex() >= b.lastIndex();
  }

  private void checkStateMachine(long now, int node, LogEntry e) {
    int slot = (int) (e.index() - 1);
    while (applied.size() <= slot) {
      applied.add(null);
    }
    LogEntry first = applied.get(slot);
    if (first == null) {
      applied.set(slot, e);
    } else if (first.term() != e.term() || !FirstWrites.same(first.payload(), e.payload())) {
      violation(new Violation("StateMachineSafety", now, List.of(node), e.index(), e.term(),
          "node " + node + " applied " + describe(e.payload()) + " (term " + e.term() + ") at index " + e.index()
              + ", where another node applied " + describe(first.payload()) + " (term " + first.term() + ")"));
    }
  }

  private static String describe(Payload p) {
    if (p instanceof Payload.Config c) {
      return "a configuration (" + c.configuration() + ")";
    }
    return p instanceof Payload.Command c ? "'" + c.text() + "'" : "a no-op";
  }

  private void violation(Violation v) {
    violationCount++;
    if (violations.size() < KEEP) {
      violations.add(v);
    }
  }

  /** The violations found so far (at most the first 100). */
  public List<Violation> violations() {
    return List.copyOf(violations);
  }

  public long violationCount() {
    return violationCount;
  }

  /** The highest index known committed. */
  public long committedIndex() {
    return committed.size();
  }
}
