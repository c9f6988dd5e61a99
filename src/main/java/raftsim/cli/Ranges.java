package raftsim.cli;

/** Parses "MIN..MAX" ranges given on the command line. */
final class Ranges {
  private Ranges() {}

  /** Returns {min, max}; a single number N means N..N. */
  static long[] parse(String text, String option) {
    String[] parts = text.split("\\.\\.", -1);
    try {
      long min = Long.parseLong(parts[0].strip());
      long max = parts.length == 1 ? min : Long.parseLong(parts[1].strip());
      if (parts.length > 2 || min < 0 || max < min) {
        throw new NumberFormatException();
      }
      return new long[] {min, max};
    } catch (NumberFormatException e) {
      throw new BadInputException("raftsim: " + option + " '" + text + "' is not a range; valid: MIN..MAX with 0 <= MIN <= MAX, e.g. 1..10");
    }
  }
}
