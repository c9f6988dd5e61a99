package raftsim.check.history;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import raftsim.check.history.InvalidEventException.Field;

/**
 * The rules every history obeys, checked one event at a time: operation ids are unique, a completion
 * answers an open invocation of the same client, times never go backwards, and texts fit on one line.
 */
final class EventValidator {
  private final Set<Long> usedOpIds = new HashSet<>();
  private final Map<Long, OpenOperation> open = new HashMap<>();
  private long lastTimeMs;

  /** What a completion needs to know about its invocation. */
  record OpenOperation(int clientId, String command) {}

  /**
   * Checks one event and records its effect. Returns the invocation a completion answers, or null for an
   * invocation.
   */
  OpenOperation accept(EventKind kind, long opId, int clientId, long timeMs, String text) {
    if (opId < 0) {
      throw new InvalidEventException(Field.OP_ID, "operation id must not be negative: " + opId);
    }
    if (clientId < 0) {
      throw new InvalidEventException(Field.CLIENT_ID, "client id must not be negative: " + clientId);
    }
    if (timeMs < 0) {
      throw new InvalidEventException(Field.TIME, "time must not be negative: " + timeMs);
    }
    if (timeMs < lastTimeMs) {
      throw new InvalidEventException(
          Field.TIME, "time goes backwards: " + timeMs + " ms after an event at " + lastTimeMs + " ms");
    }
    checkOneLine(text);
    OpenOperation answered;
    if (kind == EventKind.INVOKE) {
      if (text.isEmpty()) {
        throw new InvalidEventException(Field.TEXT, "an invocation needs a command");
      }
      if (!usedOpIds.add(opId)) {
        throw new InvalidEventException(Field.OP_ID, "operation " + opId + " was already invoked");
      }
      open.put(opId, new OpenOperation(clientId, text));
      answered = null;
    } else {
      answered = open.get(opId);
      if (answered == null) {
        String why = usedOpIds.contains(opId) ? "has already completed" : "was never invoked";
        throw new InvalidEventException(Field.OP_ID, "operation " + opId + " " + why);
      }
      if (answered.clientId() != clientId) {
        throw new InvalidEventException(
            Field.CLIENT_ID,
            "operation " + opId + " was invoked by client " + answered.clientId() + ", not " + clientId);
      }
      open.remove(opId);
    }
    lastTimeMs = timeMs;
    return answered;
  }

  private static void checkOneLine(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        throw new InvalidEventException(Field.TEXT, "text must not contain a line break");
      }
    }
  }
}
