package raftsim.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One key (or command) of the stepper. */
public sealed interface StepKey {
  /** What the key was typed as, for the transcript. */
  String text();

  record Next(String text) implements StepKey {}

  record Back(String text) implements StepKey {}

  /** To the first line at or after simulated time {@code t}. */
  record JumpToTime(String text, long t) implements StepKey {}

  /** To the line numbered {@code seq}. */
  record JumpToLine(String text, long seq) implements StepKey {}

  record Start(String text) implements StepKey {}

  record End(String text) implements StepKey {}

  /** To the next line of one of {@code kinds}; {@code what} names it in messages ("election"). */
  record NextOfKind(String text, List<String> kinds, String what) implements StepKey {
    public NextOfKind {
      kinds = List.copyOf(kinds);
    }
  }

  /** To the next line that involves {@code node}. */
  record NextAtNode(String text, int node) implements StepKey {}

  record MoreDetail(String text) implements StepKey {}

  record LessDetail(String text) implements StepKey {}

  record Help(String text) implements StepKey {}

  record Quit(String text) implements StepKey {}

  /** Not a key the stepper knows. */
  record Unknown(String text) implements StepKey {}

  /** The keys, as help shows them. */
  List<String> HELP = List.of(
      "n (or Enter)  next line            b        back one line",
      "t=MS          jump to a time       s=SEQ    jump to a line",
      "g / G         start / end          e c v    next election / commit / violation",
      "k=KIND        next line of a kind  @N       next line involving node N",
      "+ / -         more / less detail   h        this help         q   quit");

  /**
   * Reads keys from a script or a typed line: words separated by spaces. {@code t 2500} is read as
   * {@code t=2500}, and likewise for {@code s}, {@code k} and {@code @}.
   */
  static List<StepKey> parseAll(String text) {
    String[] words = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
    List<StepKey> keys = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      boolean takesArgument = w.equals("t") || w.equals("s") || w.equals("k") || w.equals("@");
      if (takesArgument && i + 1 < words.length) {
        w = w + (w.equals("@") ? "" : "=") + words[++i];
      }
      keys.add(parse(w));
    }
    return keys;
  }

  static StepKey parse(String w) {
    switch (w) {
      case "", "n", "next" -> {
        return new Next(w.isEmpty() ? "n" : w);
      }
      case "b", "back", "p" -> {
        return new Back(w);
      }
      case "g", "home", "start" -> {
        return new Start(w);
      }
      case "G", "end" -> {
        return new End(w);
      }
      case "e" -> {
        return new NextOfKind(w, List.of("election"), "election");
      }
      case "c" -> {
        return new NextOfKind(w, List.of("commit"), "commit");
      }
      case "v" -> {
        return new NextOfKind(w, List.of("violation"), "violation");
      }
      case "+", "more" -> {
        return new MoreDetail(w);
      }
      case "-", "less" -> {
        return new LessDetail(w);
      }
      case "h", "?", "help" -> {
        return new Help(w);
      }
      case "q", "quit", "exit" -> {
        return new Quit(w);
      }
      default -> {
        return withArgument(w);
      }
    }
  }

  private static StepKey withArgument(String w) {
    String lower = w.toLowerCase(Locale.ROOT);
    try {
      if (lower.startsWith("t=") || (lower.startsWith("t") && lower.length() > 1 && Character.isDigit(lower.charAt(1)))) {
        return new JumpToTime(w, Long.parseLong(lower.substring(lower.charAt(1) == '=' ? 2 : 1).replace("ms", "")));
      }
      if (lower.startsWith("s=")) {
        return new JumpToLine(w, Long.parseLong(lower.substring(2)));
      }
      if (lower.startsWith("@") || lower.startsWith("node=")) {
        return new NextAtNode(w, Integer.parseInt(lower.substring(lower.startsWith("@") ? 1 : 5)));
      }
    } catch (NumberFormatException e) {
      return new Unknown(w);
    }
    if (lower.startsWith("k=") && lower.length() > 2) {
      return new NextOfKind(w, List.of(w.substring(2)), w.substring(2));
    }
    return new Unknown(w);
  }
}
