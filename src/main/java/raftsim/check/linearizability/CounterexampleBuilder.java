package raftsim.check.linearizability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import raftsim.check.history.Operation;

/** Turns the search's longest linearizable prefix into a {@link Counterexample} a person can follow. */
final class CounterexampleBuilder<I, O, S> {
  /** How many of the prefix's last operations the timeline shows for context. */
  private static final int CONTEXT = 6;

  private final Model<I, O, S> model;
  private final Partition<I, O> partition;
  private final WriteOrder order;

  CounterexampleBuilder(Model<I, O, S> model, Partition<I, O> partition, WriteOrder order) {
    this.model = model;
    this.partition = partition;
    this.order = order;
  }

  /**
   * The counterexample for a search that linearized at most {@code prefix} (partition indices, in order). The operations that cannot come next are those invoked before the earliest completion among the
   * operations not yet linearized: one of them would have to be linearized next, and none can be.
   */
  Counterexample build(int[] prefix) {
    boolean[] done = new boolean[partition.size()];
    List<Counterexample.OperationView> prefixViews = new ArrayList<>();
    S state = model.initialState();
    int lastWrite = -1;
    for (int op : prefix) {
      done[op] = true;
      prefixViews.add(view(op));
      state = apply(state, op);
      lastWrite = order != null ? order.lastWriteAfter(lastWrite, op) : -1;
    }
    int firstReturn = Integer.MAX_VALUE;
    for (int i = 0; i < partition.size(); i++) {
      if (!done[i] && partition.isDefinite(i)) {
        firstReturn = Math.min(firstReturn, partition.operations().get(i).completeIndex());
      }
    }
    List<Counterexample.StuckOperation> stuck = new ArrayList<>();
    List<Timeline.Span> spans = new ArrayList<>();
    for (int k = Math.max(0, prefix.length - CONTEXT); k < prefix.length; k++) {
      spans.add(span("*", prefix[k]));
    }
    for (int i = 0; i < partition.size(); i++) {
      Operation op = partition.operations().get(i);
      if (done[i] || !partition.isDefinite(i) || op.invokeIndex() > firstReturn) {
        continue;
      }
      stuck.add(new Counterexample.StuckOperation(view(i), why(state, lastWrite, i)));
      spans.add(span("!", i));
    }
    return new Counterexample(partition.key(), partition.size(), prefixViews, model.describeState(state), stuck,
        Timeline.draw(spans));
  }

  private S apply(S state, int op) {
    O result = partition.results().get(op);
    I command = partition.commands().get(op);
    return result == null ? model.stepUnknown(state, command) : model.step(state, command, result);
  }

  private String why(S state, int lastWrite, int op) {
    if (apply(state, op) == null) {
      return "impossible when the state is " + model.describeState(state);
    }
    if (order != null && !order.allows(lastWrite, op)) {
      return "the values other reads returned place this write elsewhere";
    }
    return "possible here, but then the rest cannot be linearized";
  }

  private Counterexample.OperationView view(int i) {
    Operation op = partition.operations().get(i);
    I command = partition.commands().get(i);
    O result = partition.results().get(i);
    String outcome = result == null ? "? (" + op.outcome().name().toLowerCase(Locale.ROOT) + ")"
        : model.describeResult(command, result);
    return new Counterexample.OperationView(op.opId(), op.clientId(),
        model.describeCommand(command) + " -> " + outcome, op.invokeLine(), op.completeLine());
  }

  private Timeline.Span span(String mark, int i) {
    Operation op = partition.operations().get(i);
    int end = partition.isDefinite(i) ? op.completeIndex() : -1;
    return new Timeline.Span(mark + "#" + op.opId(), op.clientId(), op.invokeIndex(), end);
  }
}
