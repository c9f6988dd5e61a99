package raftsim.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import raftsim.trace.TraceLine;

/**
 * Draws the stepper's screen: the cluster after the cursor's line (one row per node, with its log's tail
 * coloured by term), each leader's view of its followers, the messages in flight, and the event just
 * processed with its explanation.
 */
final class Screen {
  private final Stepper stepper;
  private final Style style;
  private final CompactTrace trace;
  private final ClusterState state;
  private final TraceLine line;
  private final StringBuilder out = new StringBuilder(4096);

  Screen(Stepper stepper, Style style) {
    this.stepper = stepper;
    this.style = style;
    this.trace = stepper.loaded().trace();
    this.state = trace.stateAfter(stepper.cursor());
    this.line = trace.line(stepper.cursor());
  }

  String render() {
    LoadedTrace loaded = stepper.loaded();
    row(style.bold("raftsim step: " + loaded.title() + " (seed " + loaded.seed() + ")") + "   line "
        + Stepper.n(stepper.cursor()) + " of " + Stepper.n(trace.size() - 1) + "   t=" + Stepper.n(line.t()) + " ms   detail "
        + stepper.detail().level() + " of 3");
    if (!state.links().isEmpty()) {
      row("network: " + style.yellow(state.links()));
    }
    if (state.membershipVaries()) {
      row(configuration(state));
    }
    row("");
    nodes();
    progress();
    inFlight();
    row("");
    if (stepper.showingHelp()) {
      row(style.bold("keys:"));
      for (String h : StepKey.HELP) {
        row("  " + h);
      }
    } else {
      event();
    }
    if (!stepper.message().isEmpty()) {
      row(style.yellow("! " + stepper.message()));
    }
    row(style.dim("n next, b back, t=MS time, e/c/v next election/commit/violation, k=KIND, @N node, g/G start/end, "
        + "+/- detail, h help, q quit"));
    return out.toString();
  }

  /**
   * The configuration in force (diss. §4.1), as the leader of the highest term has it; without a leader,
   * each node's row says what it is in its own.
   */
  static String configuration(ClusterState state) {
    int leader = 0;
    for (int id = 1; id <= state.size(); id++) {
      if (state.leads(id) && (leader == 0 || state.node(id).currentTerm() > state.node(leader).currentTerm())) {
        leader = id;
      }
    }
    if (leader == 0) {
      return "configuration: no leader; each row says whether its node is a learner or outside its own configuration";
    }
    NodeState n = state.node(leader);
    return "configuration (leader " + leader + "'s): voters " + NodeState.ids(n.voters()) + "; learners "
        + NodeState.ids(n.learners());
  }

  /** What {@code n} is in its own configuration, when not a voter: " (learner)" or " (outside)"; else "". */
  static String membership(NodeState n) {
    return n.isVoter(n.id()) ? "" : n.isLearner(n.id()) ? " (learner)" : " (outside)";
  }

  private void row(String s) {
    out.append(s).append('\n');
  }

  private void nodes() {
    int cells = stepper.detail().logCells;
    long hi = 1;
    for (int id = 1; id <= state.size(); id++) {
      if (state.node(id).role() != NodeRole.CRASHED) {
        hi = Math.max(hi, state.node(id).log().lastIndex());
      }
    }
    long lo = Math.max(1, hi - cells + 1);
    int width = 1;
    for (int id = 1; id <= state.size(); id++) {
      TermRuns log = state.node(id).log();
      for (long i = lo; i <= hi; i++) {
        width = Math.max(width, Long.toString(Math.max(0, log.termAt(i))).length());
      }
    }
    boolean members = state.membershipVaries();
    String roleFormat = members ? "%-19s" : "%-16s";
    row(String.format(java.util.Locale.ROOT, "%4s  " + roleFormat + " %5s %6s %7s %8s  %s", "node", "role", "term", "voted",
        "commit", "applied", "log: term of entries " + lo + ".." + hi + " (| after commitIndex, # compacted)"));
    for (int id = 1; id <= state.size(); id++) {
      NodeState n = state.node(id);
      boolean paused = n.pausedUntil() > line.t();
      String role = n.role().wireName() + (members && n.role() != NodeRole.CRASHED ? membership(n) : "")
          + (paused ? " (paused)" : "");
      String rolePadded = String.format(java.util.Locale.ROOT, roleFormat, role);
      if (n.role() == NodeRole.CRASHED) {
        row(String.format(java.util.Locale.ROOT, "%4d  ", id) + style.role(n.role(), rolePadded)
            + String.format(java.util.Locale.ROOT, " %5s %6s %7s %8s  ", "-", "-", "-", "-") + style.dim("(down)"));
        continue;
      }
      row(String.format(java.util.Locale.ROOT, "%4d  ", id) + style.role(n.role(), rolePadded)
          + String.format(java.util.Locale.ROOT, " %5d %6s %7d %8d  ", n.currentTerm(),
              n.votedFor() == 0 ? "-" : Integer.toString(n.votedFor()), n.commitIndex(), n.lastApplied())
          + logCells(n, lo, hi, width));
    }
  }

