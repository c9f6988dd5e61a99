package raftsim.scenario;

/** The one rule every rate obeys, shared by the records that hold rates. */
final class Rates {

  private Rates() {}

  /** Rejects a rate outside [0, 1]; NaN fails both comparisons and is rejected too. */
  static void check(String name, double rate) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw new IllegalArgumentException(name + " must be from 0 to 1, got " + rate);
    }
  }
}
