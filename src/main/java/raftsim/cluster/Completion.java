package raftsim.cluster;

import raftsim.check.history.Outcome;

/**
 * How one client operation ended, as the history records it.
 *
 * @param outcome {@link Outcome#OK}, {@link Outcome#FAIL} (certainly never applied) or {@link Outcome#INFO}
 *     (it may have been applied, or may still be)
 * @param text the result ({@code OK}, {@code VALUE v}, {@code NIL}, {@code TRUE}, {@code FALSE}) or the reason
 */
public record Completion(Outcome outcome, String text) {
  public static Completion ok(String result) {
    return new Completion(Outcome.OK, result);
  }

  public static Completion fail(String reason) {
    return new Completion(Outcome.FAIL, reason);
  }

  public static Completion info(String reason) {
    return new Completion(Outcome.INFO, reason);
  }
}
