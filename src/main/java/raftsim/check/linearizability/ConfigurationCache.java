package raftsim.check.linearizability;

import java.util.Arrays;

/**
 * The set of search configurations already visited: (operations linearized, model state, last write). Lowe 2017:
 * two paths that reach the same configuration have the same futures, so the second need not be explored. Stored in
 * flat arrays with open addressing: millions of small entries without an object per entry.
 */
final class ConfigurationCache {
  private final int words;
  private int[] table = new int[1 << 10]; // entry index + 1; 0 is an empty slot
  private long[] hashes = new long[256];
  private long[] sets;
  private Object[] states = new Object[256];
  private int[] lastWrites = new int[256];
  private int size;

  ConfigurationCache(int words) {
    this.words = words;
    this.sets = new long[256 * words];
  }

  /** Bytes this cache holds per entry, states aside. */
  long bytesPerEntry() {
    return 8 + 8L * words + 4 + 4 + 2 * 4;
  }

  int size() {
    return size;
  }

  /** Adds a configuration; false when it was already there. {@code setHash} must be a hash of {@code set}. */
  boolean add(long[] set, long setHash, Object state, int lastWrite) {
    long h = setHash ^ mix(state.hashCode() + 0x9E3779B97F4A7C15L * (lastWrite + 2));
    int mask = table.length - 1;
    int slot = (int) mix(h) & mask;
    while (table[slot] != 0) {
      int e = table[slot] - 1;
      if (hashes[e] == h && lastWrites[e] == lastWrite && sameSet(e, set) && states[e].equals(state)) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    if (size == hashes.length) {
      int n = size * 2;
      hashes = Arrays.copyOf(hashes, n);
      sets = Arrays.copyOf(sets, n * words);
      states = Arrays.copyOf(states, n);
      lastWrites = Arrays.copyOf(lastWrites, n);
    }
    hashes[size] = h;
    System.arraycopy(set, 0, sets, size * words, words);
    states[size] = state;
    lastWrites[size] = lastWrite;
    table[slot] = ++size;
    if (size * 2 > table.length) {
      rehash();
    }
    return true;
  }

  private boolean sameSet(int e, long[] set) {
    int base = e * words;
    for (int w = 0; w < words; w++) {
      if (sets[base + w] != set[w]) {
        return false;
      }
    }
    return true;
  }

  private void rehash() {
    table = new int[table.length * 2];
    int mask = table.length - 1;
    for (int e = 0; e < size; e++) {
      int slot = (int) mix(hashes[e]) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = e + 1;
    }
  }

  /** The SplitMix64 finaliser: spreads every input bit over the whole word. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
