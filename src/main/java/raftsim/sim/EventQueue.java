package raftsim.sim;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by (time, sequence). Unlike {@link java.util.PriorityQueue} it
 * removes an arbitrary event in O(log n), which is how a node's timer is moved or a crashed node's
 * disk writes are cancelled without leaving dead events to pop.
 */
final class EventQueue {
  private SimEvent[] heap = new SimEvent[256];
  private int size;
  private long nextSeq;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  SimEvent peek() {
    return size == 0 ? null : heap[0];
  }

  /** Queues {@code e} at {@code time}, after everything already queued for that time. */
  void add(SimEvent e, long time) {
    if (e.heapIndex >= 0) {
      throw new IllegalStateException("event already queued");
    }
    e.time = time;
    e.seq = nextSeq++;
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = e;
    e.heapIndex = size;
    size++;
    siftUp(e.heapIndex);
  }

  SimEvent poll() {
    SimEvent top = heap[0];
    removeAt(0);
    return top;
  }

  /** Removes {@code e} if it is queued; returns whether it was. */
  boolean remove(SimEvent e) {
    if (e.heapIndex < 0) {
      return false;
    }
    removeAt(e.heapIndex);
    return true;
  }

  private void removeAt(int i) {
    SimEvent gone = heap[i];
    size--;
    SimEvent last = heap[size];
    heap[size] = null;
    gone.heapIndex = -1;
    if (i == size) {
      return;
    }
    heap[i] = last;
    last.heapIndex = i;
    siftDown(i);
    if (heap[i] == last) {
      siftUp(i);
    }
  }

  private void siftUp(int i) {
    SimEvent e = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      SimEvent p = heap[parent];
      if (!e.before(p)) {
        break;
      }
      heap[i] = p;
      p.heapIndex = i;
      i = parent;
    }
    heap[i] = e;
    e.heapIndex = i;
  }

  private void siftDown(int i) {
    SimEvent e = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      SimEvent c = heap[child];
      int right = child + 1;
      if (right < size && heap[right].before(c)) {
        child = right;
        c = heap[child];
      }
      if (!c.before(e)) {
        break;
      }
      heap[i] = c;
      c.heapIndex = i;
      i = child;
    }
    heap[i] = e;
    e.heapIndex = i;
  }
}
