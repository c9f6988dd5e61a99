package raftsim.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import raftsim.core.AppendEntries;
import raftsim.core.AppendEntriesReply;
import raftsim.core.AppendRejection;
import raftsim.core.Configuration;
import raftsim.core.InstallSnapshot;
import raftsim.core.InstallSnapshotReply;
import raftsim.core.LogEntry;
import raftsim.core.Message;
import raftsim.core.Payload;
import raftsim.core.PreVote;
import raftsim.core.PreVoteReply;
import raftsim.core.ReadIndex;
import raftsim.core.ReadIndexReply;
import raftsim.core.RequestVote;
import raftsim.core.RequestVoteReply;
import raftsim.core.TimeoutNow;
import raftsim.core.VoteRefusal;

/**
 * Peer messages as JSON, written and read by hand: every field is named, checked for its type, and a
 * message that does not parse is refused with a reason (HTTP 400), never half-read.
 */
final class MessageCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MessageCodec() {}

  /**
   * Which peer endpoint a message goes to: one per RPC, for the request and its reply alike. PreVote
   * shares the RequestVote endpoint: it is the same question asked one term ahead, told apart by its type.
   */
  static String endpoint(Message m) {
    if (m instanceof RequestVote || m instanceof RequestVoteReply || m instanceof PreVote || m instanceof PreVoteReply) {
      return "/raft/request_vote";
    }
    if (m instanceof AppendEntries || m instanceof AppendEntriesReply) {
      return "/raft/append_entries";
    }
    if (m instanceof InstallSnapshot || m instanceof InstallSnapshotReply) {
      return "/raft/install_snapshot";
    }
    if (m instanceof TimeoutNow) {
      return "/raft/timeout_now";
    }
    return "/raft/read_index";
  }

  static byte[] encode(Message m) {
    return tree(m).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static ObjectNode tree(Message m) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", m.type()).put("from", m.from()).put("to", m.to()).put("term", m.term());
    if (m instanceof RequestVote rv) {
      o.put("lastLogIndex", rv.lastLogIndex()).put("lastLogTerm", rv.lastLogTerm());
      if (rv.transfer()) {
        o.put("transfer", true);
      }
    } else if (m instanceof RequestVoteReply r) {
      o.put("granted", r.granted());
      if (r.refusal() != null) {
        o.put("refusal", r.refusal().name());
      }
    } else if (m instanceof AppendEntries ae) {
      o.put("prevLogIndex", ae.prevLogIndex()).put("prevLogTerm", ae.prevLogTerm())
          .put("leaderCommit", ae.leaderCommit()).put("round", ae.round());
      ArrayNode entries = o.putArray("entries");
      for (LogEntry e : ae.entries()) {
        ObjectNode x = entries.addObject().put("index", e.index()).put("term", e.term());
        if (e.payload() instanceof Payload.Command c) {
          x.put("clientId", c.clientId()).put("seq", c.seq()).put("command", c.text());
        } else if (e.payload() instanceof Payload.Config c) {
          x.set("config", configuration(c.configuration()));
        }
      }
    } else if (m instanceof AppendEntriesReply r) {
      o.put("success", r.success()).put("matchIndex", r.matchIndex()).put("rejectedIndex", r.rejectedIndex())
          .put("conflictTerm", r.conflictTerm()).put("conflictIndex", r.conflictIndex()).put("round", r.round());
      if (r.rejection() != null) {
        o.put("rejection", r.rejection().name());
      }
    } else if (m instanceof InstallSnapshot s) {
      o.put("lastIncludedIndex", s.lastIncludedIndex()).put("lastIncludedTerm", s.lastIncludedTerm())
          .put("offset", s.offset()).put("done", s.done()).put("data", Base64.getEncoder().encodeToString(s.data()));
      if (s.configuration() != null) {
        o.set("config", configuration(s.configuration()));
      }
    } else if (m instanceof InstallSnapshotReply r) {
      o.put("lastIncludedIndex", r.lastIncludedIndex()).put("nextOffset", r.nextOffset()).put("installed", r.installed());
    } else if (m instanceof ReadIndex r) {
      o.put("readId", r.readId());
    } else if (m instanceof ReadIndexReply r) {
      o.put("readId", r.readId()).put("ok", r.ok()).put("readIndex", r.readIndex()).put("leaderHint", r.leaderHint());
    } else if (m instanceof PreVote pv) {
      o.put("lastLogIndex", pv.lastLogIndex()).put("lastLogTerm", pv.lastLogTerm());
    } else if (m instanceof PreVoteReply r) {
      o.put("granted", r.granted());
      if (r.refusal() != null) {
        o.put("refusal", r.refusal().name());
      }
    }
    return o;
  }

  /** Reads one message, or an array of them, posted to {@code endpoint}. */
  static List<Message> decodeAll(String endpoint, JsonNode body) throws BadRequest {
    if (!body.isArray()) {
      return List.of(decode(endpoint, body));
    }
    List<Message> all = new ArrayList<>(body.size());
    for (int i = 0; i < body.size(); i++) {
      try {
        all.add(decode(endpoint, body.get(i)));
      } catch (BadRequest e) {
        throw new BadRequest("[" + i + "]: " + e.getMessage());
      }
    }
    return all;
  }

  /**
   * Reads a message posted to {@code endpoint}.
   *
   * @throws BadRequest naming the field that is missing or wrong
   */
  static Message decode(String endpoint, JsonNode o) throws BadRequest {
    if (!o.isObject()) {
      throw new BadRequest("expected a JSON object");
    }
    String type = Fields.text(o, "type");
    int from = Fields.intField(o, "from");
    int to = Fields.intField(o, "to");
    long term = Fields.longField(o, "term");
    Message m;
    try {
      m = switch (type) {
        case "RequestVote" -> new RequestVote(from, to, term, Fields.longField(o, "lastLogIndex"),
            Fields.longField(o, "lastLogTerm"), o.has("transfer") && Fields.bool(o, "transfer"));
        case "RequestVoteReply" -> new RequestVoteReply(from, to, term, Fields.bool(o, "granted"),
            o.has("refusal") ? Fields.enumField(o, "refusal", VoteRefusal.class) : null);
        case "AppendEntries" -> new AppendEntries(from, to, term, Fields.longField(o, "prevLogIndex"),
            Fields.longField(o, "prevLogTerm"), entries(o), Fields.longField(o, "leaderCommit"), Fields.longField(o, "round"));
        case "AppendEntriesReply" -> new AppendEntriesReply(from, to, term, Fields.bool(o, "success"),
            Fields.longField(o, "matchIndex"), Fields.longField(o, "rejectedIndex"), Fields.longField(o, "conflictTerm"),
            Fields.longField(o, "conflictIndex"),
            o.has("rejection") ? Fields.enumField(o, "rejection", AppendRejection.class) : null, Fields.longField(o, "round"));
        case "InstallSnapshot" -> new InstallSnapshot(from, to, term, Fields.longField(o, "lastIncludedIndex"),
            Fields.longField(o, "lastIncludedTerm"), Fields.longField(o, "offset"), base64(o), Fields.bool(o, "done"),
            o.has("config") ? configuration(o.get("config")) : null);
        case "InstallSnapshotReply" -> new InstallSnapshotReply(from, to, term, Fields.longField(o, "lastIncludedIndex"),
            Fields.longField(o, "nextOffset"), Fields.bool(o, "installed"));
        case "ReadIndex" -> new ReadIndex(from, to, term, Fields.longField(o, "readId"));
        case "ReadIndexReply" -> new ReadIndexReply(from, to, term, Fields.longField(o, "readId"), Fields.bool(o, "ok"),
            Fields.longField(o, "readIndex"), Fields.intField(o, "leaderHint"));
        case "PreVote" -> new PreVote(from, to, term, Fields.longField(o, "lastLogIndex"), Fields.longField(o, "lastLogTerm"));
        case "PreVoteReply" -> new PreVoteReply(from, to, term, Fields.bool(o, "granted"),
            o.has("refusal") ? Fields.enumField(o, "refusal", VoteRefusal.class) : null);
        case "TimeoutNow" -> new TimeoutNow(from, to, term);
        default -> throw new BadRequest("type: unknown message type '" + type + "'");
      };
    } catch (IllegalArgumentException e) {
      throw new BadRequest("invalid " + type + ": " + e.getMessage());
    }
    if (!endpoint(m).equals(endpoint)) {
      throw new BadRequest("type: a " + type + " belongs at " + endpoint(m) + ", not " + endpoint);
    }
    return m;
  }

  private static List<LogEntry> entries(JsonNode o) throws BadRequest {
    JsonNode a = o.get("entries");
    if (a == null || !a.isArray()) {
      throw new BadRequest("entries: expected an array");
    }
    List<LogEntry> out = new ArrayList<>(a.size());
    for (JsonNode e : a) {
      if (!e.isObject()) {
        throw new BadRequest("entries: each entry must be an object");
      }
      Payload p;
      if (e.has("command")) {
        p = new Payload.Command(Fields.longField(e, "clientId"), Fields.longField(e, "seq"), Fields.text(e, "command"));
      } else if (e.has("config")) {
        p = new Payload.Config(configuration(e.get("config")));
      } else {
        p = Payload.NoOp.INSTANCE;
      }
      out.add(new LogEntry(Fields.longField(e, "index"), Fields.longField(e, "term"), p));
    }
    return out;
  }

  /** A configuration (diss. §4.1) as {@code {"voters": [1, 2], "learners": [3], "addresses": {"3": "h:p"}}}. */
  static ObjectNode configuration(Configuration c) {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode voters = o.putArray("voters");
    c.voters().forEach(voters::add);
    ArrayNode learners = o.putArray("learners");
    c.learners().forEach(learners::add);
    ObjectNode addresses = o.putObject("addresses");
    c.addresses().forEach((id, address) -> addresses.put(Integer.toString(id), address));
    return o;
  }

  static Configuration configuration(JsonNode o) throws BadRequest {
    if (o == null || !o.isObject()) {
      throw new BadRequest("config: expected an object with voters, learners and addresses");
    }
    List<Integer> voters = ids(o, "voters");
    List<Integer> learners = ids(o, "learners");
    java.util.TreeMap<Integer, String> addresses = new java.util.TreeMap<>();
    JsonNode a = o.get("addresses");
    if (a == null || !a.isObject()) {
      throw new BadRequest("config.addresses: expected an object of id to \"host:port\"");
    }
    var fields = a.fields();
    while (fields.hasNext()) {
      var f = fields.next();
      try {
        addresses.put(Integer.parseInt(f.getKey()), f.getValue().textValue());
      } catch (NumberFormatException e) {
        throw new BadRequest("config.addresses: '" + f.getKey() + "' is not a node id");
      }
    }
    try {
      return new Configuration(voters, learners, addresses);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("config: " + e.getMessage());
    }
  }

  private static List<Integer> ids(JsonNode o, String name) throws BadRequest {
    JsonNode a = o.get(name);
    if (a == null || !a.isArray()) {
      throw new BadRequest("config." + name + ": expected an array of node ids");
    }
    List<Integer> ids = new ArrayList<>();
    for (JsonNode id : a) {
      if (!id.isInt()) {
        throw new BadRequest("config." + name + ": expected node ids, got " + id);
      }
      ids.add(id.intValue());
    }
    return ids;
  }

  private static byte[] base64(JsonNode o) throws BadRequest {
    try {
      return Base64.getDecoder().decode(Fields.text(o, "data"));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("data: not base64");
    }
  }
}
