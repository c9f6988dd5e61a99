package raftsim.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import raftsim.check.history.History;
import raftsim.check.history.KvCommand;
import raftsim.check.history.Operation;
import raftsim.check.history.Outcome;

/**
 * The lost-write check: once the cluster has healed, is every acknowledged write still there?
 *
 * <ul>
 *   <li>A list key holds the tokens appended to it. Every token whose APPEND was acknowledged must be in the
 *       key's final value, and no token may be there twice (a retry applied twice).
 *   <li>A register's acknowledged write (SET, or a CAS that answered TRUE) may have been overwritten, but only
 *       by a write that could have come after it. So its final value must be its own, or one written by an
 *       operation that had not finished before it began (or whose outcome is unknown, as it may land any time).
 * </ul>
 *
 * <p>It relies on unique written values, so a value names the one operation that wrote it. The linearizability
 * check covers the same ground and more; this one says in plain words which write went missing.
 */
public final class LostWrites {
  private LostWrites() {}

  /**
   * What the check found.
   *
   * @param acknowledgedAppends the acknowledged APPENDs it checked
   * @param acknowledgedRegisterWrites the acknowledged SETs and successful CASs it checked
   * @param problems each lost or doubled write, in key order
   */
  public record Report(int acknowledgedAppends, int acknowledgedRegisterWrites, List<String> problems) {
    public Report {
      problems = List.copyOf(problems);
    }

    public boolean holds() {
      return problems.isEmpty();
    }
  }

  /**
   * Checks {@code history} against the final value of every key it wrote ({@code finalValues}: the value, or null
   * when the key is absent). Throws {@link IllegalArgumentException} when a written key has no final value.
   */
  public static Report check(History history, SortedMap<String, String> finalValues) {
    SortedMap<String, List<Write>> writesByKey = new TreeMap<>();
    for (Operation op : history.operations()) {
      Write w = Write.of(op);
      if (w != null) {
        writesByKey.computeIfAbsent(w.key(), k -> new ArrayList<>()).add(w);
      }
    }
    List<String> problems = new ArrayList<>();
    int appends = 0;
    int registerWrites = 0;
    for (Map.Entry<String, List<Write>> e : writesByKey.entrySet()) {
      String key = e.getKey();
      if (!finalValues.containsKey(key)) {
        throw new IllegalArgumentException("no final value for " + key);
      }
      String value = finalValues.get(key);
      if (KeySet.isListKey(key)) {
        appends += checkList(key, value, e.getValue(), problems);
      } else {
        registerWrites += checkRegister(key, value, e.getValue(), problems);
      }
    }
    return new Report(appends, registerWrites, problems);
  }

  /**
   * A write that may have taken effect.
   *
   * @param acknowledged whether its client saw it succeed
   * @param doneAt the index of its completion event when it certainly took effect by then, else MAX_VALUE
   */
  private record Write(Operation op, String key, String value, boolean acknowledged, int doneAt) {
    static Write of(Operation op) {
      if (op.outcome() == Outcome.FAIL) {
        return null;
      }
      KvCommand c = KvCommand.parse(op.command());
      boolean ok = op.outcome() == Outcome.OK;
      if (c instanceof KvCommand.Append a) {
        return new Write(op, a.key(), a.value(), ok, ok ? op.completeIndex() : Integer.MAX_VALUE);
      }
      if (c instanceof KvCommand.Set s) {
        return new Write(op, s.key(), s.value(), ok, ok ? op.completeIndex() : Integer.MAX_VALUE);
      }
      if (c instanceof KvCommand.Cas cas && !(ok && op.completion().equals("FALSE"))) {
        return new Write(op, cas.key(), cas.replacement(), ok, ok ? op.completeIndex() : Integer.MAX_VALUE);
      }
      return null;
    }

    String describe() {
      return "op " + op.opId() + " (" + op.command() + ", line " + op.invokeLine() + ")";
    }
  }

  private static int checkList(String key, String value, List<Write> writes, List<String> problems) {
    TreeMap<String, Integer> counts = new TreeMap<>();
    for (String token : tokens(value)) {
      counts.merge(token, 1, Integer::sum);
    }
    int acknowledged = 0;
    for (Write w : writes) {
      if (!w.acknowledged()) {
        continue;
      }
      acknowledged++;
      if (!counts.containsKey(w.value())) {
        problems.add(key + ": lost the acknowledged " + w.describe() + ": " + w.value() + " is not in the final value");
      }
    }
    counts.forEach((token, n) -> {
      if (n > 1) {
        problems.add(key + ": " + token + " is in the final value " + n + " times: a write was applied twice");
      }
    });
    return acknowledged;
  }

  /** The tokens of a list value: each written token ends in ';'. */
  private static List<String> tokens(String value) {
    List<String> tokens = new ArrayList<>();
    if (value == null) {
      return tokens;
    }
    int start = 0;
    for (int i = value.indexOf(';'); i >= 0; i = value.indexOf(';', start)) {
      tokens.add(value.substring(start, i + 1));
      start = i + 1;
    }
    if (start < value.length()) {
      tokens.add(value.substring(start));
    }
    return tokens;
  }

  private static int checkRegister(String key, String value, List<Write> writes, List<String> problems) {
    Write writer = null; // of the final value: values are unique, so there is at most one
    for (Write w : writes) {
      if (w.value().equals(value)) {
        writer = w;
      }
    }
    int acknowledged = 0;
    for (Write w : writes) {
      if (!w.acknowledged()) {
        continue;
      }
      acknowledged++;
      if (w == writer) {
        continue;
      }
      if (writer == null) {
        problems.add(key + ": lost the acknowledged " + w.describe() + ": the final value "
            + (value == null ? "(absent)" : value) + " was written by no operation");
      } else if (writer.doneAt() < w.op().invokeIndex()) {
        problems.add(key + ": lost the acknowledged " + w.describe() + ": the final value " + value
            + " was written by " + writer.describe() + ", which finished before it began");
      }
    }
    return acknowledged;
  }
}
