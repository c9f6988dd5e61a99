package raftsim.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import raftsim.check.history.History;
import raftsim.trace.TraceLine;

/**
 * Gathers the clients' history out of a trace's client-invoke and client-complete lines: for the viewer,
 * and for the linearizability checker, which then judges a trace file as it judged the run.
 */
final class ClientHistoryReader {
  private final History.Builder history = new History.Builder();
  private final List<ClientOp> ops = new ArrayList<>();
  /** Op id → position in {@link #ops}, for operations not completed yet. */
  private final TreeMap<Long, Integer> open = new TreeMap<>();

  /** Takes in one line; throws IllegalArgumentException, with the reason, when it does not fit the history. */
  void add(TraceLine l) {
    if (l.kind().equals("client-invoke")) {
      long op = l.num("op");
      int client = l.node("client");
      String command = String.valueOf(l.str("command"));
      history.invoke(op, client, l.t(), command);
      open.put(op, ops.size());
      ops.add(new ClientOp(op, client, l.t(), l.seq(), -1, -1, "pending", command, ""));
    } else if (l.kind().equals("client-complete")) {
      long op = l.num("op");
      int client = l.node("client");
      String outcome = String.valueOf(l.str("outcome"));
      String result = String.valueOf(l.str("result"));
      switch (outcome) {
        case "ok" -> history.ok(op, client, l.t(), result);
        case "fail" -> history.fail(op, client, l.t(), result);
        default -> history.info(op, client, l.t(), result);
      }
      Integer at = open.remove(op);
      if (at != null) {
        ops.set(at, ops.get(at).completed(l.t(), l.seq(), outcome, result));
      }
    }
  }

  History history() {
    return history.build();
  }

  List<ClientOp> ops() {
    return List.copyOf(ops);
  }
}
