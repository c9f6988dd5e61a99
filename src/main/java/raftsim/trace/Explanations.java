package raftsim.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-language sentence for every trace line, derived from its structured fields when the trace is
 * read, never stored in it: traces stay small, and traces written before a sentence was improved get the
 * better one. Each sentence cites its section of the Raft paper (or of Ongaro's dissertation, for reads).
 *
 * <p>The choice of sentence may depend on who leads (a leader's commit and a follower's have different
 * reasons), so the reader passes what it knows; everything else comes from the line alone.
 */
public final class Explanations {
  private Explanations() {}

  /** What the reader of a trace knows about the cluster just before the line. */
  @FunctionalInterface
  public interface Context {
    /** True when {@code node} is in the leader role. */
    boolean leads(int node);
  }

  /** For a reader that tracks no state: nobody is taken to lead. */
  public static final Context NO_CONTEXT = node -> false;

  private static final List<Sentence> ALL = collect();

  private static List<Sentence> collect() {
    List<Sentence> all = new ArrayList<>();
    all.addAll(MessageSentences.BOOK.all());
    all.addAll(DecisionSentences.BOOK.all());
    all.addAll(WorldSentences.BOOK.all());
    return List.copyOf(all);
  }

  /** Every sentence, in a fixed order (the HTML viewer receives this list and fills the same templates). */
  public static List<Sentence> all() {
    return ALL;
  }

  /** The sentence that explains {@code line}. */
  public static Sentence choose(TraceLine line, Context context) {
    if (MessageSentences.isTransit(line.kind())) {
      return MessageSentences.choose(line);
    }
    Sentence s = DecisionSentences.choose(line, context);
    return s != null ? s : WorldSentences.choose(line);
  }

  /** The explanation of {@code line}. */
  public static String explain(TraceLine line, Context context) {
    return choose(line, context).fill(line);
  }

  /** True when {@code s} is the catch-all for kinds nobody explains. */
  public static boolean isFallback(Sentence s) {
    return s.id().equals("unknown") || s.id().endsWith(".other");
  }
}
