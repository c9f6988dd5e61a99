package raftsim.trace;

/** The little JSON text the trace needs, written by hand so that every byte is under our control. */
public final class Json {
  private Json() {}

  /** The most bytes {@link #quote(String, byte[], int)} or {@link #utf8} writes for {@code chars} chars. */
  static int maxBytes(int chars) {
    return 6 * chars + 2; // "\u001f" is the longest form of one char; a quoted string adds two
  }

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

  /**
   * Writes {@code s} as a JSON string literal, in UTF-8, into {@code to} from {@code at}; returns where it
   * ends. The bytes are those of {@link #quote(String, StringBuilder)}'s text encoded as UTF-8, without
   * building that text. {@code to} must have {@link #maxBytes} of the length to spare.
   */
  static int quote(String s, byte[] to, int at) {
    int p = at;
    to[p++] = '"';
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        to[p++] = (byte) c;
      } else if (c >= 0x80) {
        p = encode(s, i, to, p);
        if (isPairAt(s, i)) {
          i++;
        }
      } else {
        p = escape(c, to, p);
      }
    }
    to[p++] = '"';
    return p;
  }

  /** Writes {@code s} as it is (a field name, or JSON text already built) in UTF-8; returns where it ends. */
  static int utf8(CharSequence s, byte[] to, int at) {
    int p = at;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        to[p++] = (byte) c;
      } else {
        p = encode(s, i, to, p);
        if (isPairAt(s, i)) {
          i++;
        }
      }
    }
    return p;
  }

  /** The escape of an ASCII char that JSON strings may not hold as it is. */
  private static int escape(char c, byte[] to, int at) {
    int p = at;
    to[p++] = '\\';
    switch (c) {
      case '"' -> to[p++] = '"';
      case '\\' -> to[p++] = '\\';
      case '\n' -> to[p++] = 'n';
      case '\r' -> to[p++] = 'r';
      case '\t' -> to[p++] = 't';
      default -> {
        to[p++] = 'u';
        to[p++] = '0';
        to[p++] = '0';
        to[p++] = (byte) Character.forDigit(c >> 4, 16);
        to[p++] = (byte) Character.forDigit(c & 0xf, 16);
      }
    }
    return p;
  }

  private static boolean isPairAt(CharSequence s, int i) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }

  /**
   * Encodes the non-ASCII char at {@code i} (with the next one, when the two are a surrogate pair) as
   * {@link String#getBytes} does in UTF-8, which writes '?' for a surrogate without its partner.
   */
  private static int encode(CharSequence s, int i, byte[] to, int at) {
    char c = s.charAt(i);
    int p = at;
    if (c < 0x800) {
      to[p++] = (byte) (0xc0 | (c >> 6));
      to[p++] = (byte) (0x80 | (c & 0x3f));
    } else if (!Character.isSurrogate(c)) {
      to[p++] = (byte) (0xe0 | (c >> 12));
      to[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
      to[p++] = (byte) (0x80 | (c & 0x3f));
    } else if (isPairAt(s, i)) {
      int cp = Character.toCodePoint(c, s.charAt(i + 1));
      to[p++] = (byte) (0xf0 | (cp >> 18));
      to[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
      to[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
      to[p++] = (byte) (0x80 | (cp & 0x3f));
    } else {
      to[p++] = '?';
    }
    return p;
  }
}
