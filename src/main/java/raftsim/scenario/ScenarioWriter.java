package raftsim.scenario;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes a scenario as a canonical scenario file: 2-space indent, fields in the order the format
 * lists them, every setting written out (defaults too), one event per line. Reading the text back
 * with {@link ScenarioLoader#parse} gives the same scenario apart from source positions, and also
 * checks a scenario that was built in code.
 *
 * <p>Whole numbers are written as integers. Rates and mix weights are written as the shortest
 * decimal that reads back as the same double (see {@link Decimals}), so 0.1 stays 0.1. Left out are
 * only what the format lets a file leave out: an empty description, the {@code clients} object when
 * there is no client load, the {@code expect} object when nothing is expected, and unset fields of
 * events and expectations.
 */
public final class ScenarioWriter {

  private ScenarioWriter() {}

  /** The scenario as the text of a scenario file, ending with a newline. */
  public static String toJson(Scenario s) {
    List<String> fields = new ArrayList<>();
    fields.add(field("name", quote(s.name())));
    if (!s.description().isEmpty()) {
      fields.add(field("description", quote(s.description())));
    }
    fields.add(field("seed", s.seed()));
    fields.add(field("nodes", s.nodes()));
    fields.add(field("durationMs", s.durationMs()));
    fields.add(field("timing", new InlineObject()
        .put("electionTimeoutMs", range(s.timing().electionTimeoutMs()))
        .put("heartbeatMs", s.timing().heartbeatMs())));
    fields.add(field("network", new InlineObject()
        .put("delayMs", range(s.network().delayMs()))
        .put("dropRate", Decimals.shortest(s.network().dropRate()))
        .put("duplicateRate", Decimals.shortest(s.network().duplicateRate()))));
    fields.add(field("disk", new InlineObject().put("syncMs", range(s.disk().syncMs()))));
    fields.add(field("snapshot", new InlineObject()
        .put("everyEntries", s.snapshot().everyEntries())
        .put("chunkBytes", s.snapshot().chunkBytes())));
    fields.add(field("cluster", cluster(s.cluster())));
    if (s.clients() != null) {
      fields.add(field("clients", clients(s.clients())));
    }
    fields.add(field("events", events(s.events())));
    if (!s.expect().isEmpty()) {
      fields.add(field("expect", expectations(s.expect())));
    }
    return "{\n  " + String.join(",\n  ", fields) + "\n}\n";
  }

  /** Writes {@link #toJson} to {@code file} as UTF-8, whatever the platform's default charset. */
  public static void write(Scenario scenario, Path file) throws IOException {
    Files.writeString(file, toJson(scenario), StandardCharsets.UTF_8);
  }

  /** A JSON string literal: the text in double quotes, escaped as JSON requires. */
  static String quote(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  /** The cluster object, one field per line: it is too long for one. */
  private static String cluster(ClusterSettings c) {
    return "{\n    " + String.join(",\n    ",
        field("reads", quote(c.reads().jsonName())),
        field("maxEntriesPerAppend", c.maxEntriesPerAppend()),
        field("preVote", c.preVote()),
        field("checkQuorum", c.checkQuorum()),
        field("maxClockDriftPpm", c.maxClockDriftPpm()),
        field("initialMembers", c.initialMembers())) + "\n  }";
  }

  /** The clients object, one field per line: it is too long for one. */
  private static String clients(ClientSettings c) {
    Mix m = c.mix();
    String mix = new InlineObject()
        .put("put", Decimals.shortest(m.put()))
        .put("get", Decimals.shortest(m.get()))
        .put("append", Decimals.shortest(m.append()))
        .put("delete", Decimals.shortest(m.delete()))
        .put("cas", Decimals.shortest(m.cas()))
        .toString();
    return "{\n    " + String.join(",\n    ",
        field("count", c.count()),
        field("keys", c.keys()),
        field("opIntervalMs", c.opIntervalMs()),
        field("retryMs", c.retryMs()),
        field("timeoutMs", c.timeoutMs()),
        field("mix", mix)) + "\n  }";
  }

  private static String events(List<ScenarioEvent> events) {
    if (events.isEmpty()) {
      return "[]";
    }
    List<String> lines = new ArrayList<>();
    for (ScenarioEvent e : events) {
      lines.add(event(e).toString());
    }
    return "[\n    " + String.join(",\n    ", lines) + "\n  ]";
  }

  private static InlineObject event(ScenarioEvent e) {
    InlineObject o = new InlineObject().put("atMs", e.atMs()).put("do", quote(e.kind()));
    if (e instanceof ScenarioEvent.Crash c) {
      o.put("node", nodeRef(c.node()));
      if (c.tornWrite()) {
        o.put("tornWrite", "true");
      }
      if (c.afterMs() > 0) {
        o.put("afterMs", c.afterMs());
      }
    } else if (e instanceof ScenarioEvent.Restart r) {
      o.put("node", nodeRef(r.node()));
    } else if (e instanceof ScenarioEvent.Partition p) {
      StringJoiner groups = new StringJoiner(", ", "[", "]");
      for (List<Integer> group : p.groups()) {
        StringJoiner ids = new StringJoiner(", ", "[", "]");
        group.forEach(id -> ids.add(Integer.toString(id)));
        groups.add(ids.toString());
      }
      o.put("groups", groups.toString());
    } else if (e instanceof ScenarioEvent.Isolate i) {
      o.put("node", nodeRef(i.node()));
    } else if (e instanceof ScenarioEvent.Cut c) {
      o.put("from", c.from()).put("to", c.to());
    } else if (e instanceof ScenarioEvent.NetworkChange n) {
      if (n.delayMs() != null) {
        o.put("delayMs", range(n.delayMs()));
      }
      if (n.dropRate() != null) {
        o.put("dropRate", Decimals.shortest(n.dropRate()));
      }
      if (n.duplicateRate() != null) {
        o.put("duplicateRate", Decimals.shortest(n.duplicateRate()));
      }
    } else if (e instanceof ScenarioEvent.ClientsActive c) {
      o.put("active", Boolean.toString(c.active()));
    } else if (e instanceof ScenarioEvent.Pause p) {
      o.put("node", nodeRef(p.node())).put("forMs", p.forMs());
    } else if (e instanceof ScenarioEvent.ClockDrift d) {
      o.put("node", d.node()).put("ppm", d.ppm());
    } else if (e instanceof ScenarioEvent.TransferLeader t) {
      o.put("to", t.to());
    } else if (e instanceof ScenarioEvent.AddServer a) {
      o.put("node", a.node());
    } else if (e instanceof ScenarioEvent.RemoveServer r) {
      o.put("node", nodeRef(r.node()));
    } else if (e instanceof ScenarioEvent.Expect x) {
      expectFields(x, o);
    }
    // Heal has no fields beyond atMs and do.
    return o;
  }

  private static void expectFields(ScenarioEvent.Expect x, InlineObject o) {
    if (x.leader() instanceof LeaderExpectation.Any) {
      o.put("leader", quote("any"));
    } else if (x.leader() instanceof LeaderExpectation.None) {
      o.put("leader", quote("none"));
    } else if (x.leader() instanceof LeaderExpectation.Node n) {
      o.put("leader", n.id());
    }
    if (x.node() != null) {
      o.put("node", x.node()).put("role", quote(x.role().jsonName()));
    }
    if (x.progressSinceMs() != null) {
      o.put("progressSinceMs", x.progressSinceMs());
    }
    if (x.noProgressSinceMs() != null) {
      o.put("noProgressSinceMs", x.noProgressSinceMs());
    }
    if (x.voters() != null) {
      StringJoiner ids = new StringJoiner(", ", "[", "]");
      x.voters().forEach(id -> ids.add(Integer.toString(id)));
      o.put("voters", ids.toString());
    }
  }

  private static String expectations(Expectations x) {
    InlineObject o = new InlineObject();
    if (x.linearizable() != null) {
      o.put("linearizable", switch (x.linearizable()) {
        case TRUE -> "true";
        case FALSE -> "false";
        case SKIP -> quote("skip");
      });
    }
    if (x.leaderAtEnd() != null) {
      o.put("leaderAtEnd", x.leaderAtEnd().toString());
    }
    if (x.minOkOps() != null) {
      o.put("minOkOps", x.minOkOps());
    }
    if (x.maxLeaderChanges() != null) {
      o.put("maxLeaderChanges", x.maxLeaderChanges());
    }
    if (x.maxTerm() != null) {
      o.put("maxTerm", x.maxTerm());
    }
    return o.toString();
  }

  private static String nodeRef(NodeRef node) {
    if (node instanceof NodeRef.Id id) {
      return Integer.toString(id.id());
    }
    if (node instanceof NodeRef.Leader) {
      return quote("leader");
    }
    if (node instanceof NodeRef.Random) {
      return quote("random");
    }
    if (node instanceof NodeRef.NextLeader) {
      return quote("nextLeader");
    }
    return quote("crashed");
  }

  private static String range(Range r) {
    return "[" + r.min() + ", " + r.max() + "]";
  }

  private static String field(String name, Object jsonText) {
    return quote(name) + ": " + jsonText;
  }

  /** An object written on one line, {@code { "a": 1, "b": 2 }}, from fields whose values are JSON text. */
  private static final class InlineObject {
    private final StringJoiner fields = new StringJoiner(", ", "{ ", " }").setEmptyValue("{}");

    InlineObject put(String name, String jsonText) {
      fields.add(field(name, jsonText));
      return this;
    }

    InlineObject put(String name, long number) {
      return put(name, Long.toString(number));
    }

    @Override
    public String toString() {
      return fields.toString();
    }
  }
}
