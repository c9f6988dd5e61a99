package raftsim.trace;

/**
 * A trace that cannot be read, with where and why: {@link #getMessage()} is {@code FILE:LINE:COLUMN: REASON}
 * (GNU style, 1-based), the same shape as scenario errors.
 */
public final class TraceFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final int column;
  private final String reason;

  public TraceFormatException(String file, long line, int column, String reason) {
    super(file + ":" + line + ":" + column + ": " + reason);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** What is wrong, without the location. */
  public String reason() {
    return reason;
  }
}
