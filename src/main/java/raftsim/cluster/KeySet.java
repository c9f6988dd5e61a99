package raftsim.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The keys a nemesis run uses. List keys {@code a1..aN} only ever get APPENDs of unique tokens, so their final
 * values show every write that survived; register keys {@code r1..rN} get SET and CAS.
 */
public record KeySet(int count) {

  public KeySet {
    if (count < 1) {
      throw new IllegalArgumentException("need at least one key of each kind");
    }
  }

  public List<String> listKeys() {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "a" + i).toList();
  }

  public List<String> registerKeys() {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "r" + i).toList();
  }

  /** Every key: the list keys, then the registers. */
  public List<String> all() {
    List<String> keys = new ArrayList<>(listKeys());
    keys.addAll(registerKeys());
    return keys;
  }

  public static boolean isListKey(String key) {
    return key.startsWith("a");
  }
}
