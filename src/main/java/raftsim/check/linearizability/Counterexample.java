package raftsim.check.linearizability;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a history is not linearizable, for a person: in one partition, the longest prefix of operations the search
 * could linearize, the model state after it, the operations that cannot come next, and a timeline around them.
 *
 * @param partition the partition (a key; "" when the model has only one)
 * @param partitionOperations how many operations the partition has
 * @param prefix the longest linearizable prefix found, in linearization order
 * @param stateAfterPrefix the model state after that prefix
 * @param cannotLinearize operations that had to be linearized next, none of which can be
 * @param timeline an ASCII timeline, one row per client, of the prefix's last operations and the stuck ones
 */
public record Counterexample(
    String partition,
    int partitionOperations,
    List<OperationView> prefix,
    String stateAfterPrefix,
    List<StuckOperation> cannotLinearize,
    List<String> timeline) {

  /** How many prefix operations {@link #render} lists; the JSON report has them all. */
  static final int PREFIX_SHOWN = 20;

  /** One operation as a report shows it. */
  public record OperationView(long opId, int clientId, String description, int invokeLine, int completeLine) {
    /** E.g. {@code #7 client 3: GET k1 -> VALUE a (lines 12-15)}. */
    public String render() {
      String lines = completeLine > 0 ? "lines " + invokeLine + "-" + completeLine : "line " + invokeLine + "-";
      return "#" + opId + " client " + clientId + ": " + description + " (" + lines + ")";
    }
  }

  /** An operation that cannot be linearized next, and why. */
  public record StuckOperation(OperationView operation, String why) {}

  public Counterexample {
    prefix = List.copyOf(prefix);
    cannotLinearize = List.copyOf(cannotLinearize);
    timeline = List.copyOf(timeline);
  }

  /** The counterexample as indented lines of text. */
  public List<String> render() {
    List<String> out = new ArrayList<>();
    String where = partition.isEmpty() ? "the history" : "key " + partition;
    out.add("in " + where + " (" + partitionOperations + " operations), the longest linearizable prefix has "
        + prefix.size() + " operations:");
    int skipped = Math.max(0, prefix.size() - PREFIX_SHOWN);
    if (skipped > 0) {
      out.add("  ... " + skipped + " earlier operations (--json lists them all)");
    }
    for (int i = skipped; i < prefix.size(); i++) {
      out.add("  " + prefix.get(i).render());
    }
    out.add("state after the prefix: " + stateAfterPrefix);
    out.add("none of these can be linearized next:");
    for (StuckOperation s : cannotLinearize) {
      out.add("  " + s.operation().render() + ": " + s.why());
    }
    out.add("timeline (* in the prefix, ! cannot be linearized next, > never completed):");
    for (String row : timeline) {
      out.add("  " + row);
    }
    return out;
  }
}
