package raftsim.cli;

/** Thrown by a command when its input is unusable; the message is printed as is and the exit code is 2. */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }
}
