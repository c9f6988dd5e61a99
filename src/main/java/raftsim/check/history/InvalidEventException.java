package raftsim.check.history;

/** An event that does not fit the history recorded so far, naming the field at fault so readers can point at it. */
public final class InvalidEventException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The fields of an event line, in the order the {@code raftsim} format writes them. */
  public enum Field { OP_ID, CLIENT_ID, TIME, TEXT }

  private final Field field;

  public InvalidEventException(Field field, String message) {
    super(message);
    this.field = field;
  }

  /** The field whose value is wrong. */
  public Field field() {
    return field;
  }
}
