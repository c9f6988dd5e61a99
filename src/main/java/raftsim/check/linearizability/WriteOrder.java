package raftsim.check.linearizability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the reads of a partition say about its writes, as far as written values are unique.
 *
 * <p>Then the string a read returns is, when it splits in exactly one way (checked), the value of one SET (or
 * nothing) followed by the values of some APPENDs. (A value written by several operations names none of them; it
 * pins nothing, but the rest of its read still does.) A read can only see that string if those writes happened in that
 * order with no write between them: each adjacent pair (p, q) says "the write right after p is q". Such a fact
 * holds in every linearization there is, so the search may skip any order that breaks one without losing a
 * linearization; with many concurrent appends this cuts the search from all interleavings to the observed one.
 * (Where two reads disagree the history is not linearizable, and keeping either fact is still safe.)
 *
 * <p>Writes whose value no read returned are <em>unread</em>: once one is applied, no read can succeed until a SET
 * or reset, so the search merges all such states (see {@link LinearizationSearch}).
 *
 * <p>This is the read-from reasoning of Gibbons &amp; Korach 1997 and of Elle (Kingsbury &amp; Alvaro 2020),
 * applied as pruning inside the Wing &amp; Gong search, which stays the judge.
 */
final class WriteOrder {
  private final StringWrites.Effect[] effect;
  private final boolean[] unread;
  private final int[] predecessor;
  private final int[] successor;

  private WriteOrder(StringWrites.Effect[] effect, boolean[] unread, int[] predecessor, int[] successor) {
    this.effect = effect;
    this.unread = unread;
    this.predecessor = predecessor;
    this.successor = successor;
  }

  /** True when operation {@code op} changes the string (SET, APPEND, RESET). */
  boolean isWrite(int op) {
    return effect[op] != StringWrites.Effect.READ;
  }

  /** True when operation {@code op} is an APPEND. */
  boolean isAppend(int op) {
    return effect[op] == StringWrites.Effect.APPEND;
  }

  /** True when {@code op} writes a value that no read can have returned. */
  boolean isUnread(int op) {
    return unread[op];
  }

  /** Whether write {@code op} may come next after {@code lastWrite} (-1: any write); true for non-writes. */
  boolean allows(int lastWrite, int op) {
    if (!isWrite(op)) {
      return true;
    }
    if (predecessor[op] >= 0 && predecessor[op] != lastWrite) {
      return false;
    }
    return lastWrite < 0 || successor[lastWrite] == op;
  }

  /**
   * The last write the search must remember after {@code op}: {@code op} itself when a read pinned its successor,
   * else -1, since then any write may follow and which one came last no longer matters.
   */
  int lastWriteAfter(int lastWrite, int op) {
    if (!isWrite(op)) {
      return lastWrite;
    }
    return successor[op] >= 0 ? op : -1;
  }

