package raftsim.check.linearizability;

import java.util.Arrays;

/** A trie of written values, each naming the operation that wrote it, for splitting read values into writes. */
final class TokenTrie {
  /** {@link #operationAt} of a node where no value ends. */
  static final int NONE = -1;
  /** {@link #operationAt} of a node where a value ends that several operations wrote. */
  static final int AMBIGUOUS = -2;

  private char[] label = new char[64];
  private int[] firstChild = new int[64];
  private int[] nextSibling = new int[64];
  private int[] operation = new int[64];
  private int size = 1; // node 0 is the root

  TokenTrie() {
    firstChild[0] = -1;
    nextSibling[0] = -1;
    operation[0] = NONE;
  }

  /** Adds {@code token} (non-empty) written by operation {@code op} (or {@link #AMBIGUOUS}). */
  void add(String token, int op) {
    int node = 0;
    for (int i = 0; i < token.length(); i++) {
      node = childOrNew(node, token.charAt(i));
    }
    operation[node] = op;
  }

  /** The child of {@code node} labelled {@code c}, or -1. */
  int child(int node, char c) {
    for (int ch = firstChild[node]; ch >= 0; ch = nextSibling[ch]) {
      if (label[ch] == c) {
        return ch;
      }
    }
    return -1;
  }

  /** The operation whose token ends at {@code node}, {@link #AMBIGUOUS}, or {@link #NONE}. */
  int operationAt(int node) {
    return operation[node];
  }

  private int childOrNew(int node, char c) {
    int found = child(node, c);
    if (found >= 0) {
      return found;
    }
    if (size == label.length) {
      int n = size * 2;
      label = Arrays.copyOf(label, n);
      firstChild = Arrays.copyOf(firstChild, n);
      nextSibling = Arrays.copyOf(nextSibling, n);
      operation = Arrays.copyOf(operation, n);
    }
    int created = size++;
    label[created] = c;
    firstChild[created] = -1;
    operation[created] = NONE;
    nextSibling[created] = firstChild[node];
    firstChild[node] = created;
    return created;
  }
}
