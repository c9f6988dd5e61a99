package raftsim.check.linearizability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import raftsim.check.history.History;

/**
 * Generates raftsim key-value histories whose verdict is known by construction. Closed-loop clients invoke GET, SET,
 * APPEND and DELETE on random keys; every written value is unique. Each operation takes effect at a random instant
 * inside its interval (an indeterminate write at a random later instant, or never), and results are computed by
 * applying the operations in the order of those instants: so the history is linearizable. {@link #breakOneRead}
 * then makes one read return a value that was overwritten before the read began: no longer linearizable.
 */
final class HistoryGenerator {

  /** One generated operation: interval in microseconds, the instant it takes effect (-1: never), and its result. */
  private static final class Op {
    final long id;
    final int client;
    final String command;
    final String key;
    final long start;
    final long end;
    final boolean indeterminate;
    long effectAt;
    String result;

    Op(long id, int client, String command, String key, long start, long end, boolean indeterminate) {
      this.id = id;
      this.client = client;
      this.command = command;
      this.key = key;
      this.start = start;
      this.end = end;
      this.indeterminate = indeterminate;
    }

    boolean isRead() {
      return command.startsWith("GET");
    }
  }

  private final List<Op> ops = new ArrayList<>();
  private final long horizon;

  private HistoryGenerator(long horizon) {
    this.horizon = horizon;
  }

  /**
   * A linearizable history of {@code total} operations by {@code clients} clients on {@code keys} keys; about one
   * write in twenty is indeterminate.
   */
  static HistoryGenerator linearizable(long seed, int clients, int keys, int total) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] clientTime = new long[clients];
    int[] seq = new int[clients];
    List<Op> ops = new ArrayList<>();
    long horizon = 0;
    for (int id = 0; id < total; id++) {
      int c = random.nextInt(clients);
      long start = clientTime[c] + random.nextLong(1, 3_000);
      long end = start + random.nextLong(1_000, 40_000);
      clientTime[c] = end;
      horizon = Math.max(horizon, end);
      String key = "k" + random.nextInt(keys);
      String value = "c" + c + "-" + seq[c]++ + ";";
      int kind = random.nextInt(100);
      String command = kind < 40 ? "GET " + key
          : kind < 55 ? "SET " + key + " " + value
          : kind < 95 ? "APPEND " + key + " " + value
          : "DELETE " + key;
      boolean indeterminate = !command.startsWith("GET") && random.nextInt(20) == 0;
      ops.add(new Op(id, c, command, key, start, end, indeterminate));
    }
    HistoryGenerator g = new HistoryGenerator(horizon + 50_000);
    for (Op op : ops) {
      if (op.indeterminate) {
        // May take effect at any later point, or never.
        op.effectAt = random.nextBoolean() ? -1 : random.nextLong(op.start + 1, g.horizon);
      } else {
        op.effectAt = random.nextLong(op.start + 1, op.end);
      }
      g.ops.add(op);
    }
    g.applyInEffectOrder();
    return g;
  }

  private void applyInEffectOrder() {
    List<Op> applied = new ArrayList<>();
    for (Op op : ops) {
      if (op.effectAt >= 0) {
        applied.add(op);
      }
    }
    applied.sort(Comparator.comparingLong((Op o) -> o.effectAt).thenComparingLong(o -> o.id));
    Map<String, String> store = new HashMap<>();
    for (Op op : applied) {
      String[] t = op.command.split(" ");
      switch (t[0]) {
        case "GET" -> op.result = store.containsKey(op.key) ? "VALUE " + store.get(op.key) : "NIL";
        case "SET" -> {
          store.put(op.key, t[2]);
          op.result = "OK";
        }
        case "APPEND" -> {
          store.merge(op.key, t[2], String::concat);
          op.result = "OK";
        }
        default -> {
          store.remove(op.key);
          op.result = "OK";
        }
      }
    }
  }

  /**
   * Makes one read return a stale value: one written by w1 and overwritten by w2, where w1 completed before w2
   * began and w2 completed before the read began, so every linearization orders w1, w2, read. Values are unique, so
   * the read's state can never hold w1's value last again. Returns the id of the read, or -1 when none qualifies.
   */
  long breakOneRead(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Op> reads = new ArrayList<>();
    for (Op op : ops) {
      if (op.isRead() && !op.indeterminate) {
        reads.add(op);
      }
    }
    for (int tries = 0; tries < reads.size(); tries++) {
      Op read = reads.get(random.nextInt(reads.size()));
      // The states of read's key in effect order, each with the write that made it.
      List<Op> writes = new ArrayList<>();
      for (Op op : ops) {
        if (op.key.equals(read.key) && !op.isRead() && op.effectAt >= 0) {
          writes.add(op);
        }
      }
      writes.sort(Comparator.comparingLong((Op o) -> o.effectAt));
      Map<String, String> state = new HashMap<>();
      for (int i = 0; i + 1 < writes.size(); i++) {
        Op w1 = writes.get(i);
        String[] t = w1.command.split(" ");
        String value = switch (t[0]) {
          case "SET" -> t[2];
          case "APPEND" -> state.getOrDefault("v", "") + t[2];
          default -> null;
        };
        if (value == null) {
          state.remove("v");
        } else {
          state.put("v", value);
        }
        Op w2 = writes.get(i + 1);
        if (value != null && !w1.indeterminate && !w2.indeterminate
            && w1.end < w2.start && w2.end < read.start && !("VALUE " + value).equals(read.result)) {
          read.result = "VALUE " + value;
          return read.id;
        }
      }
    }
    return -1;
  }

  /** The history: events in time order; indeterminate operations end with {@code info}. */
  History history() {
    record Event(long time, int order, Op op, boolean invoke) {}
    List<Event> events = new ArrayList<>();
    for (Op op : ops) {
      events.add(new Event(op.start, 0, op, true));
      events.add(new Event(op.end, 1, op, false));
    }
    events.sort(Comparator.comparingLong(Event::time).thenComparingInt(Event::order)
        .thenComparingLong(e -> e.op().id));
    History.Builder b = new History.Builder();
    for (Event e : events) {
      Op op = e.op();
      long ms = e.time() / 1000;
      if (e.invoke()) {
        b.invoke(op.id, op.client, ms, op.command);
      } else if (op.indeterminate) {
        b.info(op.id, op.client, ms, "timeout");
      } else {
        b.ok(op.id, op.client, ms, op.result);
      }
    }
    return b.build();
  }
}
