package raftsim.sim;

/**
 * The simulated clients' settings (CONTRACT §4, "Clients").
 *
 * @param count closed-loop clients, ids 1..count
 * @param keys operations pick a key among k0..k{keys-1}
 * @param opIntervalMs a client waits this long before each new operation
 * @param retryMs with no answer for this long, the client resends to the next node
 * @param timeoutMs with no answer for this long, the operation is indeterminate
 * @param mix relative weights of put, get, append, delete and cas
 */
public record ClientLoad(int count, int keys, long opIntervalMs, long retryMs, long timeoutMs, OperationMix mix) {
  public ClientLoad {
    if (count < 1 || keys < 1 || opIntervalMs < 0 || retryMs < 1 || timeoutMs < retryMs) {
      throw new IllegalArgumentException("bad client load: " + count + " clients, " + keys + " keys, retry "
          + retryMs + " ms, timeout " + timeoutMs + " ms");
    }
  }

  /** Relative weights of the five kinds of operation; negative weights and an all-zero mix are invalid. */
  public record OperationMix(double put, double get, double append, double delete, double cas) {
    public OperationMix {
      double[] w = {put, get, append, delete, cas};
      double sum = 0;
      for (double x : w) {
        if (!(x >= 0) || Double.isInfinite(x)) {
          throw new IllegalArgumentException("mix weights must be finite and >= 0");
        }
        sum += x;
      }
      if (sum <= 0) {
        throw new IllegalArgumentException("mix weights must not all be 0");
      }
    }

    double total() {
      return put + get + append + delete + cas;
    }
  }
}
