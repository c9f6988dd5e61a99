package raftsim.check.history;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Porcupine's key-value logs ({@code porcupine-kv}): one EDN map per line with {@code :process}, {@code :type}
 * ({@code :invoke}, {@code :ok}, {@code :fail}, {@code :info}), {@code :f} ({@code :get}, {@code :put},
 * {@code :append}), {@code :key} and {@code :value}.
 *
 * <p>The history's commands are {@code get K}, {@code put K V} and {@code append K V} (V is the rest of the text and
 * may hold spaces or be empty); a get's result is the value read, {@code ""} when absent; put and append give
 * {@code ok}. The line number serves as the time.
 */
public final class PorcupineKvReader {
  private PorcupineKvReader() {}

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
      } catch (InvalidEventException e) {
        throw new HistoryParseException(source, i + 1, 1, e.getMessage());
      }
    }
    return builder.build();
  }

  private static void readEvent(History.Builder builder, ProcessOperations processes, String line, int lineNo) {
    Map<String, EdnMap.Value> map = EdnMap.parse(line);
    EdnMap.Value process = field(map, line, ":process", EdnMap.Kind.INTEGER);
    EdnMap.Value type = field(map, line, ":type", EdnMap.Kind.KEYWORD);
    EdnMap.Value f = field(map, line, ":f", EdnMap.Kind.KEYWORD);
    EdnMap.Value key = field(map, line, ":key", EdnMap.Kind.STRING);
    EdnMap.Value value = map.get(":value");
    if (value == null) {
      throw new SyntaxException(line.length(), "missing :value");
    }
    int client = ProcessOperations.processNumber(process.text(), process.start());
    String function = f.text().substring(1);
    if (!function.equals("get") && !function.equals("put") && !function.equals("append")) {
      throw new SyntaxException(f.start(), "unknown :f " + f.text() + " (expected :get, :put or :append)");
    }
    if (key.text().isEmpty() || key.text().chars().anyMatch(Character::isWhitespace)) {
      throw new SyntaxException(key.start(), "a key must be non-empty and hold no whitespace");
    }
    if (value.kind() != EdnMap.Kind.STRING && value.kind() != EdnMap.Kind.NIL) {
      throw new SyntaxException(value.start(), ":value must be a string or nil");
    }
    switch (type.text()) {
      case ":invoke" -> {
        if (!function.equals("get") && value.kind() != EdnMap.Kind.STRING) {
          throw new SyntaxException(value.start(), function + " needs a string :value");
        }
        ProcessOperations.Open op = processes.invoke(client, function, lineNo, process.start());
        String command = function.equals("get")
            ? "get " + key.text()
            : function + " " + key.text() + " " + value.text();
        builder.add(EventKind.INVOKE, op.opId(), client, lineNo, command, lineNo);
      }
      case ":ok", ":fail", ":info" -> {
        ProcessOperations.Open op = processes.complete(client, function, process.start(), f.start());
        EventKind kind = type.text().equals(":ok") ? EventKind.OK
            : type.text().equals(":fail") ? EventKind.FAIL : EventKind.INFO;
        String text = "";
        if (kind == EventKind.OK) {
          // A get's :value is what it read (nil, like "", means absent); put and append echo what they wrote.
          text = !function.equals("get") ? "ok" : value.kind() == EdnMap.Kind.NIL ? "" : value.text();
        }
        builder.add(kind, op.opId(), client, lineNo, text, lineNo);
      }
      default -> throw new SyntaxException(type.start(),
          "unknown :type " + type.text() + " (expected :invoke, :ok, :fail or :info)");
    }
  }

  private static EdnMap.Value field(Map<String, EdnMap.Value> map, String line, String name, EdnMap.Kind kind) {
    EdnMap.Value v = map.get(name);
    if (v == null) {
      throw new SyntaxException(line.length(), "missing " + name);
    }
    if (v.kind() != kind) {
      throw new SyntaxException(v.start(), name + " must be " + kind.name().toLowerCase(Locale.ROOT));
    }
    return v;
  }
}
