package raftsim.check.history;

import java.util.ArrayList;
import java.util.List;

/** A run of non-blank characters and where it starts; fields in the line formats are separated by spaces or TABs. */
record Token(int start, String text) {

  /** The end offset (exclusive). */
  int end() {
    return start + text.length();
  }

  static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  /** Splits {@code line} at runs of spaces and TABs, from {@code from} on, into at most {@code limit} tokens; the last token takes the rest of the line (trailing blanks removed). */
  static List<Token> split(String line, int from, int limit) {
    List<Token> tokens = new ArrayList<>();
    int end = line.length();
    while (end > from && isBlank(line.charAt(end - 1))) {
      end--;
    }
    int i = from;
    while (i < end) {
      while (i < end && isBlank(line.charAt(i))) {
        i++;
      }
      if (i >= end) {
        break;
      }
      int start = i;
      if (tokens.size() == limit - 1) {
        tokens.add(new Token(start, line.substring(start, end)));
        break;
      }
      while (i < end && !isBlank(line.charAt(i))) {
        i++;
      }
      tokens.add(new Token(start, line.substring(start, i)));
    }
    return tokens;
  }

  /** Splits {@code text} at every run of spaces and TABs. */
  static List<Token> split(String text) {
    return split(text, 0, Integer.MAX_VALUE);
  }
}