  /**
   * The write facts of {@code partition}, or null when there are none to use: the model has no string view, some
   * command is neither set, append, reset nor read, or no read pins a pair and no write is unread.
   */
  static <I, O> WriteOrder derive(Partition<I, O> partition, StringWrites<I, O> view) {
    if (view == null) {
      return null;
    }
    int n = partition.size();
    StringWrites.Effect[] effect = new StringWrites.Effect[n];
    String[] value = new String[n];
    Map<String, List<Integer>> writers = new LinkedHashMap<>();
    Set<String> readValues = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      I command = partition.commands().get(i);
      effect[i] = view.effect(command);
      switch (effect[i]) {
        case OTHER:
          return null;
        case SET:
        case APPEND:
          value[i] = view.written(command);
          if (!value[i].isEmpty()) {
            writers.computeIfAbsent(value[i], v -> new ArrayList<>()).add(i);
          }
          break;
        case READ:
          readValues.add(view.observed(command, partition.results().get(i)));
          break;
        case RESET:
          break;
      }
    }
    TokenTrie sets = new TokenTrie();
    TokenTrie appends = new TokenTrie();
    for (Map.Entry<String, List<Integer>> w : writers.entrySet()) {
      List<Integer> ops = w.getValue();
      // A value written more than once names no single write.
      int op = ops.size() == 1 ? ops.get(0) : TokenTrie.AMBIGUOUS;
      for (int i : ops) {
        (effect[i] == StringWrites.Effect.SET ? sets : appends).add(w.getKey(), op);
      }
    }
    int[] predecessor = new int[n];
    int[] successor = new int[n];
    Arrays.fill(predecessor, -1);
    Arrays.fill(successor, -1);
    boolean[] seen = new boolean[n];
    boolean pinned = false;
    for (String v : readValues) {
      Decomposition d = decompose(v, sets, appends);
      if (d.ambiguous()) {
        // Any write whose value occurs in v might be part of it.
        for (int i = 0; i < n; i++) {
          seen[i] |= value[i] != null && !value[i].isEmpty() && v.contains(value[i]);
        }
        continue;
      }
      List<Integer> chain = d.chain();
      List<String> parts = d.values();
      for (int k = 0; k < chain.size(); k++) {
        for (int i : writers.get(parts.get(k))) {
          seen[i] = true;
        }
        if (k + 1 < chain.size()) {
          int p = chain.get(k);
          int q = chain.get(k + 1);
          if (p >= 0 && q >= 0 && successor[p] < 0 && predecessor[q] < 0) {
            successor[p] = q;
            predecessor[q] = p;
            pinned = true;
          }
        }
      }
    }
    boolean[] unread = new boolean[n];
    boolean anyUnread = false;
    for (int i = 0; i < n; i++) {
      unread[i] = value[i] != null && !value[i].isEmpty() && !seen[i];
      anyUnread |= unread[i];
    }
    return pinned || anyUnread ? new WriteOrder(effect, unread, predecessor, successor) : null;
  }

  /**
   * How a read value splits into written values.
   *
   * @param ambiguous true when it splits in more than one way
   * @param chain when not ambiguous, the writes that produced it, oldest first ({@link TokenTrie#AMBIGUOUS} for a
   *     value several operations wrote); empty when no state can equal it, or when it is empty
   * @param values the written values, parallel to {@code chain}
   */
  record Decomposition(boolean ambiguous, List<Integer> chain, List<String> values) {}

  /**
   * Splits {@code value} into an optional SET value followed by APPEND values. Counted without requiring each write
   * to be used once; a single split that uses one write twice cannot be a state, so it yields an empty chain.
   */
  static Decomposition decompose(String value, TokenTrie sets, TokenTrie appends) {
    int len = value.length();
    // ways[i]: in how many ways (0, 1, or 2 meaning "more") value[i..] splits into appended values.
    byte[] ways = new byte[len + 1];
    int[] choiceOp = new int[len + 1];
    int[] choiceLen = new int[len + 1];
    ways[len] = 1;
    for (int i = len - 1; i >= 0; i--) {
      int w = 0;
      int node = 0;
      for (int j = i; j < len && w < 2; j++) {
        node = appends.child(node, value.charAt(j));
        if (node < 0) {
          break;
        }
        int op = appends.operationAt(node);
        if (op != TokenTrie.NONE && ways[j + 1] > 0) {
          w += ways[j + 1];
          choiceOp[i] = op;
          choiceLen[i] = j + 1 - i;
        }
      }
      ways[i] = (byte) Math.min(w, 2);
    }
    int total = ways[0];
    int baseOp = TokenTrie.NONE;
    int baseLen = 0;
    int node = 0;
    for (int j = 0; j < len && total < 2; j++) {
      node = sets.child(node, value.charAt(j));
      if (node < 0) {
        break;
      }
      int op = sets.operationAt(node);
      if (op != TokenTrie.NONE && ways[j + 1] > 0) {
        total += ways[j + 1];
        baseOp = op;
        baseLen = j + 1;
      }
    }
    if (total >= 2) {
      return new Decomposition(true, List.of(), List.of());
    }
    if (total == 0) {
      return new Decomposition(false, List.of(), List.of());
    }
    List<Integer> chain = new ArrayList<>();
    List<String> values = new ArrayList<>();
    int at = 0;
    if (ways[0] == 0) {
      chain.add(baseOp);
      values.add(value.substring(0, baseLen));
      at = baseLen;
    }
    while (at < len) {
      chain.add(choiceOp[at]);
      values.add(value.substring(at, at + choiceLen[at]));
      at += choiceLen[at];
    }
    Set<Integer> distinct = new HashSet<>();
    for (int op : chain) {
      if (op >= 0 && !distinct.add(op)) {
        return new Decomposition(false, List.of(), List.of());
      }
    }
    return new Decomposition(false, chain, values);
  }
}
