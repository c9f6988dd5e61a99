package raftsim.check.linearizability;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The search for a linearization of one partition: Wing &amp; Gong's backtracking search (1993) in the form Lowe
 * gives it (2017, "just-in-time linearization"), with his cache of visited configurations.
 *
 * <p>Calls and returns sit in one list in history order. The search walks it from the front: at a call it tries to
 * linearize that operation now (the model must accept its result); at a return it has met an operation that had to
 * be linearized already, so it undoes its last choice and tries the next candidate. Linearized operations are
 * unlinked from the list (dancing links), so the front always shows the operations still open. Indeterminate
 * operations have no return: they may be linearized at any later point, or never.
 *
 * <p>Two reductions on top, both sound and complete:
 * <ul>
 *   <li>A read-only operation (a read, a failed compare-and-set: it changes no state it can run in) that fits the
 *       current state can be linearized at once: moving it to the front of any linearization that exists keeps that
 *       linearization valid. So the search takes it without branching, and if what follows fails, the configuration
 *       before it fails too. (This does not hold for a write that merely changes nothing in the current state: moved
 *       earlier, it would no longer have its effect where it was.)
 *   <li>An indeterminate operation that would change nothing now is never needed now: leaving it out keeps every
 *       linearization valid.
 *   <li>Indeterminate operations with the same command are interchangeable (none has a return that pins it), so
 *       they are only linearized in invocation order.
 * </ul>
 * At each configuration the definite candidates are tried before the indeterminate ones: those may never take
 * effect, so a linearization, when there is one, is usually found without them.
 * With a {@link WriteOrder}, writes are only tried in the order the reads revealed, and states holding a value no
 * read returned are merged (see {@link #POISONED}).
 */
final class LinearizationSearch<I, O, S> {
  private static final int CHECK_EVERY = 1 << 10;

  /** Outcomes of {@link #tryLinearize}. */
  private static final int SKIPPED = 0;
  private static final int LINEARIZED = 1;
  private static final int DEAD = 2;

  /**
   * The state after a write whose value no read ever returned, until a SET or reset. Every such state fails every
   * read, and a SET or reset leaves the same state whatever came before, so all of them have the same futures and
   * the cache may treat them as one (with a {@link WriteOrder} only).
   */
  private static final Object POISONED = new Object() {
    @Override
    public String toString() {
      return "poisoned";
    }
  };

  private final Model<I, O, S> model;
  private final Partition<I, O> partition;
  private final WriteOrder order;
  private final SearchLimits limits;

  private final int ops;
  private final int head;
  private final int[] next;
  private final int[] prev;
  private final int[] opOf;
  private final int[] returnOf;
  private final long[] opKey;
  private final boolean[] readOnly;
  /** For an indeterminate operation, the last one invoked before it with the same command text, or -1. */
  private final int[] twinBefore;

  // The search's position, kept between slices.
  private final ConfigurationCache cache;
  private final long[] linearized;
  private long setHash;
  private Object state;
  private int lastWrite = -1;
  private int remaining;
  private int depth;
  private final int[] stackEntry;
  private final Object[] stackState;
  private final int[] stackLastWrite;
  private final boolean[] stackForced;
  private final boolean[] stackPhase;
  /** False while the scan tries definite candidates, true while it tries indeterminate ones. */
  private boolean indeterminatePhase;
  private int[] bestPrefix = new int[0];
  private int entry;
  private long steps;
  private long unreportedBytes;

  LinearizationSearch(
      Model<I, O, S> model, Partition<I, O> partition, WriteOrder order, SearchLimits limits) {
    this.model = model;
    this.partition = partition;
    this.order = order;
    this.limits = limits;
    this.ops = partition.size();

    // Entries in history order. Call entry of op i: 2i; return entry: 2i + 1 (definite ops only).
    long[] byPosition = new long[2 * ops];
    int count = 0;
    for (int i = 0; i < ops; i++) {
      byPosition[count++] = ((long) partition.operations().get(i).invokeIndex() << 32) | (2L * i);
      if (partition.isDefinite(i)) {
        byPosition[count++] = ((long) partition.operations().get(i).completeIndex() << 32) | (2L * i + 1);
      }
    }
    Arrays.sort(byPosition, 0, count);
    int entries = 2 * ops;
    head = entries;
    next = new int[entries + 1];
    prev = new int[entries + 1];
    opOf = new int[entries];
    returnOf = new int[entries];
    Arrays.fill(returnOf, -1);
    int last = head;
    for (int k = 0; k < count; k++) {
      int entry = (int) byPosition[k];
      opOf[entry] = entry >> 1;
      next[last] = entry;
      prev[entry] = last;
      last = entry;
    }
    next[last] = -1;
    for (int i = 0; i < ops; i++) {
      if (partition.isDefinite(i)) {
        returnOf[2 * i] = 2 * i + 1;
      }
    }
    // Zobrist keys: the hash of a set of operations is the XOR of its members' keys, kept up to date in O(1).
    opKey = new long[ops];
    for (int i = 0; i < ops; i++) {
      opKey[i] = ConfigurationCache.mix(0x5DEECE66DL + i);
    }
    readOnly = new boolean[ops];
    for (int i = 0; i < ops; i++) {
      readOnly[i] = partition.isDefinite(i)
          && model.isReadOnly(partition.commands().get(i), partition.results().get(i));
    }
    twinBefore = new int[ops];
    Map<String, Integer> lastIndeterminate = new HashMap<>();
    for (int i = 0; i < ops; i++) {
      twinBefore[i] = -1;
      if (!partition.isDefinite(i)) {
        Integer twin = lastIndeterminate.put(partition.operations().get(i).command(), i);
        twinBefore[i] = twin == null ? -1 : twin;
      }
    }
    int words = Math.max(1, (ops + 63) >>> 6);
    cache = new ConfigurationCache(words);
    linearized = new long[words];
    state = model.initialState();
    for (int i = 0; i < ops; i++) {
      remaining += partition.isDefinite(i) ? 1 : 0;
    }
    stackEntry = new int[ops];
    stackState = new Object[ops];
    stackLastWrite = new int[ops];
    stackForced = new boolean[ops];
    stackPhase = new boolean[ops];
    entry = next[head];
  }

  private static boolean isCall(int entry) {
    return (entry & 1) == 0;
  }

  /** Unlinks a call entry and its return entry. */
  private void lift(int entry) {
    unlink(entry);
    int r = returnOf[entry];
    if (r >= 0) {
      unlink(r);
    }
  }

  /** Undoes {@link #lift}, in reverse order. */
  private void unlift(int entry) {
    int r = returnOf[entry];
    if (r >= 0) {
      relink(r);
    }
    relink(entry);
  }

  private void unlink(int e) {
    next[prev[e]] = next[e];
    if (next[e] >= 0) {
      prev[next[e]] = prev[e];
    }
  }

  private void relink(int e) {
    next[prev[e]] = e;
    if (next[e] >= 0) {
      prev[next[e]] = e;
    }
  }

  /**
   * Searches on for at most {@code maxSteps} steps (a step looks at one entry of the list or undoes one choice), so
   * that partitions can take turns deterministically.
   */
  SearchOutcome run(long maxSteps) {
    long stepsLeft = maxSteps;
    while (remaining > 0) {
      if (--stepsLeft < 0) {
        return new SearchOutcome.Paused();
      }
      if (++steps % CHECK_EVERY == 0) {
        limits.addCacheBytes(unreportedBytes);
        unreportedBytes = 0;
        String reason = limits.stopReason();
        if (reason != null) {
          return new SearchOutcome.Stopped(reason);
        }
      }
      if (entry >= 0 && isCall(entry)) {
        int op = opOf[entry];
        int tried = partition.isDefinite(op) == indeterminatePhase ? SKIPPED : tryLinearize(op);
        if (tried == SKIPPED) {
          entry = next[entry];
          continue;
        }
        if (tried == LINEARIZED) {
          continue;
        }
        // DEAD: fall through and backtrack.
      }
      if (!indeterminatePhase) {
        // Every definite candidate has been tried; now the indeterminate ones invoked before this return.
        indeterminatePhase = true;
        entry = next[head];
        continue;
      }
      // An operation had to be linearized before this return (or this configuration is known to fail): undo
      // choices until one had an alternative.
      if (!backtrack()) {
        return new SearchOutcome.Violated(bestPrefix);
      }
    }
    limits.addCacheBytes(unreportedBytes);
    unreportedBytes = 0;
    return new SearchOutcome.Linearized();
  }

  /**
   * Tries to linearize {@code op} now: {@link #LINEARIZED} (the scan restarts at the front), {@link #SKIPPED} (try
   * the next candidate), or {@link #DEAD} when {@code op} is one the search takes without branching and the
   * configuration it leads to is known to fail: since taking it now loses nothing, the current one fails as well.
   */
  private int tryLinearize(int op) {
    int twin = twinBefore[op];
    if (twin >= 0 && (linearized[twin >>> 6] & (1L << twin)) == 0) {
      return SKIPPED; // its earlier twin goes first
    }
    if (order != null && order.isUnread(op) && !partition.isDefinite(op)) {
      // Taking effect, it would only stop every read until the next SET or reset: leaving it out loses nothing.
      return SKIPPED;
    }
    Object after = next(state, op);
    if (after == null || (order != null && !order.allows(lastWrite, op))) {
      return SKIPPED;
    }
    int writeAfter = order == null ? -1 : order.lastWriteAfter(lastWrite, op);
    if (!partition.isDefinite(op) && writeAfter == lastWrite && after.equals(state)) {
      return SKIPPED; // leaving it out now loses nothing
    }
    linearized[op >>> 6] |= 1L << op;
    setHash ^= opKey[op];
    // A read-only operation, or an unread write on a poisoned state (it leaves the state poisoned, and moved to the
    // front of any linearization it keeps that linearization valid), is taken without branching.
    boolean forced = readOnly[op] || (state == POISONED && order.isUnread(op) && partition.isDefinite(op));
    if (cache.add(linearized, setHash, after, writeAfter)) {
      push(op, after, writeAfter, forced);
      return LINEARIZED;
    }
    linearized[op >>> 6] &= ~(1L << op);
    setHash ^= opKey[op];
    return forced ? DEAD : SKIPPED;
  }

  /** The search state after {@code op} in {@code current}, or null when the model rejects its result there. */
  private Object next(Object current, int op) {
    I command = partition.commands().get(op);
    O result = partition.results().get(op);
    if (current == POISONED) {
      // Only a write that replaces the whole value can clean the state; every read fails, appends keep it poisoned.
      if (!order.isWrite(op)) {
        return null;
      }
      if (order.isAppend(op)) {
        return POISONED;
      }
      current = model.initialState();
    }
    @SuppressWarnings("unchecked")
    S s = (S) current;
    S after = result == null ? model.stepUnknown(s, command) : model.step(s, command, result);
    if (after != null && order != null && order.isUnread(op)) {
      return POISONED;
    }
    return after;
  }

  private void push(int op, Object after, int writeAfter, boolean forced) {
    stackEntry[depth] = entry;
    stackState[depth] = state;
    stackLastWrite[depth] = lastWrite;
    stackForced[depth] = forced;
    stackPhase[depth] = indeterminatePhase;
    depth++;
    unreportedBytes += cache.bytesPerEntry();
    if (after != state && after != POISONED) {
      @SuppressWarnings("unchecked")
      S s = (S) after;
      unreportedBytes += model.estimateBytes(s);
    }
    state = after;
    lastWrite = writeAfter;
    lift(entry);
    if (partition.isDefinite(op)) {
      remaining--;
    }
    if (depth > bestPrefix.length) {
      bestPrefix = new int[depth];
      for (int k = 0; k < depth; k++) {
        bestPrefix[k] = opOf[stackEntry[k]];
      }
    }
    entry = next[head];
    indeterminatePhase = false;
  }

  /** Undoes choices until one has an alternative left; false when none has (no linearization exists). */
  private boolean backtrack() {
    while (depth > 0) {
      depth--;
      int undone = stackEntry[depth];
      int op = opOf[undone];
      state = stackState[depth];
      stackState[depth] = null;
      lastWrite = stackLastWrite[depth];
      unlift(undone);
      linearized[op >>> 6] &= ~(1L << op);
      setHash ^= opKey[op];
      if (partition.isDefinite(op)) {
        remaining++;
      }
      if (!stackForced[depth]) {
        entry = next[undone];
        indeterminatePhase = stackPhase[depth];
        return true;
      }
    }
    return false;
  }
}
