package raftsim.check.linearizability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import raftsim.check.history.History;
import raftsim.check.history.Operation;
import raftsim.check.history.Outcome;

/**
 * Splits a history by the model's partition function. A history is linearizable exactly when each partition's
 * sub-history is (locality, Herlihy &amp; Wing 1990; P-compositionality, Horn &amp; Kroening 2015), so partitions
 * are searched independently: much smaller searches, and in parallel.
 */
final class Partitioner {
  private Partitioner() {}

  /** The partitions of {@code history}, sorted by key so that reports never depend on hash order. */
  static <I, O, S> List<Partition<I, O>> partition(History history, Model<I, O, S> model) {
    Map<String, Builder<I, O>> byKey = new TreeMap<>();
    for (Operation op : history.operations()) {
      if (op.outcome() == Outcome.FAIL) {
        continue; // certainly never applied: it cannot have influenced anything
      }
      I command;
      O result = null;
      try {
        command = model.parseCommand(op.command());
        if (op.outcome() == Outcome.OK) {
          result = model.parseResult(command, op.completion());
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "operation " + op.opId() + " (line " + op.invokeLine() + "): " + e.getMessage(), e);
      }
      if (result == null && model.isReadOnly(command, null)) {
        continue; // an indeterminate read: nobody saw its value, so any linearization can take it
      }
      byKey.computeIfAbsent(model.partitionOf(command), k -> new Builder<>()).add(op, command, result);
    }
    List<Partition<I, O>> partitions = new ArrayList<>();
    byKey.forEach((key, b) -> partitions.add(new Partition<>(key, b.ops, b.commands, b.results)));
    return partitions;
  }

  private static final class Builder<I, O> {
    final List<Operation> ops = new ArrayList<>();
    final List<I> commands = new ArrayList<>();
    final List<O> results = new ArrayList<>();

    void add(Operation op, I command, O result) {
      ops.add(op);
      commands.add(command);
      results.add(result);
    }
  }
}
