package raftsim.trace;

import java.util.Arrays;
import java.util.List;

/**
 * One line of a trace, read back: the fields every line has ({@code seq}, {@code ev}, {@code t},
 * {@code kind}) and the others in the order the line lists them. A value is a {@link Long}, a
 * {@link Boolean}, a {@link String}, {@code null} (JSON null) or {@link RawJson} (an array or object, kept
 * as its text).
 */
public final class TraceLine {
  private final long seq;
  private final long ev;
  private final long t;
  private final String kind;
  private final String[] names;
  private final Object[] values;

  /** A JSON array or object, as written. */
  public record RawJson(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  public TraceLine(long seq, long ev, long t, String kind, String[] names, Object[] values) {
    if (names.length != values.length) {
      throw new IllegalArgumentException(names.length + " names for " + values.length + " values");
    }
    this.seq = seq;
    this.ev = ev;
    this.t = t;
    this.kind = kind;
    this.names = names.clone();
    this.values = values.clone();
  }

  public long seq() {
    return seq;
  }

  public long ev() {
    return ev;
  }

  public long t() {
    return t;
  }

  public String kind() {
    return kind;
  }

  /** How many fields the line has besides seq, ev, t and kind. */
  public int size() {
    return names.length;
  }

  public String name(int i) {
    return names[i];
  }

  public Object value(int i) {
    return values[i];
  }

  public List<String> names() {
    return List.of(names);
  }

  public boolean has(String name) {
    return indexOf(name) >= 0;
  }

  /** The value of {@code name}; null when the line lacks it or it is JSON null. */
  public Object get(String name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  /** The integer {@code name}, or {@code otherwise} when the line has no integer there. */
  public long num(String name, long otherwise) {
    return get(name) instanceof Long l ? l : otherwise;
  }

  /** The integer {@code name}; 0 when the line has no integer there. */
  public long num(String name) {
    return num(name, 0);
  }

  /** The node id {@code name}; 0 when absent. */
  public int node(String name) {
    return (int) num(name, 0);
  }

  /** The string {@code name}; null when absent or not a string. */
  public String str(String name) {
    return get(name) instanceof String s ? s : null;
  }

  public boolean bool(String name) {
    return Boolean.TRUE.equals(get(name));
  }

  /** The value of {@code name} as a sentence shows it: integers in decimal, strings as they are. */
  public String text(String name) {
    Object v = get(name);
    return v == null ? (has(name) ? "null" : "?") : v.toString();
  }

  private int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The line as the trace writes it (JSON, without the newline). */
  public String toJson() {
    StringBuilder b = new StringBuilder(64 + 16 * names.length);
    b.append("{\"seq\":").append(seq).append(",\"ev\":").append(ev).append(",\"t\":").append(t).append(",\"kind\":");
    Json.quote(kind, b);
    for (int i = 0; i < names.length; i++) {
      b.append(',');
      Json.quote(names[i], b);
      b.append(':');
      Object v = values[i];
      if (v instanceof String s) {
        Json.quote(s, b);
      } else {
        b.append(v);
      }
    }
    return b.append('}').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TraceLine l && l.seq == seq && l.ev == ev && l.t == t && l.kind.equals(kind)
        && Arrays.equals(l.names, names) && Arrays.equals(l.values, values);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(seq) * 31 + kind.hashCode();
  }

  @Override
  public String toString() {
    return toJson();
  }
}
