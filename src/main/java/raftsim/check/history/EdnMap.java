package raftsim.check.history;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses one line holding a flat EDN map such as {@code {:process 9, :type :ok, :key "0", :value nil}}: keyword keys,
 * and values that are keywords, integers, strings or nil. Enough for Jepsen-style history lines, nothing more.
 */
final class EdnMap {
  /** The kinds of values a flat map line may hold. */
  enum Kind { KEYWORD, INTEGER, STRING, NIL }

  /** A value, its kind, its text (strings unescaped, keywords with their colon) and its 0-based start offset. */
  record Value(Kind kind, String text, int start) {}

  private final String line;
  private int pos;

  private EdnMap(String line) {
    this.line = line;
  }

  /** The entries of the map in {@code line}, keyed by keyword (with its colon), in line order. */
  static Map<String, Value> parse(String line) {
    return new EdnMap(line).map();
  }

  private Map<String, Value> map() {
    Map<String, Value> entries = new LinkedHashMap<>();
    skipBlanks();
    expect('{');
    while (true) {
      skipBlanks();
      if (pos < line.length() && line.charAt(pos) == '}') {
        pos++;
        break;
      }
      if (pos >= line.length()) {
        throw new SyntaxException(pos, "unterminated map: missing '}'");
      }
      int keyStart = pos;
      Value key = value();
      if (key.kind() != Kind.KEYWORD) {
        throw new SyntaxException(keyStart, "expected a keyword key such as :type");
      }
      skipBlanks();
      int valueStart = pos;
      Value value = value();
      if (entries.put(key.text(), value) != null) {
        throw new SyntaxException(keyStart, "duplicate key " + key.text());
      }
      if (pos < line.length() && !isSeparator(line.charAt(pos)) && line.charAt(pos) != '}') {
        throw new SyntaxException(valueStart, "malformed value");
      }
    }
    skipBlanks();
    if (pos < line.length()) {
      throw new SyntaxException(pos, "unexpected text after the map");
    }
    return entries;
  }

  private Value value() {
    int start = pos;
    if (pos >= line.length()) {
      throw new SyntaxException(pos, "missing value");
    }
    char c = line.charAt(pos);
    if (c == '"') {
      return new Value(Kind.STRING, string(), start);
    }
    int end = start;
    while (end < line.length() && !isSeparator(line.charAt(end)) && line.charAt(end) != '}') {
      end++;
    }
    String word = line.substring(start, end);
    pos = end;
    if (word.startsWith(":") && word.length() > 1) {
      return new Value(Kind.KEYWORD, word, start);
    }
    if (word.equals("nil")) {
      return new Value(Kind.NIL, word, start);
    }
    if (word.matches("-?[0-9]{1,18}")) {
      return new Value(Kind.INTEGER, word, start);
    }
    throw new SyntaxException(start, word.isEmpty() ? "missing value" : "unexpected '" + word + "'");
  }

  private String string() {
    StringBuilder b = new StringBuilder();
    int start = pos;
    pos++; // opening quote
    while (pos < line.length()) {
      char c = line.charAt(pos++);
      if (c == '"') {
        return b.toString();
      }
      if (c == '\\') {
        if (pos >= line.length()) {
          break;
        }
        char e = line.charAt(pos++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case '"', '\\' -> b.append(e);
          default -> throw new SyntaxException(pos - 2, "unknown escape '\\" + e + "'");
        }
      } else {
        b.append(c);
      }
    }
    throw new SyntaxException(start, "unterminated string");
  }

  private void expect(char c) {
    if (pos >= line.length() || line.charAt(pos) != c) {
      throw new SyntaxException(pos, "expected '" + c + "'");
    }
    pos++;
  }

  private void skipBlanks() {
    while (pos < line.length() && isSeparator(line.charAt(pos))) {
      pos++;
    }
  }

  /** EDN treats commas as whitespace. */
  private static boolean isSeparator(char c) {
    return c == ' ' || c == '\t' || c == ',';
  }
}
