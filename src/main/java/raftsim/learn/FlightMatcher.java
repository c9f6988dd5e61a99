package raftsim.learn;

import java.util.ArrayDeque;
import java.util.TreeMap;
import raftsim.trace.TraceLine;

/**
 * Tells which send a deliver or drop line is about. The trace writes a message's fields identically when
 * it is sent, duplicated, delivered and dropped (a drop adds its reason), so a message is known by those
 * fields; copies with equal fields are interchangeable, and the oldest is taken to arrive first.
 */
final class FlightMatcher {
  /** Message fields → send lines of the copies still travelling, oldest first. */
  private final TreeMap<String, ArrayDeque<Long>> travelling = new TreeMap<>();

  /** A message was sent at line {@code seq}. */
  void sent(TraceLine line) {
    travelling.computeIfAbsent(key(line), k -> new ArrayDeque<>(2)).addLast(line.seq());
  }

  /** The network made a second copy of the message sent last with these fields; returns its send line, or -1. */
  long duplicated(TraceLine line) {
    ArrayDeque<Long> q = travelling.get(key(line));
    if (q == null) {
      return -1;
    }
    long seq = q.peekLast();
    q.addLast(seq);
    return seq;
  }

  /** A copy arrived or was dropped; returns the line that sent it, or -1 when no send matches. */
  long arrived(TraceLine line) {
    String key = key(line);
    ArrayDeque<Long> q = travelling.get(key);
    if (q == null) {
      return -1;
    }
    long seq = q.pollFirst();
    if (q.isEmpty()) {
      travelling.remove(key);
    }
    return seq;
  }

  private static String key(TraceLine line) {
    StringBuilder b = new StringBuilder(96);
    for (int i = 0; i < line.size(); i++) {
      if (line.name(i).equals("reason") && line.kind().equals("drop")) {
        continue;
      }
      b.append(line.name(i)).append('=').append(line.value(i)).append(';');
    }
    return b.toString();
  }
}
