package raftsim.kv;

import java.util.SortedMap;

/**
 * The key-value commands, parsed from their text form. Keys and values are tokens without whitespace
 * (tokens are separated by runs of ASCII whitespace);
 * every command touches exactly one key, which is what lets a checker split a history by key.
 *
 * <pre>
 *   SET k v            -> OK
 *   GET k              -> VALUE v | NIL
 *   DELETE k           -> OK
 *   APPEND k v         -> OK            (the value becomes old value + v; absent counts as empty)
 *   CAS k expected new -> TRUE | FALSE  (FALSE when the key is absent or holds another value)
 * </pre>
 */
public sealed interface KvCommand {
  String OK = "OK";
  String NIL = "NIL";
  String TRUE = "TRUE";
  String FALSE = "FALSE";
  String VALUE_PREFIX = "VALUE ";

  String key();

  /** Runs the command on {@code data} and returns its result. */
  String execute(SortedMap<String, String> data);

  /** True for commands that never change the state (a read). */
  default boolean readOnly() {
    return false;
  }

  record Set(String key, String value) implements KvCommand {
    @Override
    public String execute(SortedMap<String, String> data) {
      data.put(key, value);
      return OK;
    }
  }

  record Get(String key) implements KvCommand {
    @Override
    public String execute(SortedMap<String, String> data) {
      String v = data.get(key);
      return v == null ? NIL : VALUE_PREFIX + v;
    }

    @Override
    public boolean readOnly() {
      return true;
    }
  }

  record Delete(String key) implements KvCommand {
    @Override
    public String execute(SortedMap<String, String> data) {
      data.remove(key);
      return OK;
    }
  }

  record Append(String key, String value) implements KvCommand {
    @Override
    public String execute(SortedMap<String, String> data) {
      data.merge(key, value, String::concat);
      return OK;
    }
  }

  record Cas(String key, String expected, String value) implements KvCommand {
    @Override
    public String execute(SortedMap<String, String> data) {
      if (!expected.equals(data.get(key))) {
        return FALSE;
      }
      data.put(key, value);
      return TRUE;
    }
  }

  /**
   * Parses {@code text}. Verbs are case-insensitive; tokens are separated by runs of spaces.
   *
   * @throws IllegalArgumentException with a message that says what is wrong and what is valid
   */
  static KvCommand parse(String text) {
    String[] t = tokens(text);
    if (t.length == 0) {
      throw new IllegalArgumentException("empty command; valid: " + usage());
    }
    String verb = t[0].toUpperCase(java.util.Locale.ROOT);
    int arity = switch (verb) {
      case "GET", "DELETE" -> 1;
      case "SET", "APPEND" -> 2;
      case "CAS" -> 3;
      default -> -1;
    };
    if (arity < 0) {
      throw new IllegalArgumentException("unknown command '" + t[0] + "'; valid: " + usage());
    }
    if (t.length - 1 != arity) {
      throw new IllegalArgumentException(verb + " takes " + arity + " argument" + (arity == 1 ? "" : "s")
          + ", got " + (t.length - 1) + "; valid: " + usage());
    }
    return switch (verb) {
      case "SET" -> new Set(t[1], t[2]);
      case "GET" -> new Get(t[1]);
      case "DELETE" -> new Delete(t[1]);
      case "APPEND" -> new Append(t[1], t[2]);
      default -> new Cas(t[1], t[2], t[3]);
    };
  }

  /**
   * Splits on runs of ASCII whitespace and control characters, without a regular expression: every
   * node parses every command it applies, so this is on the simulator's hot path.
   */
  private static String[] tokens(String text) {
    int n = text.length();
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (text.charAt(i) > ' ' && (i == 0 || text.charAt(i - 1) <= ' ')) {
        count++;
      }
    }
    String[] found = new String[count];
    int k = 0;
    int i = 0;
    while (k < count) {
      while (text.charAt(i) <= ' ') {
        i++;
      }
      int start = i;
      while (i < n && text.charAt(i) > ' ') {
        i++;
      }
      found[k++] = text.substring(start, i);
    }
    return found;
  }

  static String usage() {
    return "SET k v | GET k | DELETE k | APPEND k v | CAS k expected new";
  }
}
