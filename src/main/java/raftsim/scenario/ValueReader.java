package raftsim.scenario;

import java.math.BigDecimal;
import java.util.List;

/**
 * Converts single JSON values of a scenario file into Java values, checking the type and range each
 * rule asks for. A value that breaks its rule becomes a {@link ScenarioException} located at the
 * value, naming its path and what would be valid.
 */
final class ValueReader {

  private final SourceText source;

  ValueReader(SourceText source) {
    this.source = source;
  }

  /** An error located at {@code value}. */
  ScenarioException error(LocatedJson value, String path, String reason) {
    return error(value.offset(), path, reason);
  }

  /** An error located at a character offset, such as where a field name starts. */
  ScenarioException error(int offset, String path, String reason) {
    return source.error(offset, path, reason);
  }

  /** Where {@code value} starts in the file. */
  SourcePosition position(LocatedJson value) {
    return source.position(value.offset());
  }

  /** A whole number, written without a fraction or exponent, in [min, max]. */
  long wholeNumber(LocatedJson value, String path, long min, long max) throws ScenarioException {
    LocatedJson.Num number = integral(value, path);
    if (outside(number, min, max)) {
      throw error(value, path, number.text() + " is out of range; valid: " + bounds(min, max));
    }
    return number.value().longValueExact();
  }

  /**
   * A number that was written as a whole number, of any size; the caller checks its range. Every
   * number in a scenario is whole except rates and mix weights, so a fraction is rejected even when
   * its value is whole ({@code 2.0}), to keep one spelling for each value.
   */
  LocatedJson.Num integral(LocatedJson value, String path) throws ScenarioException {
    if (!(value instanceof LocatedJson.Num number)) {
      throw error(value, path, "expected a whole number, got " + value.describe());
    }
    if (!number.integral()) {
      boolean wholeValue = number.value().stripTrailingZeros().scale() <= 0;
      throw error(value, path, wholeValue
          ? "expected a whole number written without a decimal point or exponent, got " + number.text()
          : "expected a whole number, got " + number.text());
    }
    return number;
  }

  /** A number, whole or not, in [min, max], compared exactly as written before it is rounded to a double. */
  double number(LocatedJson value, String path, long min, long max) throws ScenarioException {
    if (!(value instanceof LocatedJson.Num number)) {
      throw error(value, path, "expected a number from " + min + " to " + max + ", got " + value.describe());
    }
    if (outside(number, min, max)) {
      throw error(value, path, number.text() + " is out of range; valid: " + bounds(min, max));
    }
    // BigDecimal has no negative zero, so "-0.0" reads as 0.0 like every other spelling of zero.
    return number.value().doubleValue();
  }

  /** A [min, max] pair of whole milliseconds with {@code lowest <= min <= max <= Limits.MAX_TIME_MS}. */
  Range range(LocatedJson value, String path, long lowest) throws ScenarioException {
    String expected = "expected a [min, max] pair of whole numbers from " + lowest + " to " + Limits.MAX_TIME_MS;
    if (!(value instanceof LocatedJson.Arr array)) {
      throw error(value, path, expected + ", got " + value.describe());
    }
    if (array.items().size() != 2) {
      int n = array.items().size();
      throw error(value, path, expected + ", got " + n + (n == 1 ? " value" : " values"));
    }
    long min = wholeNumber(array.items().get(0), JsonPath.index(path, 0), lowest, Limits.MAX_TIME_MS);
    long max = wholeNumber(array.items().get(1), JsonPath.index(path, 1), lowest, Limits.MAX_TIME_MS);
    if (min > max) {
      throw error(value, path, "min " + min + " is greater than max " + max + "; valid: [min, max] with min <= max");
    }
    return new Range(min, max);
  }

  boolean bool(LocatedJson value, String path) throws ScenarioException {
    if (!(value instanceof LocatedJson.Bool bool)) {
      throw error(value, path, "expected true or false, got " + value.describe());
    }
    return bool.value();
  }

  String string(LocatedJson value, String path) throws ScenarioException {
    if (!(value instanceof LocatedJson.Str string)) {
      throw error(value, path, "expected a string, got " + value.describe());
    }
    return string.value();
  }

  /** An array; {@code what} says what it holds, for the message when it is not one ("an array of ..."). */
  List<LocatedJson> array(LocatedJson value, String path, String what) throws ScenarioException {
    if (!(value instanceof LocatedJson.Arr array)) {
      throw error(value, path, "expected " + what + ", got " + value.describe());
    }
    return array.items();
  }

  /** Checks that {@code value} is an object and reads its fields; see {@link ObjectReader#allowOnly}. */
  ObjectReader object(LocatedJson value, String path) throws ScenarioException {
    if (!(value instanceof LocatedJson.Obj object)) {
      throw error(value, path, "expected an object, got " + value.describe());
    }
    return new ObjectReader(this, object, path);
  }

  /** Whether the number, compared exactly as written, is below min or above max. */
  private static boolean outside(LocatedJson.Num number, long min, long max) {
    return number.value().compareTo(BigDecimal.valueOf(min)) < 0
        || number.value().compareTo(BigDecimal.valueOf(max)) > 0;
  }

  /** How messages write the whole numbers min to max: {@code 1..15}, or one number when min = max. */
  static String bounds(long min, long max) {
    return min == max ? Long.toString(min) : min + ".." + max;
  }
}
