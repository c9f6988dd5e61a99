package raftsim.sim;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by (time, sequence), whose keys the caller has already set.
 * Unlike {@link java.util.PriorityQueue} it removes an arbitrary event in O(log n): each event knows its
 * slot ({@link SimEvent#heapIndex}). The keys live in primitive arrays beside the events, so comparisons
 * never chase a pointer.
 *
 * <p>The {@link EventQueue} keeps here only the events its timing wheel cannot hold, which are few.
 */
final class EventHeap {
  private SimEvent[] heap = new SimEvent[64];
  private long[] times = new long[64];
  private long[] seqs = new long[64];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  /** The earliest event, or null when empty; it stays queued. */
  SimEvent peek() {
    return size == 0 ? null : heap[0];
  }

  /** Adds {@code e}, whose time and sequence are set. */
  void add(SimEvent e) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
      times = Arrays.copyOf(times, size * 2);
      seqs = Arrays.copyOf(seqs, size * 2);
    }
    siftUp(size++, e);
  }

  /** Removes and returns the earliest event; the heap must not be empty. */
  SimEvent poll() {
    SimEvent top = heap[0];
    removeAt(0);
    return top;
  }

  /** Removes {@code e}, which must be in this heap. */
  void remove(SimEvent e) {
    removeAt(e.heapIndex);
  }

  private void removeAt(int i) {
    heap[i].heapIndex = -1;
    size--;
    SimEvent last = heap[size];
    heap[size] = null;
    if (i == size) {
      return;
    }
    siftDown(i, last);
    if (heap[i] == last) {
      siftUp(i, last);
    }
  }

  /** Places {@code e} at slot {@code i} or above, moving later parents down. */
  private void siftUp(int i, SimEvent e) {
    long t = e.time;
    long s = e.seq;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(t, s, times[parent], seqs[parent])) {
        break;
      }
      put(i, heap[parent], times[parent], seqs[parent]);
      i = parent;
    }
    put(i, e, t, s);
  }

  /** Places {@code e} at slot {@code i} or below, moving earlier children up. */
  private void siftDown(int i, SimEvent e) {
    long t = e.time;
    long s = e.seq;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && before(times[right], seqs[right], times[child], seqs[child])) {
        child = right;
      }
      if (!before(times[child], seqs[child], t, s)) {
        break;
      }
      put(i, heap[child], times[child], seqs[child]);
      i = child;
    }
    put(i, e, t, s);
  }

  static boolean before(long t1, long s1, long t2, long s2) {
    return t1 < t2 || (t1 == t2 && s1 < s2);
  }

  private void put(int i, SimEvent e, long t, long s) {
    heap[i] = e;
    times[i] = t;
    seqs[i] = s;
    e.heapIndex = i;
  }
}
