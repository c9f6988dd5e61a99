package raftsim.trace;

/**
 * Field names seen before, so that millions of lines share a few dozen name strings instead of making
 * one each: less garbage, and comparisons that succeed on identity.
 */
final class NameCache {
  private String[] table = new String[256];
  private int count;

  /** The name spelled by {@code s[from..to)}, as one shared instance. */
  String get(String s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + s.charAt(i);
    }
    int mask = table.length - 1;
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      String name = table[slot];
      if (name == null) {
        String fresh = s.substring(from, to);
        if (++count * 2 > table.length) {
          grow();
          return get(s, from, to);
        }
        table[slot] = fresh;
        return fresh;
      }
      if (name.length() == to - from && s.regionMatches(from, name, 0, to - from)) {
        return name;
      }
    }
  }

  private void grow() {
    String[] old = table;
    table = new String[old.length * 2];
    count = 0;
    for (String name : old) {
      if (name != null) {
        get(name, 0, name.length());
      }
    }
  }
}
