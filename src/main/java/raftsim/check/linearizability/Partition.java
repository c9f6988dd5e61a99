package raftsim.check.linearizability;

import java.util.List;
import raftsim.check.history.Operation;

/**
 * The operations of one partition, ready for the search: index i is the i-th operation in invocation order.
 * Failed operations (never applied) and indeterminate read-only ones (they constrain nothing) are already left out.
 *
 * @param key the partition's name (a key; "" when the model has one partition)
 * @param operations the operations as recorded
 * @param commands their parsed commands
 * @param results their parsed results; null for an indeterminate operation, which may take effect at any point
 *     after its invocation, or never
 */
record Partition<I, O>(String key, List<Operation> operations, List<I> commands, List<O> results) {

  int size() {
    return operations.size();
  }

  /** True when operation {@code i} completed with a result and so must be linearized before its completion. */
  boolean isDefinite(int i) {
    return results.get(i) != null;
  }
}
