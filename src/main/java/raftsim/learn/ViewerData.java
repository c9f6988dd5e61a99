package raftsim.learn;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import raftsim.check.linearizability.Verdict;
import raftsim.trace.Explanations;
import raftsim.trace.Json;
import raftsim.trace.Sentence;
import raftsim.trace.TraceLine;

/**
 * The data the HTML viewer embeds, as one JSON text: the compact trace's chunks (base64 of their bytes) and
 * checkpoints, its shapes and strings, the sentence templates, the clients' operations in columns, the
 * linearizability verdict, and markers for the timeline. Everything is written in a fixed order, so the
 * same trace always gives the same bytes.
 */
final class ViewerData {
  private ViewerData() {}

  /** Timeline markers: what they mark, by number. */
  static final List<String> MARKERS = List.of("leader", "election", "crash", "restart", "fault", "heal", "violation",
      "failed-expectation", "pause", "snapshot-installed");

  static String json(LoadedTrace loaded) {
    CompactTrace t = loaded.trace();
    StringBuilder b = new StringBuilder(t.encodedBytes() * 4 / 3 + (1 << 20));
    b.append("{\"format\":1,\"title\":");
    Json.quote(loaded.title(), b);
    b.append(",\"seed\":\"").append(loaded.seed()).append("\",\"nodes\":").append(t.nodes())
        .append(",\"lines\":").append(t.size()).append(",\"chunk\":").append(CompactTrace.CHUNK);
    b.append(",\"sentences\":[");
    List<Sentence> sentences = Explanations.all();
    for (int i = 0; i < sentences.size(); i++) {
      b.append(i == 0 ? "" : ",");
      Json.quote(sentences.get(i).template(), b);
    }
    b.append("],\"shapes\":[");
    List<Shape> shapes = t.shapes();
    for (int i = 0; i < shapes.size(); i++) {
      Shape s = shapes.get(i);
      b.append(i == 0 ? "[" : ",[");
      Json.quote(s.kind(), b);
      b.append(",[");
      for (int k = 0; k < s.names().size(); k++) {
        b.append(k == 0 ? "" : ",");
        Json.quote(s.names().get(k), b);
      }
      b.append("],").append(s.types().toString().replace(" ", "")).append(',').append(s.sentence()).append(',')
          .append(s.echo() ? 1 : 0).append(']');
    }
    LinkedHashMap<String, Integer> stringIds = new LinkedHashMap<>();
    List<String> strings = new java.util.ArrayList<>(t.strings());
    for (int i = 0; i < strings.size(); i++) {
      stringIds.putIfAbsent(strings.get(i), i);
    }
    String clients = clients(loaded.clientOps(), strings, stringIds);
    b.append("],\"strings\":[");
    for (int i = 0; i < strings.size(); i++) {
      b.append(i == 0 ? "" : ",");
      Json.quote(strings.get(i), b);
    }
    b.append("],\"chunks\":[");
    Base64.Encoder base64 = Base64.getEncoder();
    for (int c = 0; c < t.chunks(); c++) {
      b.append(c == 0 ? "[" : ",[").append(t.chunkFirstT(c)).append(',').append(t.chunkLastT(c)).append(",\"")
          .append(base64.encodeToString(t.chunkBytes(c))).append("\"]");
    }
    b.append("],\"checkpoints\":[");
    for (int c = 0; c < t.chunks(); c++) {
      b.append(c == 0 ? "" : ",");
      checkpoint(t.checkpoint(c), b);
    }
    b.append("],\"clients\":").append(clients);
    b.append(",\"verdict\":");
    verdict(loaded, b);
    b.append(",\"markers\":");
    markers(t, b);
    return b.append('}').toString();
  }

