package raftsim.cli;

/** Parses {@code --shard i/n}: this process runs the campaign's runs whose index is i modulo n. */
final class Shards {
  private Shards() {}

  /** Returns {i, n}. */
  static long[] parse(String text) {
    String[] parts = text.strip().split("/", -1);
    try {
      if (parts.length == 2) {
        long i = Long.parseLong(parts[0]);
        long n = Long.parseLong(parts[1]);
        if (n >= 1 && i >= 0 && i < n) {
          return new long[] {i, n};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException("raftsim fuzz: --shard '" + text + "' is not a shard; valid: i/n with 0 <= i < n, e.g. 0/4");
  }
}
