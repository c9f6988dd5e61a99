package raftsim.variants;

import java.util.List;
import raftsim.variants.CoreVariant.Patch;

/**
 * Classic Raft bugs, each as a small patch to the real core (applied only in a test build, see
 * {@link CoreVariant}): what the fuzzer must be able to find.
 */
final class ClassicBugs {
  private ClassicBugs() {}

  /** One bug: its name and the patch that plants it. */
  record Bug(String name, String why, List<Patch> patches) {
    CoreVariant build() {
      return CoreVariant.build(name, patches.toArray(Patch[]::new));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Bug> ALL = List.of(
      new Bug("vote-without-up-to-date-check",
          "grants a vote without comparing logs (§5.4.1): a candidate missing committed entries can win",
          List.of(new Patch("Election.java", "} else if (!candidateUpToDate(rv)) {", "} else if (false) {"))),
      new Bug("commit-earlier-term-by-counting",
          "commits an earlier term's entry once a majority holds it (Figure 8, §5.4.2)",
          List.of(new Patch("Replication.java",
              "if (n > core.commitIndex && core.log.termAt(n) == core.currentTerm) {", "if (n > core.commitIndex) {"))),
      new Bug("vote-not-persisted",
          "never makes votedFor durable (Figure 2): after a restart the node can vote twice in one term",
          List.of(new Patch("Output.java", "hardStateChanged ? new HardState(currentTerm, votedFor) : null,",
              "hardStateChanged ? new HardState(currentTerm, HardState.NO_VOTE) : null,"))),
      new Bug("stale-term-append-accepted",
          "accepts AppendEntries from a leader of an older term (§5.1)",
          List.of(new Patch("Replication.java", "    if (ae.term() < core.currentTerm) {\n      refuse(ae, AppendRejection.STALE_TERM",
              "    if (false) {\n      refuse(ae, AppendRejection.STALE_TERM"))),
      new Bug("conflicting-entries-kept",
          "does not replace conflicting entries, yet acknowledges the request (§5.3)",
          List.of(new Patch("Replication.java",
              "if (e.index() > log.snapshotIndex() && (e.index() > log.lastIndex() || log.termAt(e.index()) != e.term())) {",
              "if (e.index() > log.lastIndex()) {"))),
      new Bug("apply-before-commit",
          "a follower applies what it appended before the leader says it is committed (§5.3)",
          List.of(new Patch("Replication.java", "long newCommit = Math.min(ae.leaderCommit(), lastNew);",
              "long newCommit = lastNew;"))),
      new Bug("local-reads",
          "a leader answers reads from its own state, without the log or ReadIndex (diss. §6.4)",
          List.of(new Patch("Reads.java", "      admit(new LeaderRead(request, 0, 0), now, out);",
              "      answer(request, core.lastApplied, out);"))),
      new Bug("concurrent-configuration-changes",
          "a leader proposes a configuration change while another is uncommitted (diss. §4.1): two changes"
              + " of one server each add up to two, and two disjoint majorities can form",
          List.of(new Patch("Membership.java", "if (core.log.configurationIndex() > core.commitIndex) {",
              "if (false) {"))));
}
