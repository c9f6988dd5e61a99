package raftsim.cli;

import java.time.Duration;

/** Parses durations given on the command line: a whole number and a unit, e.g. 90s, 10m, 2h, 500ms. */
final class Durations {
  private Durations() {}

  static Duration parse(String text, String option) {
    String t = text.strip();
    int split = 0;
    while (split < t.length() && Character.isDigit(t.charAt(split))) {
      split++;
    }
    try {
      long n = Long.parseLong(t.substring(0, split));
      Duration d = switch (t.substring(split)) {
        case "ms" -> Duration.ofMillis(n);
        case "s", "" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> null;
      };
      if (d != null && n > 0) {
        return d;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    throw new BadInputException("raftsim: " + option + " '" + text + "' is not a duration; valid: a positive whole number"
        + " with ms, s, m or h, e.g. 90s or 10m");
  }
}
