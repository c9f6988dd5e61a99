package raftsim.check.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded client history: events in real-time order, and the operations they form. Model-agnostic: commands
 * and results are text in the language of whichever model will check the history.
 *
 * <p>Build one with {@link Builder}, as a simulator does while it runs, or read one with {@link HistoryFormat}.
 */
public final class History {
  private final List<HistoryEvent> events;
  private final List<Comment> comments;
  private final List<Operation> operations;

  /** A comment line and the number of events that precede it. */
  public record Comment(int beforeEvent, String text) {}

  private History(List<HistoryEvent> events, List<Comment> comments) {
    this.events = List.copyOf(events);
    this.comments = List.copyOf(comments);
    this.operations = pairUp(this.events);
  }

  /** The events, in real-time order. */
  public List<HistoryEvent> events() {
    return events;
  }

  /** The comment lines, each with its place among the events. */
  public List<Comment> comments() {
    return comments;
  }

  /** The operations, in the order of their invocations. */
  public List<Operation> operations() {
    return operations;
  }

  /** Writes this history in the {@code raftsim} format (its commands must be raftsim key-value commands). */
  public void writeTo(HistoryWriter writer) {
    int nextComment = 0;
    for (int i = 0; i < events.size(); i++) {
      while (nextComment < comments.size() && comments.get(nextComment).beforeEvent() <= i) {
        writer.comment(comments.get(nextComment++).text());
      }
      HistoryEvent e = events.get(i);
      switch (e.kind()) {
        case INVOKE -> writer.invoke(e.opId(), e.clientId(), e.timeMs(), e.text());
        case OK -> writer.ok(e.opId(), e.clientId(), e.timeMs(), e.text());
        case FAIL -> writer.fail(e.opId(), e.clientId(), e.timeMs(), e.text());
        case INFO -> writer.info(e.opId(), e.clientId(), e.timeMs(), e.text());
      }
    }
    while (nextComment < comments.size()) {
      writer.comment(comments.get(nextComment++).text());
    }
    writer.flush();
  }

  private static List<Operation> pairUp(List<HistoryEvent> events) {
    Map<Long, Integer> completionOf = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).kind() != EventKind.INVOKE) {
        completionOf.put(events.get(i).opId(), i);
      }
    }
    List<Operation> operations = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      HistoryEvent invoke = events.get(i);
      if (invoke.kind() != EventKind.INVOKE) {
        continue;
      }
      Integer c = completionOf.get(invoke.opId());
      if (c == null) {
        operations.add(new Operation(
            invoke.opId(), invoke.clientId(), invoke.text(), Outcome.PENDING, "", i, -1, invoke.line(), 0));
        continue;
      }
      HistoryEvent done = events.get(c);
      Outcome outcome = switch (done.kind()) {
        case OK -> Outcome.OK;
        case FAIL -> Outcome.FAIL;
        case INFO -> Outcome.INFO;
        case INVOKE -> throw new IllegalStateException("an invocation cannot complete another");
      };
      operations.add(new Operation(
          invoke.opId(), invoke.clientId(), invoke.text(), outcome, done.text(), i, c, invoke.line(), done.line()));
    }
    return Collections.unmodifiableList(operations);
  }

  /**
   * Records a history event by event, checking each one (see {@link InvalidEventException}). Line numbers are
   * those of the file {@link HistoryWriter} would write from the same calls, so a counterexample can point into it.
   */
  public static final class Builder {
    private final EventValidator validator = new EventValidator();
    private final List<HistoryEvent> events = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    private int nextLine = 2; // line 1 holds the format header

    /** Adds a comment line (no line breaks). */
    public Builder comment(String text) {
      if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
        throw new InvalidEventException(InvalidEventException.Field.TEXT, "a comment must not contain a line break");
      }
      comments.add(new Comment(events.size(), text));
      nextLine++;
      return this;
    }

    /** A client issued {@code command}. */
    public Builder invoke(long opId, int clientId, long timeMs, String command) {
      return add(EventKind.INVOKE, opId, clientId, timeMs, command, nextLine);
    }

    /** Operation {@code opId} completed with {@code result}. */
    public Builder ok(long opId, int clientId, long timeMs, String result) {
      return add(EventKind.OK, opId, clientId, timeMs, result, nextLine);
    }

    /** Operation {@code opId} certainly was not, and never will be, applied. */
    public Builder fail(long opId, int clientId, long timeMs, String reason) {
      return add(EventKind.FAIL, opId, clientId, timeMs, reason, nextLine);
    }

    /** The outcome of operation {@code opId} is unknown. */
    public Builder info(long opId, int clientId, long timeMs, String reason) {
      return add(EventKind.INFO, opId, clientId, timeMs, reason, nextLine);
    }

    /** Adds an event read from line {@code line} of a file; readers use this to keep the real line numbers. */
    Builder add(EventKind kind, long opId, int clientId, long timeMs, String text, int line) {
      validator.accept(kind, opId, clientId, timeMs, text);
      events.add(new HistoryEvent(kind, opId, clientId, timeMs, text, line));
      nextLine = line + 1;
      return this;
    }

    /** The number of events recorded so far. */
    public int size() {
      return events.size();
    }

    /** The history recorded so far; operations without a completion are pending. */
    public History build() {
      return new History(events, comments);
    }
  }
}
