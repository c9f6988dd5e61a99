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
   * Parses {@code text}. Verbs are case-insensitive; tokens are separated by runs of ASCII whitespace.
   * Every node parses every command it applies, so this avoids regular expressions and makes no
   * substring it does not keep.
   *
   * @throws IllegalArgumentException with a message that says what is wrong and what is valid
   */
  static KvCommand parse(String text) {
    int verbStart = nextToken(text, 0);
    if (verbStart == text.length()) {
      throw new IllegalArgumentException("empty command; valid: " + usage());
    }
    Arguments args = new Arguments(text, tokenEnd(text, verbStart));
    String verb = verbOf(text, verbStart, args.at);
    return switch (verb) {
      case "SET" -> new Set(args.next(verb, 2), args.last(verb, 2));
      case "GET" -> new Get(args.last(verb, 1));
      case "DELETE" -> new Delete(args.last(verb, 1));
      case "APPEND" -> new Append(args.next(verb, 2), args.last(verb, 2));
      case "CAS" -> new Cas(args.next(verb, 3), args.next(verb, 3), args.last(verb, 3));
      default -> throw new IllegalArgumentException(
          "unknown command '" + text.substring(verbStart, args.at) + "'; valid: " + usage());
    };
  }

  /**
   * {@link #parse}'s cursor over a command's arguments, read in one pass; the tokens are counted only to
   * explain a wrong number of them.
   */
  final class Arguments {
    private final String text;
    private int at;

    private Arguments(String text, int at) {
      this.text = text;
      this.at = at;
    }

    /** The next argument of {@code verb}, which takes {@code arity}. */
    private String next(String verb, int arity) {
      int start = nextToken(text, at);
      if (start == text.length()) {
        throw wrongArity(verb, arity);
      }
      at = tokenEnd(text, start);
      return text.substring(start, at);
    }

    /** The last argument: nothing but separators may follow it. */
    private String last(String verb, int arity) {
      String arg = next(verb, arity);
      if (nextToken(text, at) != text.length()) {
        throw wrongArity(verb, arity);
      }
      return arg;
    }

    private IllegalArgumentException wrongArity(String verb, int arity) {
      return new IllegalArgumentException(verb + " takes " + arity + " argument" + (arity == 1 ? "" : "s")
          + ", got " + (countTokens(text) - 1) + "; valid: " + usage());
    }
  }

  /** The verb in upper case; one of the five when it is one, in any case, without allocating for them. */
  private static String verbOf(String text, int start, int end) {
    return isVerb(text, start, end, "SET") ? "SET"
        : isVerb(text, start, end, "GET") ? "GET"
        : isVerb(text, start, end, "APPEND") ? "APPEND"
        : isVerb(text, start, end, "DELETE") ? "DELETE"
        : isVerb(text, start, end, "CAS") ? "CAS"
        : text.substring(start, end).toUpperCase(java.util.Locale.ROOT);
  }

  /** Clients write verbs in upper case, which is compared first: the case-blind comparison is slower. */
  private static boolean isVerb(String text, int start, int end, String verb) {
    return end - start == verb.length()
        && (text.startsWith(verb, start) || text.regionMatches(true, start, verb, 0, verb.length()));
  }

  private static boolean separator(char c) {
    return c <= ' ';
  }

  private static int countTokens(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (!separator(text.charAt(i)) && (i == 0 || separator(text.charAt(i - 1)))) {
        count++;
      }
    }
    return count;
  }

  private static int nextToken(String text, int from) {
    int i = from;
    while (i < text.length() && separator(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int tokenEnd(String text, int from) {
    int i = from;
    while (i < text.length() && !separator(text.charAt(i))) {
      i++;
    }
    return i;
  }

  static String usage() {
    return "SET k v | GET k | DELETE k | APPEND k v | CAS k expected new";
  }
}
