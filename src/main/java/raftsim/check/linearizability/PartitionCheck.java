package raftsim.check.linearizability;

/** The check of one partition, advanced a slice at a time until it has a verdict. */
final class PartitionCheck<I, O, S> {
  private final Model<I, O, S> model;
  private final Partition<I, O> partition;
  private final SearchLimits limits;
  private final int index;
  private WriteOrder order;
  private LinearizationSearch<I, O, S> search;
  private Verdict verdict;

  PartitionCheck(Model<I, O, S> model, Partition<I, O> partition, SearchLimits limits, int index) {
    this.model = model;
    this.partition = partition;
    this.limits = limits;
    this.index = index;
  }

  /** The partition's place in key order. */
  int index() {
    return index;
  }

  int size() {
    return partition.size();
  }

  /** The verdict for this partition, or null while undecided. */
  Verdict verdict() {
    return verdict;
  }

  /** Searches on for at most {@code steps} steps, unless a verdict is already known. */
  void advance(long steps) {
    if (verdict != null) {
      return;
    }
    if (search == null) {
      order = WriteOrder.derive(partition, model.stringWrites());
      search = new LinearizationSearch<>(model, partition, order, limits);
    }
    SearchOutcome outcome = search.run(steps);
    if (outcome instanceof SearchOutcome.Violated v) {
      verdict = new Verdict.NotLinearizable(new CounterexampleBuilder<>(model, partition, order).build(v.prefix()));
      search = null; // free the cache
    } else if (outcome instanceof SearchOutcome.Stopped s) {
      String where = partition.key().isEmpty() ? "" : " while checking key " + partition.key();
      verdict = new Verdict.Undecided(s.reason() + where);
      search = null;
    } else if (outcome instanceof SearchOutcome.Linearized) {
      verdict = new Verdict.Linearizable();
      search = null;
    }
  }
}
