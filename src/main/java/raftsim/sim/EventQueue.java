package raftsim.sim;

/**
 * The simulator's event queue, ordered by (time, sequence). It removes an arbitrary event, which is how
 * a node's timer is moved or a crashed node's disk writes are cancelled without leaving dead events to pop.
 *
 * <p>Almost every event fires less than a second after it is scheduled (message delays, disk syncs,
 * timers), so those wait in a timing wheel: one bucket per millisecond of the next {@link #WHEEL_MS},
 * each bucket a circular list linked through the events themselves. Adding, removing and taking the
 * earliest are then O(1), and they store few references into long-lived arrays, which the garbage
 * collector makes costly. Any other event (further ahead, or behind the wheel) goes to an overflow heap,
 * and {@link #poll} takes whichever of the two earliest events comes first.
 *
 * <p>Why the order is exact: the wheel covers the times {@code [base, base + WHEEL_MS)}, where
 * {@code base} is the time of the latest event taken, so one bucket holds one time only, and its events
 * are in sequence order because each is appended with a sequence number above all before it. Events
 * never move from the heap to the wheel: the heap's earliest event is compared with the wheel's by
 * (time, sequence), so one scheduled long ago for the same millisecond still goes first.
 */
final class EventQueue {
  /** How far ahead of the clock the wheel reaches, in ms: past the default election timeouts. A power of two. */
  static final int WHEEL_MS = 1024;
  /** {@link SimEvent#heapIndex} of an event in the wheel: not a heap slot, but not negative (queued). */
  static final int IN_WHEEL = Integer.MAX_VALUE;
  private static final int MASK = WHEEL_MS - 1;
  private static final int WORDS = WHEEL_MS / 64;

  /** The first event of each millisecond's bucket (time & MASK), or null; its prev is the bucket's last. */
  private final SimEvent[] buckets = new SimEvent[WHEEL_MS];
  /** One bit per bucket, set while it holds events: finding the next one skips 64 empty ones at a time. */
  private final long[] occupied = new long[WORDS];
  private final EventHeap overflow = new EventHeap();
  /** Every event in the wheel has a time in [base, base + WHEEL_MS). */
  private long base;
  private int inWheel;
  private long nextSeq;

  boolean isEmpty() {
    return inWheel == 0 && overflow.isEmpty();
  }

  int size() {
    return inWheel + overflow.size();
  }

  /** The time of the earliest event; the queue must not be empty. */
  long peekTime() {
    return first().time;
  }

  /** Queues {@code e} at {@code time}, after everything already queued for that time. */
  void add(SimEvent e, long time) {
    if (e.heapIndex >= 0) {
      throw new IllegalStateException("event already queued");
    }
    e.time = time;
    e.seq = nextSeq++;
    long ahead = time - base;
    if (ahead >= 0 && ahead < WHEEL_MS) {
      link(e);
    } else {
      overflow.add(e);
    }
  }

  /** Removes and returns the earliest event; the queue must not be empty. */
  SimEvent poll() {
    SimEvent e = first();
    if (e.heapIndex == IN_WHEEL) {
      unlink(e);
    } else {
      overflow.remove(e);
    }
    // Every event left is at e.time or later, so the wheel's window may start there.
    base = Math.max(base, e.time);
    return e;
  }

  /** Removes {@code e} if it is queued; returns whether it was. */
  boolean remove(SimEvent e) {
    if (e.heapIndex < 0) {
      return false;
    }
    if (e.heapIndex == IN_WHEEL) {
      unlink(e);
    } else {
      overflow.remove(e);
    }
    return true;
  }

  /** The earliest event, left queued; the queue must not be empty. */
  private SimEvent first() {
    SimEvent fromHeap = overflow.peek();
    if (inWheel == 0) {
      return fromHeap;
    }
    SimEvent fromWheel = wheelFirst();
    if (fromHeap != null && EventHeap.before(fromHeap.time, fromHeap.seq, fromWheel.time, fromWheel.seq)) {
      return fromHeap;
    }
    return fromWheel;
  }

  /** The first event of the first occupied bucket from base's on, going round once; the wheel is not empty. */
  private SimEvent wheelFirst() {
    int start = (int) base & MASK;
    int word = start >>> 6;
    long bits = occupied[word] & (-1L << start); // the shift counts modulo 64: skips buckets before base's
    while (bits == 0) {
      word = (word + 1) & (WORDS - 1);
      bits = occupied[word]; // back at the first word, its low bits are the wheel's far end
    }
    return buckets[(word << 6) | Long.numberOfTrailingZeros(bits)];
  }

  private void link(SimEvent e) {
    int b = (int) e.time & MASK;
    SimEvent head = buckets[b];
    if (head == null) {
      e.prev = e;
      e.next = e;
      buckets[b] = e;
      occupied[b >>> 6] |= 1L << b;
    } else {
      SimEvent tail = head.prev;
      e.prev = tail;
      e.next = head;
      tail.next = e;
      head.prev = e;
    }
    e.heapIndex = IN_WHEEL;
    inWheel++;
  }

  private void unlink(SimEvent e) {
    int b = (int) e.time & MASK;
    if (e.next == e) {
      buckets[b] = null;
      occupied[b >>> 6] &= ~(1L << b);
    } else {
      e.prev.next = e.next;
      e.next.prev = e.prev;
      if (buckets[b] == e) {
        buckets[b] = e.next;
      }
    }
    e.prev = null;
    e.next = null;
    e.heapIndex = -1;
    inWheel--;
  }
}
