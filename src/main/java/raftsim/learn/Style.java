package raftsim.learn;

/**
 * Colours for the terminal, or none: with {@link #PLAIN} every method returns its text unchanged, so a
 * screen written for a file, a pipe or {@code NO_COLOR} holds no escape codes at all.
 */
public final class Style {
  public static final Style PLAIN = new Style(false);
  public static final Style ANSI = new Style(true);

  /** Background colours for terms 1, 2, 3, ... in turn; term 0 has none. */
  private static final int[] TERM_BACKGROUNDS = {44, 42, 45, 43, 46, 41, 104, 102, 105, 103};

  private final boolean on;

  private Style(boolean on) {
    this.on = on;
  }

  public boolean colours() {
    return on;
  }

  private String wrap(String code, String text) {
    return on ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }

  public String bold(String s) {
    return wrap("1", s);
  }

  public String dim(String s) {
    return wrap("2", s);
  }

  public String red(String s) {
    return wrap("31", s);
  }

  public String green(String s) {
    return wrap("32", s);
  }

  public String yellow(String s) {
    return wrap("33", s);
  }

  public String cyan(String s) {
    return wrap("36", s);
  }

  /** A role, coloured as the viewer colours it. */
  public String role(NodeRole role, String text) {
    return switch (role) {
      case LEADER -> wrap("1;32", text);
      case CANDIDATE -> wrap("1;33", text);
      case CRASHED -> wrap("31", text);
      case FOLLOWER -> text;
    };
  }

  /** A log cell of {@code term}: its background says the term; an uncommitted one is dimmed. */
  public String cell(long term, boolean committed, String text) {
    if (!on || term <= 0) {
      return text;
    }
    int bg = TERM_BACKGROUNDS[(int) ((term - 1) % TERM_BACKGROUNDS.length)];
    return wrap((committed ? "1;97;" : "2;97;") + bg, text);
  }

  /** Clears the screen and puts the cursor at the top: only when colours are on, that is on a terminal. */
  public String clear() {
    return on ? "\u001b[H\u001b[2J" : "";
  }
}
