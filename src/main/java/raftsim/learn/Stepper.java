package raftsim.learn;

import java.util.List;
import java.util.Locale;

/**
 * The interactive stepper's model: a cursor on a line of the trace, a level of detail, and what the last
 * key had to say. Every key moves the cursor or the detail; the screen is drawn from scratch each time,
 * from the state after the cursor's line (a checkpoint plus one chunk of changes at most).
 */
public final class Stepper {
  private final LoadedTrace loaded;
  private final CompactTrace trace;
  private int cursor;
  private Detail detail = Detail.MESSAGES;
  private String message = "";
  private boolean help;

  public Stepper(LoadedTrace loaded) {
    this.loaded = loaded;
    this.trace = loaded.trace();
  }

  public LoadedTrace loaded() {
    return loaded;
  }

  /** The line the stepper stands on. */
  public int cursor() {
    return cursor;
  }

  public Detail detail() {
    return detail;
  }

  /** What the last key had to say ("no election after line 12"), or "". */
  public String message() {
    return message;
  }

  public boolean showingHelp() {
    return help;
  }

  /** Applies {@code key}; false when it quits. */
  public boolean press(StepKey key) {
    message = "";
    help = false;
    if (key instanceof StepKey.Quit) {
      return false;
    } else if (key instanceof StepKey.Next) {
      move(trace.nextOfKind(cursor, detail.kinds()), "no further line at detail " + detail.level());
    } else if (key instanceof StepKey.Back) {
      move(trace.previousOfKind(cursor, detail.kinds()), "no earlier line at detail " + detail.level());
    } else if (key instanceof StepKey.JumpToTime j) {
      cursor = trace.firstAtOrAfter(j.t());
      if (trace.line(cursor).t() < j.t()) {
        message = "the trace ends at " + trace.line(cursor).t() + " ms";
      }
    } else if (key instanceof StepKey.JumpToLine j) {
      if (j.seq() < 0 || j.seq() >= trace.size()) {
        message = "no line " + j.seq() + "; lines are numbered 0.." + (trace.size() - 1);
      } else {
        cursor = (int) j.seq();
      }
    } else if (key instanceof StepKey.Start) {
      cursor = 0;
    } else if (key instanceof StepKey.End) {
      cursor = trace.size() - 1;
    } else if (key instanceof StepKey.NextOfKind k) {
      move(trace.nextOfKind(cursor, k.kinds()), "no " + k.what() + " after line " + cursor);
    } else if (key instanceof StepKey.NextAtNode n) {
      move(nextAtNode(n.node()), "no line involving node " + n.node() + " after line " + cursor);
    } else if (key instanceof StepKey.MoreDetail) {
      detail = detail.more();
    } else if (key instanceof StepKey.LessDetail) {
      detail = detail.less();
    } else if (key instanceof StepKey.Help) {
      help = true;
    } else {
      message = "unknown key \"" + key.text() + "\"; h for help";
    }
    return true;
  }

  private void move(int to, String otherwise) {
    if (to < 0) {
      message = otherwise;
    } else {
      cursor = to;
    }
  }

  /** The next line, visible at this detail, whose node (or a message's sender or receiver) is {@code node}. */
  private int nextAtNode(int node) {
    List<String> kinds = detail.kinds();
    for (int i = trace.nextOfKind(cursor, kinds); i >= 0; i = trace.nextOfKind(i, kinds)) {
      if (involves(trace.line(i), node)) {
        return i;
      }
    }
    return -1;
  }

  static boolean involves(raftsim.trace.TraceLine l, int node) {
    return l.num("node", -1) == node || l.num("from", -1) == node && l.has("type")
        || l.num("to", -1) == node && l.has("type") || l.num("follower", -1) == node;
  }

  /** The screen for the cursor, as text. */
  public String screen(Style style) {
    return new Screen(this, style).render();
  }

  /** Formats a number with thousands separators, the same on every machine. */
  static String n(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }
}
