package raftsim.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Sentences in the order they were added, and found by id. */
final class SentenceBook {
  private final List<Sentence> list = new ArrayList<>();
  private final TreeMap<String, Sentence> byId = new TreeMap<>();

  /** Adds a sentence; ids are unique. */
  Sentence add(String id, String template) {
    return add(new Sentence(id, template));
  }

  Sentence add(Sentence s) {
    if (byId.putIfAbsent(s.id(), s) != null) {
      throw new IllegalArgumentException("two sentences named " + s.id());
    }
    list.add(s);
    return s;
  }

  /** The sentence {@code id}; it must exist. */
  Sentence get(String id) {
    Sentence s = byId.get(id);
    if (s == null) {
      throw new IllegalArgumentException("no sentence " + id);
    }
    return s;
  }

  /** The sentence {@code id}, or {@code otherwise} when there is none. */
  Sentence getOr(String id, Sentence otherwise) {
    return byId.getOrDefault(id, otherwise);
  }

  List<Sentence> all() {
    return List.copyOf(list);
  }
}
