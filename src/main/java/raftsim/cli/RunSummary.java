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
import raftsim.sim.ScenarioOutcome;

/**
 * The run summary of CONTRACT §5: a scenario outcome plus the linearizability verdict, as JSON or as a
 * short text for people.
 *
 * @param linearizable null when no operation ran, or the check was skipped or undecided
 * @param undecided the linearizability check ran out of its budget
 * @param expectations the scenario's expectations, the linearizability one included when checked
 */
record RunSummary(ScenarioOutcome outcome, Boolean linearizable, boolean undecided, List<ExpectationResult> expectations) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static RunSummary of(ScenarioOutcome outcome, Boolean linearizable) {
    return new RunSummary(outcome, linearizable, false, outcome.expectations());
  }

  /** Every check held: no invariant broke, every expectation (linearizability included) held. */
  boolean ok() {
    return outcome.violationCount() == 0 && expectations.stream().allMatch(ExpectationResult::ok) && !undecided;
  }

  String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    ScenarioOutcome o = outcome;
    m.put("scenario", o.scenario());
    m.put("seed", o.seed());
    m.put("ok", ok());
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
    m.put("linearizable", linearizable);
    m.put("leaderChanges", o.leaderChanges());
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
    for (ExpectationResult e : expectations) {
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

  String toText() {
    ScenarioOutcome o = outcome;
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "scenario %s (seed %d): %s%n", o.scenario(), o.seed(),
        ok() ? "OK" : undecided ? "UNDECIDED" : "FAILED"));
    b.append(String.format(Locale.ROOT, "  simulated %,d ms in %,d ms wall: %,d events, %,.0f events/s%n",
        o.simulatedMs(), o.wallMs(), o.events(), o.events() * 1000.0 / Math.max(1, o.wallMs())));
    b.append(String.format(Locale.ROOT, "  leader %s, term %d, commit index %,d, leader changes %d%n",
        o.leader() == null ? "none" : o.leader().toString(), o.term(), o.commitIndex(), o.leaderChanges()));
    var c = o.clientOps();
    if (c.invoked() > 0) {
      b.append(String.format(Locale.ROOT, "  client ops: %,d invoked, %,d ok, %,d failed, %,d indeterminate; linearizable: %s%n",
          c.invoked(), c.ok(), c.failed(), c.indeterminate(),
          linearizable == null ? (undecided ? "undecided" : "not checked") : linearizable.toString()));
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
    if (o.traceHash() != null) {
      b.append("  trace sha-256: ").append(o.traceHash()).append('\n');
    }
    return b.toString();
  }
}
