package raftsim.check;

import java.util.Arrays;

/** A list of primitive longs that only grows: no boxing for per-index bookkeeping. */
final class GrowableLongs {
  private long[] values = new long[1024];
  private int size;

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  long get(long i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("index " + i + " of " + size);
    }
    return values[(int) i];
  }

  int size() {
    return size;
  }
}
