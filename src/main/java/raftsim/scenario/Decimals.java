package raftsim.scenario;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes the rates and mix weights of a scenario as the shortest decimal that reads back as the same
 * double: 0.1 rather than 0.1000000000000000055511151231257827.
 *
 * <p>{@code Double.toString} is not used: on JDK 17 its output is not always the shortest
 * (1e23 prints as 9.999999999999999E22), and it changed in JDK 19, so files written on two JDKs
 * could differ. Instead this tries 1, 2,
 * ... 17 significant digits of the double's exact value (rounded half-even) and keeps the first that
 * parses back to the same double. Only exact decimal arithmetic and correctly rounded parsing are
 * involved, so every JDK gives the same text.
 */
final class Decimals {

  /** 17 significant digits always identify a double. */
  private static final int MAX_DIGITS = 17;

  private Decimals() {}

  /**
   * The shortest decimal that reads back as {@code value}, always with a decimal point ("1.0",
   * "0.25") so that a rate never looks like a whole number; tiny values use an exponent ("1E-7").
   */
  static String shortest(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON has no spelling for " + value);
    }
    if (value == 0.0) {
      return "0.0"; // both zeros: the format has no negative zero
    }
    BigDecimal exact = new BigDecimal(value);
    for (int digits = 1; digits <= MAX_DIGITS; digits++) {
      BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
      if (candidate.doubleValue() == value) {
        return candidate.scale() <= 0 ? candidate.toBigIntegerExact() + ".0" : candidate.toString();
      }
    }
    throw new AssertionError("no " + MAX_DIGITS + "-digit decimal reads back as " + value);
  }
}
