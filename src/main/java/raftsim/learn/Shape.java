package raftsim.learn;

import java.util.List;

/**
 * What lines of one form have in common, so that each line needs to store only its values: its kind, its
 * field names in order, the type of each value, and the sentence that explains it.
 *
 * <p>An <em>echo</em> shape is for a deliver, drop or duplicate line that repeats the fields of the send
 * line of its message (the trace writes a message's fields alike each time), in the same chunk: such a
 * line stores which send it echoes, and {@code names} lists only the fields it adds (a drop's reason).
 *
 * @param types one of the {@code TYPE_} constants per field
 * @param sentence the position of the line's sentence in {@link raftsim.trace.Explanations#all()}
 */
record Shape(String kind, List<String> names, List<Integer> types, int sentence, boolean echo) {
  static final int TYPE_INT = 0;
  static final int TYPE_TRUE = 1;
  static final int TYPE_FALSE = 2;
  static final int TYPE_NULL = 3;
  static final int TYPE_STRING = 4;
  static final int TYPE_RAW = 5;

  Shape {
    names = List.copyOf(names);
    types = List.copyOf(types);
  }

  /** The number of integer fields, which each keep the last value (values are written as differences). */
  int intFields() {
    int n = 0;
    for (int t : types) {
      if (t == TYPE_INT) {
        n++;
      }
    }
    return n;
  }
}
