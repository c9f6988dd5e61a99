package raftsim.check.history;

import java.util.List;

/**
 * Reads the Jepsen etcd logs ({@code jepsen-etcd}) of one compare-and-set register: lines
 * {@code INFO jepsen.util - PROCESS TYPE F VALUE}, fields separated by spaces or TABs.
 *
 * <p>The history's commands are {@code read}, {@code write N} and {@code cas A B}. Results: a read gives {@code N}
 * or {@code nil}; a write gives {@code ok}; a cas gives {@code true}, or {@code false} for {@code :fail :cas} (a
 * definite outcome: the register did not hold A). {@code :fail :read :timed-out} is recorded as indeterminate (a read
 * whose value nobody saw constrains nothing); {@code :info} is indeterminate; any other {@code :fail} is a failure
 * (never applied). The line number serves as the time.
 */
public final class JepsenEtcdReader {
  /** The fields after {@code INFO jepsen.util -}, named for error messages. */
  private static final String[] FIELDS = {"process", "type", "function", "value"};

  private JepsenEtcdReader() {}

  /** Reads a whole file; {@code source} names it in error messages. */
  public static History read(String source, String content) throws HistoryParseException {
    History.Builder builder = new History.Builder();
    ProcessOperations processes = new ProcessOperations();
    List<String> lines = Lines.of(content);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (Lines.isBlank(line)) {
        continue;
      }
      try {
        readEvent(builder, processes, line, i + 1);
      } catch (SyntaxException e) {
        throw new HistoryParseException(source, i + 1, e.offset() + 1, e.getMessage());
      }
    }
    return builder.build();
  }

  private static void readEvent(History.Builder builder, ProcessOperations processes, String line, int lineNo) {
    List<Token> t = Token.split(line, 0, 7);
    expectWord(t, 0, "INFO", line);
    expectWord(t, 1, "jepsen.util", line);
    expectWord(t, 2, "-", line);
    for (int i = 3; i < 7; i++) {
      if (t.size() <= i) {
        throw new SyntaxException(line.length(), "missing " + FIELDS[i - 3]);
      }
    }
    Token process = t.get(3);
    Token type = t.get(4);
    Token f = t.get(5);
    Token value = t.get(6);
    int client = ProcessOperations.processNumber(process.text(), process.start());
    String function = switch (f.text()) {
      case ":read", ":write", ":cas" -> f.text().substring(1);
      default -> throw new SyntaxException(f.start(), "unknown function '" + f.text() + "' (expected :read, :write or :cas)");
    };
    switch (type.text()) {
      case ":invoke" -> {
        String command = switch (function) {
          case "read" -> {
            expectNil(value);
            yield "read";
          }
          case "write" -> "write " + integer(value.text(), value.start());
          default -> "cas " + pair(value);
        };
        ProcessOperations.Open op = processes.invoke(client, function, lineNo, process.start());
        builder.add(EventKind.INVOKE, op.opId(), client, lineNo, command, lineNo);
      }
      case ":ok" -> {
        ProcessOperations.Open op = processes.complete(client, function, process.start(), f.start());
        String result = switch (function) {
          case "read" -> value.text().equals("nil") ? "nil" : Long.toString(integer(value.text(), value.start()));
          case "write" -> {
            integer(value.text(), value.start());
            yield "ok";
          }
          default -> {
            pair(value);
            yield "true";
          }
        };
        builder.add(EventKind.OK, op.opId(), client, lineNo, result, lineNo);
      }
      case ":fail" -> {
        ProcessOperations.Open op = processes.complete(client, function, process.start(), f.start());
        if (function.equals("cas") && value.text().startsWith("[")) {
          pair(value);
          builder.add(EventKind.OK, op.opId(), client, lineNo, "false", lineNo);
        } else if (function.equals("read") && value.text().equals(":timed-out")) {
          builder.add(EventKind.INFO, op.opId(), client, lineNo, "timed-out", lineNo);
        } else {
          builder.add(EventKind.FAIL, op.opId(), client, lineNo, value.text(), lineNo);
        }
      }
      case ":info" -> {
        ProcessOperations.Open op = processes.complete(client, function, process.start(), f.start());
        builder.add(EventKind.INFO, op.opId(), client, lineNo, value.text(), lineNo);
      }
      default -> throw new SyntaxException(type.start(),
          "unknown type '" + type.text() + "' (expected :invoke, :ok, :fail or :info)");
    }
  }

  private static void expectWord(List<Token> t, int index, String word, String line) {
    if (t.size() <= index || !t.get(index).text().equals(word)) {
      int at = t.size() <= index ? line.length() : t.get(index).start();
      throw new SyntaxException(at, "expected '" + word + "' (lines look like 'INFO  jepsen.util - 3 :invoke :read nil')");
    }
  }

  private static void expectNil(Token value) {
    if (!value.text().equals("nil")) {
      throw new SyntaxException(value.start(), "a read is invoked with nil, not '" + value.text() + "'");
    }
  }

  /** {@code [A B]}, returned as {@code "A B"}. */
  private static String pair(Token value) {
    String v = value.text();
    if (!v.startsWith("[") || !v.endsWith("]")) {
      throw new SyntaxException(value.start(), "expected a pair [A B], not '" + v + "'");
    }
    List<Token> parts = Token.split(v.substring(1, v.length() - 1));
    if (parts.size() != 2) {
      throw new SyntaxException(value.start(), "expected a pair [A B], not '" + v + "'");
    }
    long a = integer(parts.get(0).text(), value.start() + 1 + parts.get(0).start());
    long b = integer(parts.get(1).text(), value.start() + 1 + parts.get(1).start());
    return a + " " + b;
  }

  private static long integer(String text, int offset) {
    if (!text.matches("-?[0-9]{1,18}")) {
      throw new SyntaxException(offset, "expected an integer, not '" + text + "'");
    }
    return Long.parseLong(text);
  }
}
