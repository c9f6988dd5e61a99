package raftsim.scenario;

import java.util.Objects;

/**
 * Where something starts in a scenario file: the file name as it was given, and the 1-based line and
 * column (counted in characters). Events built in code rather than read from a file carry {@link #NONE}.
 */
public record SourcePosition(String file, int line, int column) {

  /** The position of something that was not read from a file. */
  public static final SourcePosition NONE = new SourcePosition("", 0, 0);

  public SourcePosition {
    Objects.requireNonNull(file, "file");
  }
}
