package raftsim.learn;

import java.util.IdentityHashMap;
import java.util.List;
import raftsim.trace.Explanations;
import raftsim.trace.Sentence;

/** The position of each sentence in {@link Explanations#all()}, which the compact trace stores per shape. */
final class SentenceIndex {
  private SentenceIndex() {}

  private static final IdentityHashMap<Sentence, Integer> INDEX = index();

  private static IdentityHashMap<Sentence, Integer> index() {
    IdentityHashMap<Sentence, Integer> m = new IdentityHashMap<>();
    List<Sentence> all = Explanations.all();
    for (int i = 0; i < all.size(); i++) {
      m.put(all.get(i), i);
    }
    return m;
  }

  static int of(Sentence s) {
    Integer i = INDEX.get(s);
    if (i == null) {
      throw new IllegalArgumentException("not one of Explanations.all(): " + s.id());
    }
    return i;
  }
}