  /** The clients' operations in columns, commands and results as string numbers. */
  private static String clients(List<ClientOp> ops, List<String> strings, LinkedHashMap<String, Integer> ids) {
    StringBuilder op = new StringBuilder();
    StringBuilder client = new StringBuilder();
    StringBuilder start = new StringBuilder();
    StringBuilder end = new StringBuilder();
    StringBuilder outcome = new StringBuilder();
    StringBuilder command = new StringBuilder();
    StringBuilder result = new StringBuilder();
    List<String> outcomes = List.of("ok", "fail", "info", "pending");
    int clientCount = 0;
    for (int i = 0; i < ops.size(); i++) {
      ClientOp o = ops.get(i);
      String sep = i == 0 ? "" : ",";
      op.append(sep).append(o.opId());
      client.append(sep).append(o.client());
      start.append(sep).append(o.invokeT());
      end.append(sep).append(o.completeT());
      outcome.append(sep).append(Math.max(0, outcomes.indexOf(o.outcome())));
      command.append(sep).append(id(o.command(), strings, ids));
      result.append(sep).append(id(o.result(), strings, ids));
      clientCount = Math.max(clientCount, o.client());
    }
    return "{\"count\":" + clientCount + ",\"op\":[" + op + "],\"client\":[" + client + "],\"start\":[" + start
        + "],\"end\":[" + end + "],\"outcome\":[" + outcome + "],\"command\":[" + command + "],\"result\":[" + result + "]}";
  }

  private static int id(String s, List<String> strings, LinkedHashMap<String, Integer> ids) {
    Integer id = ids.get(s);
    if (id == null) {
      id = strings.size();
      strings.add(s);
      ids.put(s, id);
    }
    return id;
  }

  /**
   * [[role, term, votedFor, commit, applied, pausedUntil, base, baseTerm, last, [runs], [progress], voters, learners,
   * transferTo], ...], flights, links, membershipVaries. Voters and learners are bit sets of node ids.
   */
  private static void checkpoint(ClusterState s, StringBuilder b) {
    b.append("[[");
    for (int id = 1; id <= s.size(); id++) {
      NodeState n = s.node(id);
      TermRuns log = n.log();
      b.append(id == 1 ? "[" : ",[").append(n.role().ordinal()).append(',').append(n.currentTerm()).append(',')
          .append(n.votedFor()).append(',').append(n.commitIndex()).append(',').append(n.lastApplied()).append(',')
          .append(n.pausedUntil()).append(',').append(log.base()).append(',').append(log.baseTerm()).append(',')
          .append(log.lastIndex()).append(",[");
      for (int k = 0; k < log.runCount(); k++) {
        b.append(k == 0 ? "" : ",").append(log.runStart(k)).append(',').append(log.runTerm(k));
      }
      b.append("],[");
      for (int f = 1; f <= s.size(); f++) {
        b.append(f == 1 ? "" : ",").append(n.nextIndex(f)).append(',').append(n.matchIndex(f)).append(',')
            .append(n.mode(f).ordinal());
      }
      b.append("],").append(n.voters()).append(',').append(n.learners()).append(',').append(n.transferTo()).append(']');
    }
    b.append("],[");
    boolean first = true;
    for (var e : s.inFlight().entrySet()) {
      b.append(first ? "" : ",").append(e.getKey()).append(',').append(e.getValue());
      first = false;
    }
    b.append("],");
    Json.quote(s.links(), b);
    b.append(']');
  }

  private static void verdict(LoadedTrace loaded, StringBuilder b) {
    Verdict v = loaded.verdict();
    String word = v == null ? "none" : v.word();
    String detail = v == null ? "no client operations" : v instanceof Verdict.Undecided u ? u.reason()
        : v instanceof Verdict.NotLinearizable n ? String.join("\n", n.counterexample().render())
        : "every operation fits one order consistent with real time";
    b.append("{\"word\":\"").append(word).append("\",\"detail\":");
    Json.quote(detail, b);
    b.append(",\"ops\":").append(loaded.violatingOps().toString().replace(" ", "")).append('}');
  }

  /** [[seq, t, marker], ...] for the lines the timeline marks. */
  private static void markers(CompactTrace t, StringBuilder b) {
    List<String> kinds = List.of("role", "election", "crash", "restart", "partition", "isolate", "cut", "heal",
        "violation", "expect", "pause", "snapshot-installed");
    b.append('[');
    boolean first = true;
    for (int i = t.nextOfKind(-1, kinds); i >= 0; i = t.nextOfKind(i, kinds)) {
      TraceLine l = t.line(i);
      String marker = switch (l.kind()) {
        case "role" -> "leader".equals(l.str("role")) ? "leader" : null;
        case "partition", "isolate", "cut" -> "fault";
        case "expect" -> l.bool("ok") ? null : "failed-expectation";
        default -> l.kind();
      };
      if (marker != null) {
        b.append(first ? "[" : ",[").append(i).append(',').append(l.t()).append(',').append(MARKERS.indexOf(marker))
            .append(']');
        first = false;
      }
    }
    b.append(']');
  }
}
