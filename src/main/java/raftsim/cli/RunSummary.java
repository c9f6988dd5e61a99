package raftsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import raftsim.check.Violation;
import raftsim.sim.ExpectationResult;
import raftsim.check.linearizability.Verdict;
import raftsim.sim.RunResult;
import raftsim.sim.ScenarioOutcome;

/** The run summary of CONTRACT §5, as one JSON object or as a short text for people. */
final class RunSummary {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunSummary() {}

  static String toJson(RunResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    ScenarioOutcome o = r.outcome();
    m.put("scenario", o.scenario());
    m.put("seed", o.seed());
    m.put("ok", r.ok());
    m.put("simulatedMs", o.simulatedMs());
    m.put("wallMs", o.wallMs());
    m.put("events", o.events());
    m.put("traceHash", o.traceHash());
    m.put("leader", o.leader());
    m.put("term", o.term());
    m.put("commitIndex", o.commitIndex());
    Map<String, Object> ops = new LinkedHashMap<>();
    ops.put("invoked", o.clientOps().invoked());
    ops.put("ok", o.clientOps().ok());
    ops.put("failed", o.clientOps().failed());
    ops.put("indeterminate", o.clientOps().indeterminate());
    m.put("clientOps", ops);
    m.put("linearizable", r.linearizable());
    if (r.undecided()) {
      m.put("undecidedReason", ((Verdict.Undecided) r.verdict()).reason());
    }
    if (r.counterexample() != null) {
      m.put("counterexample", String.join("\n", r.counterexample().render()));
    }
    m.put("leaderChanges", o.leaderChanges());
    Map<String, Object> snapshots = new LinkedHashMap<>();
    snapshots.put("taken", o.stats().snapshotsTaken());
    snapshots.put("chunksSent", o.stats().snapshotChunksSent());
    snapshots.put("installed", o.stats().snapshotsInstalled());
    m.put("snapshots", snapshots);
    Map<String, Object> reads = new LinkedHashMap<>();
    reads.put("readIndexConfirmed", o.stats().readIndexConfirmed());
    reads.put("served", o.stats().readsServed());
    reads.put("lease", o.stats().leaseReads());
    m.put("reads", reads);
    m.put("maxLogEntries", o.maxLogEntries());
    List<Map<String, Object>> vs = new ArrayList<>();
    for (Violation v : o.violations()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("invariant", v.invariant());
      x.put("atMs", v.atMs());
      x.put("nodes", v.nodes());
      x.put("index", v.index());
      x.put("term", v.term());
      x.put("detail", v.detail());
      vs.add(x);
    }
    m.put("violations", vs);
    m.put("violationCount", o.violationCount());
    List<Map<String, Object>> es = new ArrayList<>();
    for (ExpectationResult e : r.expectations()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("name", e.name());
      x.put("ok", e.ok());
      x.put("detail", e.detail());
      es.add(x);
    }
    m.put("expectations", es);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of plain values always serialises", e);
    }
  }

  static String toText(RunResult r) {
    ScenarioOutcome o = r.outcome();
    List<ExpectationResult> expectations = r.expectations();
    Boolean linearizable = r.linearizable();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "scenario %s (seed %d): %s%n", o.scenario(), o.seed(),
        r.ok() ? "OK" : r.checksFailed() ? "FAILED" : "UNDECIDED"));
    b.append(String.format(Locale.ROOT, "  simulated %,d ms in %,d ms wall: %,d events, %,.0f events/s%n",
        o.simulatedMs(), o.wallMs(), o.events(), o.events() * 1000.0 / Math.max(1, o.wallMs())));
    b.append(String.format(Locale.ROOT, "  leader %s, term %d, commit index %,d, leader changes %d%n",
        o.leader() == null ? "none" : o.leader().toString(), o.term(), o.commitIndex(), o.leaderChanges()));
    var c = o.clientOps();
    if (c.invoked() > 0) {
      b.append(String.format(Locale.ROOT, "  client ops: %,d invoked, %,d ok, %,d failed, %,d indeterminate; linearizable: %s%n",
          c.invoked(), c.ok(), c.failed(), c.indeterminate(),
          linearizable == null ? (r.undecided() ? "undecided (" + ((Verdict.Undecided) r.verdict()).reason() + ")"
              : "not checked") : linearizable.toString()));
    }
    var st = o.stats();
    if (st.snapshotsTaken() + st.snapshotsInstalled() + st.readsServed() > 0) {
      b.append(String.format(Locale.ROOT, "  snapshots: %,d taken, %,d chunks sent, %,d installed; reads: %,d read indexes"
              + " confirmed, %,d from the lease, %,d served; longest log %,d entries%n", st.snapshotsTaken(),
          st.snapshotChunksSent(), st.snapshotsInstalled(), st.readIndexConfirmed(), st.leaseReads(), st.readsServed(),
          o.maxLogEntries()));
    }
    if (o.violationCount() == 0) {
      b.append("  safety invariants: all held\n");
    } else {
      b.append(String.format(Locale.ROOT, "  safety invariants: %d violation(s)%n", o.violationCount()));
      for (Violation v : o.violations()) {
        b.append(String.format(Locale.ROOT, "    %s at %d ms: %s%n", v.invariant(), v.atMs(), v.detail()));
      }
    }
    if (!expectations.isEmpty()) {
      long held = expectations.stream().filter(ExpectationResult::ok).count();
      b.append(String.format(Locale.ROOT, "  expectations: %d of %d held%n", held, expectations.size()));
      for (ExpectationResult e : expectations) {
        if (!e.ok()) {
          b.append(String.format(Locale.ROOT, "    FAILED %s: %s%n", e.name(), e.detail()));
        }
      }
    }
    if (r.counterexample() != null) {
      b.append("  linearizability counterexample:\n");
      r.counterexample().render().forEach(l -> b.append("    ").append(l).append('\n'));
    }
    if (o.traceHash() != null) {
      b.append("  trace sha-256: ").append(o.traceHash()).append('\n');
    }
    return b.toString();
  }
}
