package raftsim.check.history;

/** A history file that cannot be read; the message is GNU style: {@code FILE:LINE:COLUMN: what is wrong}. */
public final class HistoryParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String problem;

  public HistoryParseException(String source, int line, int column, String problem) {
    super(source + ":" + line + ":" + column + ": " + problem);
    this.source = source;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  /** The file (or other source) name as given. */
  public String source() {
    return source;
  }

  /** 1-based line. */
  public int line() {
    return line;
  }

  /** 1-based column, in characters. */
  public int column() {
    return column;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }
}