  private String logCells(NodeState n, long lo, long hi, int width) {
    StringBuilder b = new StringBuilder();
    TermRuns log = n.log();
    for (long i = lo; i <= hi; i++) {
      String text;
      long term = -1;
      if (i <= log.base()) {
        text = "#".repeat(width);
      } else if (i > log.lastIndex()) {
        text = " ".repeat(width);
      } else {
        term = log.termAt(i);
        text = pad(Long.toString(term), width);
      }
      b.append(term < 0 ? text : style.cell(term, i <= n.commitIndex(), text));
      b.append(i == n.commitIndex() && i < hi ? "|" : i == hi ? "" : " ");
    }
    if (log.lastIndex() < lo && log.base() < lo) {
      b.append(style.dim(log.lastIndex() == 0 ? " (empty)" : " (ends at " + log.lastIndex() + ")"));
    }
    return b.toString();
  }

  private static String pad(String s, int width) {
    return " ".repeat(Math.max(0, width - s.length())) + s;
  }

  private void progress() {
    for (int id = 1; id <= state.size(); id++) {
      NodeState n = state.node(id);
      if (n.role() != NodeRole.LEADER) {
        continue;
      }
      StringBuilder b = new StringBuilder("leader " + id + " (term " + n.currentTerm() + "), per follower nextIndex/matchIndex:");
      boolean members = state.membershipVaries();
      for (int f = 1; f <= state.size(); f++) {
        if (f != id && (!members || n.tracks(f))) {
          b.append("  ").append(f).append(members && n.isLearner(f) ? " (learner)" : "").append(": ")
              .append(n.nextIndex(f)).append('/').append(n.matchIndex(f));
          if (stepper.detail() == Detail.EVERYTHING || n.mode(f) == ProgressMode.SNAPSHOT) {
            b.append(' ').append(n.mode(f).wireName());
          }
        }
      }
      if (n.transferTo() != 0) {
        b.append("  — handing office to ").append(n.transferTo()).append(" (diss. §3.10)");
      }
      row(b.toString());
    }
  }

  private void inFlight() {
    Map<Long, Integer> flying = state.inFlight();
    int copies = flying.values().stream().mapToInt(Integer::intValue).sum();
    row("in flight: " + copies + (copies == 1 ? " message" : " messages"));
    int shown = 0;
    for (Map.Entry<Long, Integer> e : flying.entrySet()) {
      if (shown++ == stepper.detail().flightShown) {
        row(style.dim("  ... " + (flying.size() - stepper.detail().flightShown) + " more (+ for more detail)"));
        break;
      }
      TraceLine send = trace.line((int) (long) e.getKey());
      row("  " + LineSummary.message(send) + (e.getValue() > 1 ? " (" + e.getValue() + " copies)" : "")
          + style.dim(", sent at " + Stepper.n(send.t()) + " ms (line " + Stepper.n(send.seq()) + ")"));
    }
  }

  private void event() {
    int c = stepper.cursor();
    int first = c;
    int last = c;
    while (first > 0 && trace.line(first - 1).ev() == line.ev() && c - first < 40) {
      first--;
    }
    while (last + 1 < trace.size() && trace.line(last + 1).ev() == line.ev() && last - c < 40) {
      last++;
    }
    row(style.bold("event " + Stepper.n(line.ev()) + " at " + Stepper.n(line.t()) + " ms") + style.dim(" (lines "
        + Stepper.n(first) + ".." + Stepper.n(last) + ")"));
    List<Integer> shown = new ArrayList<>();
    int limit = stepper.detail().eventLines;
    for (int i = Math.max(first, c - limit / 2); i <= last && shown.size() < limit; i++) {
      shown.add(i);
    }
    if (!shown.contains(c)) {
      shown = List.of(c);
    }
    for (int i : shown) {
      String text = "line " + Stepper.n(i) + "  " + LineSummary.of(trace.line(i));
      row(i == c ? style.bold("> " + text) : style.dim("  " + text));
    }
    row("");
    row(style.cyan(trace.explain(c)));
    if (stepper.detail() == Detail.EVERYTHING) {
      row(style.dim(line.toJson()));
    }
  }
}
