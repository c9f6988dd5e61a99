package raftsim.trace;

/** The little JSON text the trace needs, written by hand so that every byte is under our control. */
public final class Json {
  private Json() {}

  /** Appends {@code s} as a JSON string literal. */
  public static void quote(String s, StringBuilder to) {
    to.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> to.append("\\\"");
        case '\\' -> to.append("\\\\");
        case '\n' -> to.append("\\n");
        case '\r' -> to.append("\\r");
        case '\t' -> to.append("\\t");
        default -> {
          if (c < 0x20) {
            to.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            to.append(c);
          }
        }
      }
    }
    to.append('"');
  }

  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    quote(s, b);
    return b.toString();
  }
}
