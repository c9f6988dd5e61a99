package raftsim.core;

/**
 * The core's answer to an operator's request (a leadership transfer or a membership change): the
 * {@link Ready} to carry out as for any input, and, when the request was refused, why.
 *
 * @param refusal null when the request was accepted
 */
public record AdminResult(Ready ready, AdminRefusal refusal) {
  public boolean accepted() {
    return refusal == null;
  }
}
