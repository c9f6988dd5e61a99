package raftsim.check.history;

import java.util.ArrayList;
import java.util.List;

/** Splits file content into lines: LF or CRLF endings, a leading byte-order mark ignored. */
final class Lines {
  private Lines() {}

  /** The lines of {@code content}; element i is line i + 1. A final line break does not start another line. */
  static List<String> of(String content) {
    List<String> lines = new ArrayList<>();
    int start = content.startsWith("\uFEFF") ? 1 : 0;
    int n = content.length();
    while (start < n) {
      int end = content.indexOf('\n', start);
      int next = end < 0 ? n : end + 1;
      int stop = end < 0 ? n : end;
      if (stop > start && content.charAt(stop - 1) == '\r') {
        stop--;
      }
      lines.add(content.substring(start, stop));
      start = next;
    }
    return lines;
  }

  /** True when the line holds nothing but spaces and TABs. */
  static boolean isBlank(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (!Token.isBlank(line.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
