package raftsim.check.history;

import java.util.HashMap;
import java.util.Map;

/**
 * Pairs the events of Jepsen-style logs, where a completion names only its process: each process has at most one
 * operation in flight, and operation ids are given out in invocation order, from 0.
 */
final class ProcessOperations {
  /** An operation in flight: its id, the function it called and the line of its invocation. */
  record Open(long opId, String function, int line) {}

  private final Map<Integer, Open> open = new HashMap<>();
  private long nextOpId;

  /** Starts an operation for {@code process}, which must have none in flight ({@link SyntaxException} at {@code column} otherwise). */
  Open invoke(int process, String function, int line, int column) {
    Open busy = open.get(process);
    if (busy != null) {
      throw new SyntaxException(column,
          "process " + process + " already has an operation in flight (invoked on line " + busy.line() + ")");
    }
    Open started = new Open(nextOpId++, function, line);
    open.put(process, started);
    return started;
  }

  /** Ends the operation in flight for {@code process}, which must have called {@code function}. */
  Open complete(int process, String function, int processColumn, int functionColumn) {
    Open op = open.remove(process);
    if (op == null) {
      throw new SyntaxException(processColumn, "process " + process + " has no operation in flight");
    }
    if (!op.function().equals(function)) {
      throw new SyntaxException(functionColumn,
          "process " + process + " invoked :" + op.function() + " on line " + op.line() + ", not :" + function);
    }
    return op;
  }

  /** Reads a process number: a non-negative int. */
  static int processNumber(String text, int column) {
    long n;
    try {
      n = Long.parseLong(text);
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw new SyntaxException(column, "a process must be a non-negative integer, not '" + text + "'");
    }
    return (int) n;
  }
}
