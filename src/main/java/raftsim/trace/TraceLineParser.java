package raftsim.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses one trace line: a flat JSON object whose values are integers, strings, booleans, null, or
 * arrays and objects (kept as text). Traces hold no floating point (CONTRACT §6), so a fraction or an
 * exponent is an error. Errors name the 1-based column of the offending character.
 */
final class TraceLineParser {
  /** A problem at a column of the line; the reader adds the file and the line number. */
  static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;
    final int column;

    Problem(int column, String message) {
      super(message);
      this.column = column;
    }
  }

  private final String s;
  private final NameCache names;
  private int i;

  private TraceLineParser(String line, NameCache names) {
    this.s = line;
    this.names = names;
  }

  static TraceLine parse(String line, NameCache names) throws Problem {
    return new TraceLineParser(line, names).line();
  }

  private TraceLine line() throws Problem {
    skipSpace();
    expect('{', "a trace line is a JSON object");
    List<String> fieldNames = new ArrayList<>(12);
    List<Object> values = new ArrayList<>(12);
    long seq = -1;
    long ev = -1;
    long t = -1;
    String kind = null;
    skipSpace();
    if (peek() != '}') {
      while (true) {
        skipSpace();
        int at = i;
        if (peek() != '"') {
          throw problem("expected a field name in double quotes");
        }
        String name = name();
        skipSpace();
        expect(':', "expected ':' after the field name \"" + name + "\"");
        skipSpace();
        int valueAt = i;
        Object value = value();
        if (name.equals("seq")) {
          seq = wholeNumber(name, value, valueAt);
        } else if (name.equals("ev")) {
          ev = wholeNumber(name, value, valueAt);
        } else if (name.equals("t")) {
          t = wholeNumber(name, value, valueAt);
        } else if (name.equals("kind")) {
          if (!(value instanceof String k) || k.isEmpty()) {
            throw new Problem(valueAt + 1, "kind: expected a non-empty string");
          }
          kind = this.names.get(k, 0, k.length());
        } else {
          for (String seen : fieldNames) {
            if (seen == name) { // names are shared instances: identity is equality
              throw new Problem(at + 1, name + ": the field appears twice");
            }
          }
          fieldNames.add(name);
          values.add(value);
        }
        skipSpace();
        if (peek() == ',') {
          i++;
          continue;
        }
        expect('}', "expected ',' or '}'");
        break;
      }
    } else {
      i++;
    }
    skipSpace();
    if (i < s.length()) {
      throw problem("unexpected text after the object");
    }
    for (String required : List.of("seq", "ev", "t", "kind")) {
      boolean missing = switch (required) {
        case "seq" -> seq < 0;
        case "ev" -> ev < 0;
        case "t" -> t < 0;
        default -> kind == null;
      };
      if (missing) {
        throw new Problem(1, required + ": missing; every trace line has seq, ev, t and kind (CONTRACT §6)");
      }
    }
    return new TraceLine(seq, ev, t, kind, fieldNames.toArray(String[]::new), values.toArray());
  }

  private static long wholeNumber(String name, Object value, int at) throws Problem {
    if (!(value instanceof Long n) || n < 0) {
      throw new Problem(at + 1, name + ": expected a whole number, at least 0");
    }
    return n;
  }

  private Object value() throws Problem {
    char c = peek();
    if (c == '"') {
      return string();
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number();
    }
    if (c == '[' || c == '{') {
      return new TraceLine.RawJson(nested());
    }
    if (s.startsWith("true", i)) {
      i += 4;
      return Boolean.TRUE;
    }
    if (s.startsWith("false", i)) {
      i += 5;
      return Boolean.FALSE;
    }
    if (s.startsWith("null", i)) {
      i += 4;
      return null;
    }
    throw problem(i < s.length() ? "expected a value" : "the line ends where a value should be");
  }

  private Long number() throws Problem {
    int start = i;
    if (peek() == '-') {
      i++;
    }
    int digits = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    if (i == digits) {
      throw problem("expected a digit");
    }
    if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      throw problem("a trace holds integers only, no fractions or exponents (CONTRACT §6)");
    }
    try {
      return Long.parseLong(s, start, i, 10);
    } catch (NumberFormatException e) {
      throw new Problem(start + 1, "the number does not fit in 64 bits");
    }
  }

  /** A field name: a string, shared with every line that has the same name. */
  private String name() throws Problem {
    int start = i + 1;
    int end = start;
    while (end < s.length() && s.charAt(end) != '"' && s.charAt(end) != '\\') {
      end++;
    }
    if (end < s.length() && s.charAt(end) == '"') {
      i = end + 1;
      return names.get(s, start, end);
    }
    String escaped = string();
    return names.get(escaped, 0, escaped.length());
  }

  private String string() throws Problem {
    i++; // the opening quote
    StringBuilder b = null;
    int runStart = i;
    while (true) {
      if (i >= s.length()) {
        throw problem("the string is not closed");
      }
      char c = s.charAt(i);
      if (c == '"') {
        String run = s.substring(runStart, i);
        i++;
        return b == null ? run : b.append(run).toString();
      }
      if (c < 0x20) {
        throw problem("a control character must be escaped in a JSON string");
      }
      if (c != '\\') {
        i++;
        continue;
      }
      if (b == null) {
        b = new StringBuilder();
      }
      b.append(s, runStart, i);
      i++;
      if (i >= s.length()) {
        throw problem("the escape is cut off");
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'u' -> {
          if (i + 4 > s.length()) {
            throw problem("\\u needs four hex digits");
          }
          try {
            b.append((char) Integer.parseInt(s, i, i + 4, 16));
          } catch (NumberFormatException x) {
            throw problem("\\u needs four hex digits");
          }
          i += 4;
        }
        default -> {
          i--;
          throw problem("unknown escape \\" + e);
        }
      }
      runStart = i;
    }
  }

  /** An array or object, returned as its text; strings inside may hold brackets. */
  private String nested() throws Problem {
    int start = i;
    int depth = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        string();
        continue;
      }
      if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
        if (depth == 0) {
          i++;
          return s.substring(start, i);
        }
      }
      i++;
    }
    throw new Problem(start + 1, "the array or object is not closed");
  }

  private void skipSpace() {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\r')) {
      i++;
    }
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private void expect(char c, String message) throws Problem {
    if (peek() != c) {
      throw problem(message);
    }
    i++;
  }

  private Problem problem(String message) {
    return new Problem(i + 1, message);
  }
}
