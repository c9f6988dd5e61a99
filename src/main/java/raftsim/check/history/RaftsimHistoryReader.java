package raftsim.check.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code raftsim} history format (see {@code src/docs/linearizability.md}) and checks every line. */
public final class RaftsimHistoryReader {
  private final String source;
  private final History.Builder builder = new History.Builder();
  private final Map<Long, KvCommand> openCommands = new HashMap<>();

  private RaftsimHistoryReader(String source) {
    this.source = source;
  }

  /** Reads a whole file; {@code source} names it in error messages. */
  public static History read(String source, String content) throws HistoryParseException {
    return new RaftsimHistoryReader(source).readAll(Lines.of(content));
  }

  private History readAll(List<String> lines) throws HistoryParseException {
    if (lines.isEmpty()) {
      throw error(1, 1, "empty file: expected the header '" + HistoryWriter.HEADER + "'");
    }
    readHeader(lines.get(0));
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (Lines.isBlank(line)) {
        continue;
      }
      if (line.startsWith("#")) {
        builder.comment(line.startsWith("# ") ? line.substring(2) : line.substring(1));
        continue;
      }
      readEvent(i + 1, line);
    }
    return builder.build();
  }

  private void readHeader(String line) throws HistoryParseException {
    List<Token> t = Token.split(line);
    if (t.isEmpty() || !t.get(0).text().equals("raftsim-history")) {
      throw error(1, 1, "expected the header '" + HistoryWriter.HEADER + "'");
    }
    if (t.size() < 2) {
      throw error(1, line.length() + 1, "missing format version after 'raftsim-history' (expected 1)");
    }
    if (!t.get(1).text().equals("1")) {
      throw error(1, t.get(1).start() + 1, "unsupported format version '" + t.get(1).text() + "' (expected 1)");
    }
    if (t.size() > 2) {
      throw error(1, t.get(2).start() + 1, "unexpected text after the header");
    }
  }

  private void readEvent(int lineNo, String line) throws HistoryParseException {
    List<Token> t = Token.split(line, 0, 5);
    EventKind kind = EventKind.ofWord(t.get(0).text());
    if (kind == null) {
      throw error(lineNo, t.get(0).start() + 1,
          "unknown event '" + t.get(0).text() + "' (expected invoke, ok, fail or info, or '#' for a comment)");
    }
    long opId = number(lineNo, line, t, 1, "operation id");
    long clientId = number(lineNo, line, t, 2, "client id");
    if (clientId > Integer.MAX_VALUE) {
      throw error(lineNo, t.get(2).start() + 1, "client id is too large (at most " + Integer.MAX_VALUE + ")");
    }
    long timeMs = number(lineNo, line, t, 3, "time in ms");
    Token text = t.size() > 4 ? t.get(4) : new Token(line.length(), "");
    KvCommand command = null;
    if (kind == EventKind.INVOKE) {
      if (text.text().isEmpty()) {
        throw error(lineNo, line.length() + 1, "missing command (SET, GET, DELETE, APPEND or CAS)");
      }
      command = parseCommand(lineNo, text);
    }
    try {
      builder.add(kind, opId, (int) clientId, timeMs, text.text(), lineNo);
    } catch (InvalidEventException e) {
      int column = switch (e.field()) {
        case OP_ID -> t.get(1).start();
        case CLIENT_ID -> t.get(2).start();
        case TIME -> t.get(3).start();
        case TEXT -> text.start();
      };
      throw error(lineNo, column + 1, e.getMessage());
    }
    if (kind == EventKind.INVOKE) {
      openCommands.put(opId, command);
      return;
    }
    KvCommand invoked = openCommands.remove(opId);
    if (kind == EventKind.OK) {
      if (text.text().isEmpty()) {
        throw error(lineNo, line.length() + 1, "missing result");
      }
      try {
        KvResult.parse(invoked, text.text());
      } catch (SyntaxException e) {
        throw error(lineNo, text.start() + e.offset() + 1, e.getMessage());
      }
    }
  }

  private KvCommand parseCommand(int lineNo, Token text) throws HistoryParseException {
    try {
      return KvCommand.parse(text.text());
    } catch (SyntaxException e) {
      throw error(lineNo, text.start() + e.offset() + 1, e.getMessage());
    }
  }

  private long number(int lineNo, String line, List<Token> t, int index, String what)
      throws HistoryParseException {
    if (t.size() <= index) {
      throw error(lineNo, line.length() + 1, "missing " + what);
    }
    Token token = t.get(index);
    String s = token.text();
    boolean digits = !s.isEmpty() && s.length() <= 18;
    for (int i = 0; i < s.length() && digits; i++) {
      digits = s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }
    if (!digits) {
      throw error(lineNo, token.start() + 1, what + " must be a non-negative integer, not '" + s + "'");
    }
    return Long.parseLong(s);
  }

  private HistoryParseException error(int line, int column, String problem) {
    return new HistoryParseException(source, line, column, problem);
  }
}
