package raftsim.scenario;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A JSON document in which every value and field name keeps the offset where it starts, so that an
 * error found while reading a scenario can point at the exact place. Jackson's tree model forgets
 * positions, hence this small tree, which {@link LocatedJsonParser} builds from Jackson's streaming
 * parser.
 */
sealed interface LocatedJson {

  /** The character offset in the source where this value starts. */
  int offset();

  /** How an error message shows this value: the value itself for a scalar, its type for the others. */
  String describe();

  /** An object; {@code members} keeps the file order. */
  record Obj(int offset, Map<String, Member> members) implements LocatedJson {
    @Override
    public String describe() {
      return "an object";
    }
  }

  /** One field of an object, with the offset of its name. */
  record Member(String name, int nameOffset, LocatedJson value) {}

  record Arr(int offset, List<LocatedJson> items) implements LocatedJson {
    @Override
    public String describe() {
      return "an array";
    }
  }

  record Str(int offset, String value) implements LocatedJson {
    private static final int SHOWN_CHARS = 40;

    @Override
    public String describe() {
      boolean tooLong = value.codePointCount(0, value.length()) > SHOWN_CHARS;
      String shown = tooLong ? value.substring(0, value.offsetByCodePoints(0, SHOWN_CHARS)) + "..." : value;
      return "the string " + ScenarioWriter.quote(shown);
    }
  }

  /**
   * A number, kept exactly as written: {@code integral} is whether it was written without a fraction
   * or exponent, which is what the format calls a whole number.
   */
  record Num(int offset, String text, BigDecimal value, boolean integral) implements LocatedJson {
    @Override
    public String describe() {
      return text;
    }
  }

  record Bool(int offset, boolean value) implements LocatedJson {
    @Override
    public String describe() {
      return Boolean.toString(value);
    }
  }

  record Null(int offset) implements LocatedJson {
    @Override
    public String describe() {
      return "null";
    }
  }
}
