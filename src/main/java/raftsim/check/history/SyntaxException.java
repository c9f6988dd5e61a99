package raftsim.check.history;

/** Text that does not parse, with the offset (0-based, in characters) where the problem starts. */
public final class SyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int offset;

  public SyntaxException(int offset, String message) {
    super(message);
    this.offset = offset;
  }

  /** Where in the parsed text the problem starts. */
  public int offset() {
    return offset;
  }
}
