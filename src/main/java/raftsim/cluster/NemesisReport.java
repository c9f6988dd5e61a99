package raftsim.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import raftsim.check.linearizability.Verdict;

/** A nemesis run's summary, as text for a person or as one JSON object. */
public final class NemesisReport {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How many lost writes the text lists; the JSON has them all. */
  private static final int PROBLEMS_SHOWN = 20;

  private NemesisReport() {}

  /** The summary lines that follow the progress lines. */
  public static List<String> text(NemesisResult r) {
    List<String> lines = new ArrayList<>();
    NemesisResult.OperationCounts ops = r.operations();
    lines.add(String.format(Locale.ROOT, "operations: %d (ok %d, failed %d, indeterminate %d)", ops.total(), ops.ok(),
        ops.failed(), ops.indeterminate()));
    NemesisResult.KillCounts k = r.kills();
    lines.add("nemesis: " + count(k.total(), "kill") + " (" + count(k.randomNodes(), "random node") + ", "
        + count(k.leaders(), "leader") + ", " + count(k.leadersAfterBurst(), "leader") + " right after a write burst), "
        + count(r.restarts(), "restart"));
    if (r.lostWrites() == null) {
      lines.add("lost writes: not checked (no final values)");
    } else {
      LostWrites.Report lost = r.lostWrites();
      String checked = lost.acknowledgedAppends() + " acknowledged appends, " + lost.acknowledgedRegisterWrites()
          + " acknowledged register writes";
      lines.add(lost.holds() ? "lost writes: none (" + checked + ")"
          : "lost writes: " + lost.problems().size() + " (" + checked + ")");
      lost.problems().stream().limit(PROBLEMS_SHOWN).forEach(p -> lines.add("  " + p));
      if (lost.problems().size() > PROBLEMS_SHOWN) {
        lines.add("  ... " + (lost.problems().size() - PROBLEMS_SHOWN) + " more (--json lists them all)");
      }
    }
    Verdict v = r.linearizability();
    lines.add("linearizability: " + describe(v) + " (" + ops.total() + " operations, checked in " + r.checkMs()
        + " ms)");
    if (v instanceof Verdict.NotLinearizable n) {
      n.counterexample().render().forEach(l -> lines.add("  " + l));
    }
    if (r.problem() != null) {
      lines.add("problem: " + r.problem());
    }
    lines.add(String.format(Locale.ROOT, "wall time: %.1f s", r.wallMs() / 1000.0));
    if (r.dataKept()) {
      lines.add("data and node logs kept in " + r.dataDir());
    }
    lines.add(r.verdictWord());
    return lines;
  }

  public static String json(NemesisResult r) {
    NemesisOptions o = r.options();
    ObjectNode root = JSON.createObjectNode();
    root.put("verdict", r.verdictWord().toLowerCase(Locale.ROOT));
    root.put("nodes", o.nodes()).put("clients", o.clients()).put("keys", o.keys()).put("seed", o.seed())
        .put("durationMs", o.duration().toMillis()).put("basePort", o.basePort());
    NemesisResult.OperationCounts ops = r.operations();
    root.putObject("operations").put("total", ops.total()).put("ok", ops.ok()).put("failed", ops.failed())
        .put("indeterminate", ops.indeterminate());
    NemesisResult.KillCounts k = r.kills();
    root.putObject("kills").put("total", k.total()).put("randomNodes", k.randomNodes()).put("leaders", k.leaders())
        .put("leadersAfterBurst", k.leadersAfterBurst());
    root.put("restarts", r.restarts());
    ArrayNode events = root.putArray("events");
    r.events().forEach(e -> events.addObject().put("atMs", e.atMs()).put("what", e.what()));
    if (r.lostWrites() == null) {
      root.putNull("lostWrites");
    } else {
      ObjectNode lost = root.putObject("lostWrites").put("holds", r.lostWrites().holds())
          .put("acknowledgedAppends", r.lostWrites().acknowledgedAppends())
          .put("acknowledgedRegisterWrites", r.lostWrites().acknowledgedRegisterWrites());
      ArrayNode problems = lost.putArray("problems");
      r.lostWrites().problems().forEach(problems::add);
    }
    ObjectNode lin = root.putObject("linearizability").put("verdict", r.linearizability().word())
        .put("checkMs", r.checkMs());
    if (r.linearizability() instanceof Verdict.Undecided u) {
      lin.put("reason", u.reason());
    } else if (r.linearizability() instanceof Verdict.NotLinearizable n) {
      ArrayNode lines = lin.putArray("counterexample");
      n.counterexample().render().forEach(lines::add);
    }
    if (r.finalValues() != null) {
      ObjectNode values = root.putObject("finalValues");
      r.finalValues().forEach(values::put);
    }
    root.put("problem", r.problem());
    root.put("wallMs", r.wallMs());
    root.put("dataDir", r.dataKept() ? r.dataDir().toString() : null);
    return root.toString();
  }

  /** "1 kill", "2 kills". */
  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String describe(Verdict v) {
    if (v instanceof Verdict.Undecided u) {
      return "undecided: " + u.reason();
    }
    return v instanceof Verdict.Linearizable ? "linearizable" : "NOT linearizable";
  }
}
