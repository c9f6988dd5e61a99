package raftsim.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import raftsim.core.Payload;

/**
 * What Log Matching remembers: for every (index, term) ever written by any node, the payload and the
 * term of the entry before it, as first written.
 *
 * <p>A run writes hundreds of thousands of indices and keeps all of them, so the first term written at
 * each index, nearly always the only one, lives in three parallel arrays rather than in one object per
 * index: that is far less for the garbage collector to copy and scan. A further term at an index, which
 * only a leader change that overwrites uncommitted entries produces, goes to a small map.
 */
final class FirstWrites {
  /** One (index, term) as first written, for the terms after an index's first. */
  record Write(long term, long prevTerm, Payload payload) {}

  // Index i at position i - 1; a null payload marks an index nothing was written at yet (every entry has one).
  private long[] terms = new long[1024];
  private long[] prevTerms = new long[1024];
  private Payload[] payloads = new Payload[1024];
  private final TreeMap<Long, List<Write>> laterTerms = new TreeMap<>();

  /**
   * Checks a write of {@code payload} at ({@code index}, {@code term}) after an entry of {@code prevTerm}
   * against the first write of that (index, term), or records it as the first. Returns the first write
   * when this one differs from it in payload or previous term, else null.
   */
  Write check(long index, long term, long prevTerm, Payload payload) {
    int slot = slot(index);
    Payload first = payloads[slot];
    if (first == null) {
      terms[slot] = term;
      prevTerms[slot] = prevTerm;
      payloads[slot] = payload;
      return null;
    }
    if (terms[slot] == term) {
      return prevTerms[slot] == prevTerm && same(first, payload) ? null : new Write(term, prevTerms[slot], first);
    }
    List<Write> later = laterTerms.computeIfAbsent(index, i -> new ArrayList<>(1));
    for (int k = 0; k < later.size(); k++) {
      Write w = later.get(k);
      if (w.term() == term) {
        return w.prevTerm() == prevTerm && same(w.payload(), payload) ? null : w;
      }
    }
    later.add(new Write(term, prevTerm, payload));
    return null;
  }

  /** Payloads are records, equal when their components are; most checks compare an entry with itself. */
  static boolean same(Payload a, Payload b) {
    return a == b || a.equals(b);
  }

  /** The array position of {@code index}, grown to hold it. */
  private int slot(long index) {
    if (index < 1 || index > Integer.MAX_VALUE) {
      throw new IndexOutOfBoundsException("log index " + index);
    }
    int slot = (int) (index - 1);
    if (slot >= payloads.length) {
      int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(2L * payloads.length, slot + 1L));
      terms = Arrays.copyOf(terms, capacity);
      prevTerms = Arrays.copyOf(prevTerms, capacity);
      payloads = Arrays.copyOf(payloads, capacity);
    }
    return slot;
  }
}
