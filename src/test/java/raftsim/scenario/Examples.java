package raftsim.scenario;

/** Scenario files the tests share. */
final class Examples {

  private Examples() {}

  /** The example of the user-facing contract, as written there. */
  static final String CONTRACT = """
      {
        "name": "leader-crash",
        "description": "The leader crashes; the others elect a new one and keep committing.",
        "seed": 42,
        "nodes": 5,
        "durationMs": 10000,
        "timing":   { "electionTimeoutMs": [150, 300], "heartbeatMs": 50 },
        "network":  { "delayMs": [1, 10], "dropRate": 0.0, "duplicateRate": 0.0 },
        "disk":     { "syncMs": [0, 2] },
        "snapshot": { "everyEntries": 1000, "chunkBytes": 65536 },
        "clients":  { "count": 3, "keys": 5, "opIntervalMs": 20, "retryMs": 100, "timeoutMs": 1000,
                      "mix": { "put": 0.4, "get": 0.4, "append": 0.2 } },
        "events": [
          { "atMs": 2000, "do": "crash",     "node": "leader" },
          { "atMs": 2500, "do": "expect",    "leader": "any" },
          { "atMs": 4000, "do": "restart",   "node": "crashed" },
          { "atMs": 5000, "do": "partition", "groups": [[1, 2], [3, 4, 5]] },
          { "atMs": 5000, "do": "cut",       "from": 3, "to": 1 },
          { "atMs": 6000, "do": "heal" },
          { "atMs": 6000, "do": "network",   "dropRate": 0.1, "delayMs": [1, 50] }
        ],
        "expect": { "linearizable": true, "leaderAtEnd": true, "minOkOps": 100 }
      }
      """;

  /** The smallest valid file: only the required fields. */
  static final String MINIMAL = """
      {"name":"x","nodes":3,"durationMs":1000}""";

  /** Every event kind and every form of every field, with events out of time order on purpose. */
  static final String EVERY_KIND = """
      {
        "name": "every-kind",
        "seed": -7,
        "nodes": 5,
        "durationMs": 20000,
        "timing": { "electionTimeoutMs": [300, 600], "heartbeatMs": 75 },
        "network": { "delayMs": [0, 0], "dropRate": 0.05, "duplicateRate": 1 },
        "disk": { "syncMs": [3, 3] },
        "snapshot": { "everyEntries": 0, "chunkBytes": 1 },
        "cluster": { "reads": "lease", "preVote": true, "checkQuorum": true, "maxClockDriftPpm": 500000,
                     "initialMembers": 4 },
        "clients": { "count": 1000, "keys": 100000, "opIntervalMs": 0, "retryMs": 7, "timeoutMs": 7,
                     "mix": { "put": 1, "get": 2.5, "append": 0, "delete": 0.125, "cas": 1000000 } },
        "events": [
          { "atMs": 9000, "do": "expect", "noProgressSinceMs": 8000 },
          { "atMs": 1000, "do": "crash", "node": 2, "tornWrite": true },
          { "atMs": 1000, "do": "crash", "node": "random", "tornWrite": false },
          { "atMs": 1000, "do": "crash", "node": "leader" },
          { "atMs": 1500, "do": "restart", "node": 2 },
          { "atMs": 1500, "do": "restart", "node": "crashed" },
          { "atMs": 2000, "do": "partition", "groups": [[5], [3, 1]] },
          { "atMs": 2100, "do": "isolate", "node": 4 },
          { "atMs": 2100, "do": "isolate", "node": "leader" },
          { "atMs": 2100, "do": "isolate", "node": "random" },
          { "atMs": 2200, "do": "cut", "from": 1, "to": 5 },
          { "atMs": 2300, "do": "heal" },
          { "atMs": 2400, "do": "network", "delayMs": [5, 20] },
          { "atMs": 2400, "do": "network", "dropRate": 0.3 },
          { "atMs": 2400, "do": "network", "duplicateRate": 0.01 },
          { "atMs": 2500, "do": "clients", "active": false },
          { "atMs": 2600, "do": "clients", "active": true },
          { "atMs": 3000, "do": "pause", "node": 3, "forMs": 500 },
          { "atMs": 3000, "do": "pause", "node": "leader", "forMs": 1 },
          { "atMs": 3000, "do": "pause", "node": "random", "forMs": 20000 },
          { "atMs": 3100, "do": "clockDrift", "node": 1, "ppm": -500000 },
          { "atMs": 3100, "do": "clockDrift", "node": 5, "ppm": 500000 },
          { "atMs": 3200, "do": "transferLeader", "to": 2 },
          { "atMs": 3300, "do": "addServer", "node": 5 },
          { "atMs": 3300, "do": "removeServer", "node": "leader" },
          { "atMs": 3300, "do": "removeServer", "node": 1 },
          { "atMs": 3400, "do": "expect", "voters": [2, 3, 5] },
          { "atMs": 4000, "do": "expect", "leader": "none" },
          { "atMs": 4000, "do": "expect", "leader": 3, "node": 3, "role": "leader" },
          { "atMs": 4000, "do": "expect", "node": 1, "role": "candidate" },
          { "atMs": 4000, "do": "expect", "node": 2, "role": "follower" },
          { "atMs": 4000, "do": "expect", "node": 4, "role": "crashed", "progressSinceMs": 4000 },
          { "atMs": 0, "do": "heal" },
          { "atMs": 20000, "do": "heal" }
        ],
        "expect": { "linearizable": "skip", "leaderAtEnd": false, "minOkOps": 0, "maxLeaderChanges": 3,
                    "maxTerm": 1000000000000 }
      }
      """;

  static Scenario parse(String json, String fileName) {
    try {
      return ScenarioLoader.parse(json, fileName);
    } catch (ScenarioException e) {
      throw new AssertionError("expected a valid scenario, got: " + e.getMessage(), e);
    }
  }
}
