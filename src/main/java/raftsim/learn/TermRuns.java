package raftsim.learn;

import java.util.Arrays;

/**
 * One node's log as the trace describes it: which term each entry has, stored as runs of equal terms
 * (a log's terms never decrease, so a long log is a handful of runs), after a compacted prefix that ends
 * at ({@code base}, {@code baseTerm}). Entries themselves (commands) are not kept: a reader of the trace
 * needs their terms, and the trace names the commands where clients send them.
 */
public final class TermRuns {
  private long base;
  private long baseTerm;
  private long last;
  /** Run k covers entries starts[k] .. starts[k+1]-1 (the last run up to {@link #last}), all of terms[k]. */
  private long[] starts = new long[4];
  private long[] terms = new long[4];
  private int count;

  public TermRuns() {}

  private TermRuns(TermRuns o) {
    base = o.base;
    baseTerm = o.baseTerm;
    last = o.last;
    starts = Arrays.copyOf(o.starts, Math.max(4, o.count));
    terms = Arrays.copyOf(o.terms, Math.max(4, o.count));
    count = o.count;
  }

  public TermRuns copy() {
    return new TermRuns(this);
  }

  /** The end of the compacted prefix (0 when nothing is compacted). */
  public long base() {
    return base;
  }

  public long baseTerm() {
    return baseTerm;
  }

  public long lastIndex() {
    return last;
  }

  public long lastTerm() {
    return count == 0 ? baseTerm : terms[count - 1];
  }

  /** The term at {@code index}; the prefix's term at {@link #base}; -1 outside the log. */
  public long termAt(long index) {
    if (index == base) {
      return baseTerm;
    }
    if (index < base || index > last) {
      return -1;
    }
    int k = run(index);
    return terms[k];
  }

  /** The run holding {@code index}, which lies in base+1..last. */
  private int run(long index) {
    int lo = 0;
    int hi = count - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= index) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Deletes the entries from {@code from} on (as a follower does with conflicting ones), then appends {@code from..to}, all of {@code term}. */
  public void append(long from, long to, long term) {
    truncateFrom(from);
    if (to < from || from != last + 1) {
      return; // nothing to add, or a gap the trace never describes: keep what is known
    }
    if (count > 0 && terms[count - 1] == term) {
      last = to;
      return;
    }
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, 2 * count);
      terms = Arrays.copyOf(terms, 2 * count);
    }
    starts[count] = from;
    terms[count] = term;
    count++;
    last = to;
  }

  /** Deletes the entries from {@code from} on. */
  public void truncateFrom(long from) {
    if (from > last) {
      return;
    }
    if (from <= base + 1) {
      count = 0;
      last = Math.max(base, Math.min(last, from - 1));
      return;
    }
    while (count > 0 && starts[count - 1] >= from) {
      count--;
    }
    last = from - 1;
  }

  /** Discards the entries up to {@code index} (term {@code term}) into the compacted prefix; the rest stays. */
  public void compact(long index, long term) {
    if (index <= base) {
      return;
    }
    if (index >= last) {
      reset(index, term);
      return;
    }
    int k = run(index + 1);
    // Runs before k end at or before index; run k now starts at index + 1.
    System.arraycopy(starts, k, starts, 0, count - k);
    System.arraycopy(terms, k, terms, 0, count - k);
    count -= k;
    starts[0] = index + 1;
    base = index;
    baseTerm = term;
  }

  /** Replaces the whole log by a compacted prefix up to {@code index} (term {@code term}) and no entries. */
  public void reset(long index, long term) {
    base = index;
    baseTerm = term;
    last = index;
    count = 0;
  }

  /** How many runs the log has after its prefix. */
  public int runCount() {
    return count;
  }

  public long runStart(int k) {
    return starts[k];
  }

  public long runTerm(int k) {
    return terms[k];
  }

  /** The runs as text, {@code [from,term] ...}, for tests and debugging. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("base ").append(base).append('/').append(baseTerm).append(" last ").append(last);
    for (int k = 0; k < count; k++) {
      b.append(" [").append(starts[k]).append(',').append(terms[k]).append(']');
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TermRuns r) || r.base != base || r.baseTerm != baseTerm || r.last != last || r.count != count) {
      return false;
    }
    for (int k = 0; k < count; k++) {
      if (r.starts[k] != starts[k] || r.terms[k] != terms[k]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(last) * 31 + count;
  }
}
