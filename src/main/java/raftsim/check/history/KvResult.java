package raftsim.check.history;

import java.util.List;

/** The result of a completed {@link KvCommand}, as written in {@code raftsim} histories. */
public sealed interface KvResult {

  /** The result as a history line writes it. */
  String text();

  /** {@code OK}: the result of SET, DELETE and APPEND. */
  record Ok() implements KvResult {
    @Override
    public String text() {
      return "OK";
    }
  }

  /** {@code VALUE v}: GET found v. */
  record Value(String value) implements KvResult {
    @Override
    public String text() {
      return "VALUE " + value;
    }
  }

  /** {@code NIL}: GET found the key absent. */
  record Nil() implements KvResult {
    @Override
    public String text() {
      return "NIL";
    }
  }

  /** {@code TRUE} or {@code FALSE}: whether CAS found the expected value and replaced it. */
  record Swapped(boolean swapped) implements KvResult {
    @Override
    public String text() {
      return swapped ? "TRUE" : "FALSE";
    }
  }

  /** Parses the result of {@code command}; throws {@link SyntaxException} when it is not one that command can give. */
  static KvResult parse(KvCommand command, String text) {
    List<Token> t = Token.split(text);
    String word = t.isEmpty() ? "" : t.get(0).text();
    int extra = t.size() > 1 ? t.get(1).start() : -1;
    if (command instanceof KvCommand.Get) {
      if (word.equals("NIL") && extra < 0) {
        return new Nil();
      }
      if (word.equals("VALUE") && t.size() == 2) {
        return new Value(t.get(1).text());
      }
      if (word.equals("VALUE") && t.size() > 2) {
        throw new SyntaxException(t.get(2).start(), "a value is one token: expected 'VALUE v'");
      }
      throw new SyntaxException(0, "GET results in 'VALUE v' or 'NIL', not '" + text + "'");
    }
    if (command instanceof KvCommand.Cas) {
      if ((word.equals("TRUE") || word.equals("FALSE")) && extra < 0) {
        return new Swapped(word.equals("TRUE"));
      }
      throw new SyntaxException(0, "CAS results in 'TRUE' or 'FALSE', not '" + text + "'");
    }
    if (word.equals("OK") && extra < 0) {
      return new Ok();
    }
    String verb = command.text().substring(0, command.text().indexOf(' '));
    throw new SyntaxException(0, verb + " results in 'OK', not '" + text + "'");
  }
}
