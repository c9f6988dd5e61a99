package raftsim.scenario;

/**
 * The relative weights of the operations a client picks from. Only the ratios matter: {@code put 2,
 * get 2, append 1} is the same mix as {@code put 0.4, get 0.4, append 0.2}.
 */
public record Mix(double put, double get, double append, double delete, double cas) {

  /** The mix of a {@code clients} object that has no {@code mix}. */
  public static final Mix DEFAULT = new Mix(0.4, 0.4, 0.2, 0.0, 0.0);

  public Mix {
    double[] weights = {put, get, append, delete, cas};
    for (double weight : weights) {
      if (!(weight >= 0.0 && Double.isFinite(weight))) {
        throw new IllegalArgumentException("mix weights must be finite and non-negative, got " + weight);
      }
    }
    if (put + get + append + delete + cas <= 0.0) {
      throw new IllegalArgumentException("mix weights must not all be 0");
    }
  }

  /** The sum of the weights; a weight divided by it is the probability of that operation. */
  public double total() {
    return put + get + append + delete + cas;
  }
}
