package raftsim.scenario;

import java.util.Arrays;

/**
 * The text of a scenario file and its name. It turns character offsets into the 1-based line and
 * column that error messages and event positions report. Columns count Unicode characters, so a
 * line with "é" or an emoji is counted the way an editor shows it.
 */
final class SourceText {

  private final String file;
  private final String text;
  /** The offset where each line starts, ascending; line i+1 starts at lineStarts[i]. */
  private final int[] lineStarts;

  SourceText(String file, String text) {
    this.file = file;
    this.text = text;
    this.lineStarts = lineStarts(text);
  }

  String file() {
    return file;
  }

  String text() {
    return text;
  }

  /** The position of the character at {@code offset}; the end of the text is a valid offset too. */
  SourcePosition position(int offset) {
    int found = Arrays.binarySearch(lineStarts, offset);
    // binarySearch returns -(insertion point) - 1 when offset is not itself a line start.
    int lineIndex = found >= 0 ? found : -found - 2;
    int column = text.codePointCount(lineStarts[lineIndex], offset) + 1;
    return new SourcePosition(file, lineIndex + 1, column);
  }

  /** An error about the value, or field name, that starts at {@code offset}. */
  ScenarioException error(int offset, String path, String reason) {
    SourcePosition p = position(offset);
    return new ScenarioException(file, p.line(), p.column(), path, reason);
  }

  /** The offset of the first character at or after {@code from} that is not JSON whitespace. */
  int skipWhitespace(int from) {
    int i = from;
    while (i < text.length() && " \t\r\n".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  /** Line breaks as JSON parsers count them: "\n", "\r\n" and a lone "\r" each end a line. */
  private static int[] lineStarts(String text) {
    int[] starts = new int[8];
    int count = 1; // starts[0] = 0: the first line
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineEnds = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
      if (lineEnds) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }
}
