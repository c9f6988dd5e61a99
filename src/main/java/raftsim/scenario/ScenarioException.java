package raftsim.scenario;

/**
 * A scenario file that cannot be used, with where and why. {@link #getMessage()} is
 * {@code FILE:LINE:COLUMN: PATH: REASON} (GNU style, 1-based line and column), for example
 * <pre>
 * leader-crash.json:12:37: events[3].node: 7 is not a node of this 5-node cluster; valid: 1..5, "leader" or "random"
 * </pre>
 * PATH is the JSON path of the offending field; problems with the file as a whole have no PATH and
 * their message is {@code FILE:LINE:COLUMN: REASON}. A file that cannot be read at all is reported
 * at 1:1, as {@code FILE:1:1: cannot read: WHY}.
 */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String path;
  private final String reason;

  ScenarioException(String file, int line, int column, String path, String reason) {
    super(file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + reason);
    this.file = file;
    this.line = line;
    this.column = column;
    this.path = path;
    this.reason = reason;
  }

  /** The file name as it was given to the loader. */
  public String file() {
    return file;
  }

  /** The 1-based line of the offending value or field name. */
  public int line() {
    return line;
  }

  /** The 1-based column, in characters, of the offending value or field name. */
  public int column() {
    return column;
  }

  /** The JSON path of the offending field, such as {@code events[3].node}; empty for the file as a whole. */
  public String path() {
    return path;
  }

  /** What is wrong and what would be valid, without the location and path. */
  public String reason() {
    return reason;
  }
}
