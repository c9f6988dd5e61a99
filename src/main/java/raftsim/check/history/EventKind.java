package raftsim.check.history;

/** The four kinds of history events, named by the word that starts their line in the {@code raftsim} format. */
public enum EventKind {
  /** A client issued a command. */
  INVOKE("invoke"),
  /** The command completed with a result. */
  OK("ok"),
  /** The command certainly was not, and never will be, applied. */
  FAIL("fail"),
  /** The outcome is unknown: the command may take effect at any later point, or never. */
  INFO("info");

  private final String word;

  EventKind(String word) {
    this.word = word;
  }

  /** The word for this kind in the {@code raftsim} history format. */
  public String word() {
    return word;
  }

  /** The kind named by {@code word}, or null when there is none. */
  static EventKind ofWord(String word) {
    for (EventKind kind : values()) {
      if (kind.word.equals(word)) {
        return kind;
      }
    }
    return null;
  }
}
