package raftsim.check.history;

import java.util.List;

/**
 * A command of the raftsim key-value store, as written in {@code raftsim} histories. Keys and values are non-empty
 * tokens without whitespace; every command touches exactly one key.
 */
public sealed interface KvCommand {

  /** The one key the command reads or writes. */
  String key();

  /** The command as a history line writes it. */
  String text();

  /** {@code SET k v}: the key now holds v. Result {@code OK}. */
  record Set(String key, String value) implements KvCommand {
    @Override
    public String text() {
      return "SET " + key + " " + value;
    }
  }

  /** {@code GET k}. Result {@code VALUE v}, or {@code NIL} when the key is absent. */
  record Get(String key) implements KvCommand {
    @Override
    public String text() {
      return "GET " + key;
    }
  }

  /** {@code DELETE k}: the key is now absent (it may have been absent before). Result {@code OK}. */
  record Delete(String key) implements KvCommand {
    @Override
    public String text() {
      return "DELETE " + key;
    }
  }

  /** {@code APPEND k v}: the key now holds its old value (empty when absent) followed by v. Result {@code OK}. */
  record Append(String key, String value) implements KvCommand {
    @Override
    public String text() {
      return "APPEND " + key + " " + value;
    }
  }

  /** {@code CAS k expected new}: when the key holds expected it now holds new. Result {@code TRUE} or {@code FALSE}. */
  record Cas(String key, String expected, String replacement) implements KvCommand {
    @Override
    public String text() {
      return "CAS " + key + " " + expected + " " + replacement;
    }
  }

  /** Parses a command; throws {@link SyntaxException} with the offset of the part that is wrong. */
  static KvCommand parse(String text) {
    List<Token> t = Token.split(text);
    if (t.isEmpty()) {
      throw new SyntaxException(0, "missing command (SET, GET, DELETE, APPEND or CAS)");
    }
    String verb = t.get(0).text();
    return switch (verb) {
      case "SET" -> {
        expectArguments(t, text, "SET k v");
        yield new Set(t.get(1).text(), t.get(2).text());
      }
      case "GET" -> {
        expectArguments(t, text, "GET k");
        yield new Get(t.get(1).text());
      }
      case "DELETE" -> {
        expectArguments(t, text, "DELETE k");
        yield new Delete(t.get(1).text());
      }
      case "APPEND" -> {
        expectArguments(t, text, "APPEND k v");
        yield new Append(t.get(1).text(), t.get(2).text());
      }
      case "CAS" -> {
        expectArguments(t, text, "CAS k expected new");
        yield new Cas(t.get(1).text(), t.get(2).text(), t.get(3).text());
      }
      default -> throw new SyntaxException(
          t.get(0).start(), "unknown command '" + verb + "' (expected SET, GET, DELETE, APPEND or CAS)");
    };
  }

  private static void expectArguments(List<Token> tokens, String text, String form) {
    int wanted = form.split(" ").length;
    if (tokens.size() < wanted) {
      throw new SyntaxException(text.length(), "too few arguments: expected '" + form + "'");
    }
    if (tokens.size() > wanted) {
      throw new SyntaxException(tokens.get(wanted).start(), "too many arguments: expected '" + form + "'");
    }
  }
}
