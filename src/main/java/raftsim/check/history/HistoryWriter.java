package raftsim.check.history;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import raftsim.check.history.InvalidEventException.Field;

/**
 * Streams a history in the {@code raftsim} format, one line per event, as the events happen. Every event is checked
 * as {@link History.Builder} checks it, and commands and results must be raftsim key-value ones, so whatever this
 * writes {@link RaftsimHistoryReader} reads back. I/O errors are thrown as {@link UncheckedIOException}.
 */
public final class HistoryWriter implements Flushable, Closeable {
  /** The first line of every file in the format. */
  public static final String HEADER = "raftsim-history 1";

  private final Appendable out;
  private final EventValidator validator = new EventValidator();

  /** Writes to {@code out}; the caller chose its encoding. Writes the header line at once. */
  public HistoryWriter(Appendable out) {
    this.out = out;
    line(HEADER);
  }

  /** Writes UTF-8 to {@code out}. */
  public static HistoryWriter utf8(OutputStream out) {
    return new HistoryWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
  }

  /** A comment line, e.g. the scenario and seed the history came from. */
  public HistoryWriter comment(String text) {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new InvalidEventException(Field.TEXT, "a comment must not contain a line break");
    }
    return line(text.isEmpty() ? "#" : "# " + text);
  }

  /** A client issued a key-value command. */
  public HistoryWriter invoke(long opId, int clientId, long timeMs, String command) {
    try {
      KvCommand.parse(command);
    } catch (SyntaxException e) {
      throw new InvalidEventException(Field.TEXT, e.getMessage());
    }
    return event(EventKind.INVOKE, opId, clientId, timeMs, command);
  }

  /** Operation {@code opId} completed with {@code result} (e.g. {@code OK}, {@code VALUE v}, {@code NIL}). */
  public HistoryWriter ok(long opId, int clientId, long timeMs, String result) {
    return event(EventKind.OK, opId, clientId, timeMs, result);
  }

  /** Operation {@code opId} certainly was not, and never will be, applied. */
  public HistoryWriter fail(long opId, int clientId, long timeMs, String reason) {
    return event(EventKind.FAIL, opId, clientId, timeMs, reason);
  }

  /** The outcome of operation {@code opId} is unknown (e.g. it timed out). */
  public HistoryWriter info(long opId, int clientId, long timeMs, String reason) {
    return event(EventKind.INFO, opId, clientId, timeMs, reason);
  }

  private HistoryWriter event(EventKind kind, long opId, int clientId, long timeMs, String text) {
    EventValidator.OpenOperation answered = validator.accept(kind, opId, clientId, timeMs, text);
    if (kind == EventKind.OK) {
      try {
        KvResult.parse(KvCommand.parse(answered.command()), text);
      } catch (SyntaxException e) {
        throw new InvalidEventException(Field.TEXT, e.getMessage());
      }
    }
    StringBuilder b = new StringBuilder(32 + text.length());
    b.append(kind.word()).append(' ').append(opId).append(' ').append(clientId).append(' ').append(timeMs);
    if (!text.isEmpty()) {
      b.append(' ').append(text);
    }
    return line(b.toString());
  }

  private HistoryWriter line(String text) {
    try {
      out.append(text).append('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  @Override
  public void flush() {
    if (out instanceof Flushable f) {
      try {
        f.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void close() {
    if (out instanceof Closeable c) {
      try {
        c.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
