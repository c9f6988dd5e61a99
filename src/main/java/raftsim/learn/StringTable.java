package raftsim.learn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Strings numbered in the order they are first met, so equal strings are stored once. */
final class StringTable {
  private final LinkedHashMap<String, Integer> ids = new LinkedHashMap<>();
  private final List<String> list = new ArrayList<>();

  int id(String s) {
    Integer id = ids.get(s);
    if (id == null) {
      id = list.size();
      ids.put(s, id);
      list.add(s);
    }
    return id;
  }

  /** The strings by number; a live view that grows as strings are added. */
  List<String> list() {
    return list;
  }
}
