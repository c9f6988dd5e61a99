package raftsim.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import raftsim.check.history.Outcome;

/**
 * What one client asks next, drawn from a seeded random mix: half APPENDs of a unique token to a list key, a
 * quarter linearizable reads of any key, and SETs and CASs of unique values on the registers. Every written
 * value is unique ({@code c<client>.<n>;}), so a read tells which writes it saw and a lost one can be named.
 */
final class Workload {
  /** One operation: the command as the history writes it, and whether it is a read. */
  record Op(String command, String key, boolean read) {}

  private final SplittableRandom random;
  private final int client;
  private final KeySet keys;
  /** The last value this client saw in each register: CAS expects it, so some CASs succeed. */
  private final Map<String, String> lastSeen = new HashMap<>();
  private int written;

  Workload(long seed, int client, KeySet keys) {
    this.random = new SplittableRandom(seed * 1_000_003L + client);
    this.client = client;
    this.keys = keys;
  }

  Op next() {
    int roll = random.nextInt(100);
    if (roll < 50) {
      String key = pick(keys.listKeys());
      return new Op("APPEND " + key + " " + freshValue(), key, false);
    }
    if (roll < 75) {
      String key = pick(keys.all());
      return new Op("GET " + key, key, true);
    }
    String key = pick(keys.registerKeys());
    if (roll < 88) {
      return new Op("SET " + key + " " + freshValue(), key, false);
    }
    // A register nobody wrote yet: "none" is never a written value, so the CAS fails as it should.
    return new Op("CAS " + key + " " + lastSeen.getOrDefault(key, "none") + " " + freshValue(), key, false);
  }

  /** Remembers what an answered operation showed about its register. */
  void observe(Op op, Completion c) {
    if (c.outcome() != Outcome.OK || KeySet.isListKey(op.key())) {
      return;
    }
    String[] words = op.command().split(" ");
    switch (words[0]) {
      case "GET" -> {
        if (c.text().startsWith("VALUE ")) {
          lastSeen.put(op.key(), c.text().substring("VALUE ".length()));
        }
      }
      case "SET" -> lastSeen.put(op.key(), words[2]);
      case "CAS" -> {
        if (c.text().equals("TRUE")) {
          lastSeen.put(op.key(), words[3]);
        }
      }
      default -> { }
    }
  }

  private String freshValue() {
    return "c" + client + "." + (++written) + ";";
  }

  private String pick(List<String> options) {
    return options.get(random.nextInt(options.size()));
  }
}
