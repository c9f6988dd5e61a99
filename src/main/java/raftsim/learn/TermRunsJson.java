package raftsim.learn;

import java.util.ArrayList;
import java.util.List;
import raftsim.trace.TraceLine;

/** Reads the {@code "terms"} field of append and restart lines: {@code [[fromIndex,term],...]}. */
final class TermRunsJson {
  private TermRunsJson() {}

  private static final long[][] NONE = new long[0][];

  /** The runs in {@code value}; none when it is absent or not such an array. */
  static long[][] parse(Object value) {
    if (!(value instanceof TraceLine.RawJson raw)) {
      return NONE;
    }
    List<long[]> runs = new ArrayList<>();
    String s = raw.text();
    long[] pair = new long[2];
    int slot = 0;
    int depth = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '[') {
        depth++;
        slot = 0;
        i++;
      } else if (c == ']') {
        if (depth == 2 && slot == 2) {
          runs.add(pair.clone());
        }
        depth--;
        i++;
      } else if (c == '-' || Character.isDigit(c)) {
        int start = i++;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        if (depth == 2 && slot < 2) {
          pair[slot++] = Long.parseLong(s, start, i, 10);
        }
      } else {
        i++;
      }
    }
    return runs.toArray(long[][]::new);
  }
}
