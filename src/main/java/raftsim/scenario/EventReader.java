package raftsim.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one item of a scenario's {@code events}. It knows the cluster's size and the run's duration,
 * which node ids and times are checked against. Each kind of event has its own method, which first
 * rejects fields that kind does not have and then reads its fields in the order the format lists them.
 */
final class EventReader {

  private final ValueReader values;
  private final int nodes;
  private final long durationMs;

  EventReader(ValueReader values, int nodes, long durationMs) {
    this.values = values;
    this.nodes = nodes;
    this.durationMs = durationMs;
  }

  ScenarioEvent read(LocatedJson value, String path) throws ScenarioException {
    ObjectReader event = values.object(value, path);
    // "do" decides which other fields are valid, so it is read before anything else.
    if (!event.has("do")) {
      throw event.missing("do", "valid: " + String.join(", ", ScenarioEvent.KINDS));
    }
    String kind = event.requiredString("do");
    return switch (kind) {
      case "crash" -> crash(event);
      case "restart" -> restart(event);
      case "partition" -> partition(event);
      case "isolate" -> isolate(event);
      case "cut" -> cut(event);
      case "heal" -> heal(event);
      case "network" -> network(event);
      case "clients" -> clients(event);
      case "pause" -> pause(event);
      case "clockDrift" -> clockDrift(event);
      case "transferLeader" -> transferLeader(event);
      case "addServer" -> addServer(event);
      case "removeServer" -> removeServer(event);
      case "expect" -> expect(event);
      default -> throw event.error("do",
          ScenarioWriter.quote(kind) + " is not an event kind; valid: " + String.join(", ", ScenarioEvent.KINDS));
    };
  }

  private ScenarioEvent.Crash crash(ObjectReader e) throws ScenarioException {
    e.allowOnly(List.of("atMs", "do", "node", "tornWrite", "afterMs"));
    long atMs = atMs(e);
    NodeRef node = liveNode(e, "crash", true);
    boolean torn = e.bool("tornWrite", false);
    long afterMs = e.wholeNumber("afterMs", 0, 0, Limits.MAX_TIME_MS);
    if (afterMs > 0 && !(node instanceof NodeRef.NextLeader)) {
      throw e.error("afterMs", "only a crash of \"nextLeader\" takes afterMs");
    }
    return new ScenarioEvent.Crash(atMs, node, torn, afterMs, e.position());
  }

  private ScenarioEvent.Restart restart(ObjectReader e) throws ScenarioException {
    e.allowOnly(List.of("atMs", "do", "node"));
    long atMs = atMs(e);
    String valid = choices(nodeIds(), "\"crashed\"");
    LocatedJson node = e.require("node");
    if (node instanceof LocatedJson.Str name) {
      if (name.value().equals("crashed")) {
        return new ScenarioEvent.Restart(atMs, new NodeRef.Crashed(), e.position());
      }
      throw e.error("node", ScenarioWriter.quote(name.value()) + " is not valid for restart; valid: " + valid);
    }
    return new ScenarioEvent.Restart(atMs, new NodeRef.Id(nodeId(node, e.pathOf("node"), valid)), e.position());
  }

  private ScenarioEvent.Partition partition(ObjectReader e) throws ScenarioException {
    e.allowOnly(List.of("atMs", "do", "groups"));
    long atMs = atMs(e);
    List<LocatedJson> groupValues = e.requiredArray("groups", "an array of groups, such as [[1, 2], [3]]");
    if (groupValues.isEmpty()) {
      throw e.error("groups", "expected at least one group, got none");
    }
    // For each node id, the path of the group that already names it, to reject a second mention.
    String[] groupOf = new String[nodes + 1];
    List<List<Integer>> groups = new ArrayList<>();
    for (int g = 0; g < groupValues.size(); g++) {
      String groupPath = JsonPath.index(e.pathOf("groups"), g);
      List<LocatedJson> members = values.array(groupValues.get(g), groupPath, "a group: an array of node ids");
      if (members.isEmpty()) {
        throw values.error(groupValues.get(g), groupPath, "empty group; each group needs at least one node");
      }
      List<Integer> group = new ArrayList<>();
      for (int m = 0; m < members.size(); m++) {
        String memberPath = JsonPath.index(groupPath, m);
        int id = nodeId(members.get(m), memberPath, nodeIds());
        if (groupOf[id] != null) {
          throw values.error(members.get(m), memberPath,
              "node " + id + " is already in " + groupOf[id] + "; a partition names each node at most once");
        }
        groupOf[id] = JsonPath.index("groups", g);
        group.add(id);
      }
      groups.add(group);
    }
    return new ScenarioEvent.Partition(atMs, groups, e.position());
  }

  private ScenarioEvent.Isolate isolate(ObjectReader e) throws ScenarioException {
    e.allowOnly(List.of("atMs", "do", "node"));
    return new ScenarioEvent.Isolate(atMs(e), liveNode(e, "isolate", true), e.position());
  }

  private ScenarioEvent.Cut cut(ObjectReader e) throws ScenarioException {
    e.allowOnly(List.of("atMs", "do", "from", "to"));
    long atMs = atMs(e);
    int from = nodeId(e.require("from"), e.pathOf("from"), nodeIds());
    int to = nodeId(e.require("to"), e.pathOf("to"), nodeIds());
    if (from == to) {
      throw e.error("to", to + " is also the from node; a cut needs two different nodes");
    }
    return new ScenarioEvent.Cut(atMs, from, to, e.position());
  }

  private ScenarioEvent.Heal heal(ObjectReader e) throws ScenarioException {
    e.allowOnly(List.of("atMs", "do"));
    return new ScenarioEvent.Heal(atMs(e), e.position());
  }

  private ScenarioEvent.NetworkChange network(ObjectReader e) throws ScenarioException {
    e.allowOnly(List.of("atMs", "do", "delayMs", "dropRate", "duplicateRate"));
    long atMs = atMs(e);
    Range delayMs = e.optionalRange("delayMs", 0);
    Double dropRate = e.optionalNumber("dropRate", 0, 1);
    Double duplicateRate = e.optionalNumber("duplicateRate", 0, 1);
    if (delayMs == null && dropRate == null && duplicateRate == null) {
      throw e.error("a network event needs at least one of delayMs, dropRate, duplicateRate");
    }
    return new ScenarioEvent.NetworkChange(atMs, delayMs, dropRate, duplicateRate, e.position());
  }

  private ScenarioEvent.ClientsActive clients(ObjectReader e) throws ScenarioException {
    e.allowOnly(List.of("atMs", "do", "active"));
    return new ScenarioEvent.ClientsActive(atMs(e), e.requiredBool("active"), e.position());
  }

  private ScenarioEvent.Pause pause(ObjectReader e) throws ScenarioException {
    e.allowOnly(List.of("atMs", "do", "node", "forMs"));
    return new ScenarioEvent.Pause(atMs(e), liveNode(e, "pause"), e.requiredWholeNumber("forMs", 1, Limits.MAX_TIME_MS),
        e.position());
  }

  private ScenarioEvent.ClockDrift clockDrift(ObjectReader e) throws ScenarioException {
    e.allowOnly(List.of("atMs", "do", "node", "ppm"));
    return new ScenarioEvent.ClockDrift(atMs(e), nodeId(e.require("node"), e.pathOf("node"), nodeIds()),
        e.requiredWholeNumber("ppm", -Limits.MAX_PPM, Limits.MAX_PPM), e.position());
  }

  private ScenarioEvent.TransferLeader transferLeader(ObjectReader e) throws ScenarioException {
    e.allowOnly(List.of("atMs", "do", "to"));
    return new ScenarioEvent.TransferLeader(atMs(e), nodeId(e.require("to"), e.pathOf("to"), nodeIds()), e.position());
  }

  private ScenarioEvent.AddServer addServer(ObjectReader e) throws ScenarioException {
    e.allowOnly(List.of("atMs", "do", "node"));
    return new ScenarioEvent.AddServer(atMs(e), nodeId(e.require("node"), e.pathOf("node"), nodeIds()), e.position());
  }

  private ScenarioEvent.RemoveServer removeServer(ObjectReader e) throws ScenarioException {
    e.allowOnly(List.of("atMs", "do", "node"));
    long atMs = atMs(e);
    String valid = choices(nodeIds(), "\"leader\"");
    LocatedJson node = e.require("node");
    if (node instanceof LocatedJson.Str name) {
      if (name.value().equals("leader")) {
        return new ScenarioEvent.RemoveServer(atMs, new NodeRef.Leader(), e.position());
      }
      throw e.error("node", ScenarioWriter.quote(name.value()) + " is not valid for removeServer; valid: " + valid);
    }
    return new ScenarioEvent.RemoveServer(atMs, new NodeRef.Id(nodeId(node, e.pathOf("node"), valid)), e.position());
  }

  /** The {@code voters} of an expectation: a non-empty list of distinct node ids. */
  private List<Integer> voters(ObjectReader e) throws ScenarioException {
    List<LocatedJson> items = values.array(e.get("voters"), e.pathOf("voters"), "an array of node ids, such as [1, 2, 3]");
    if (items.isEmpty()) {
      throw e.error("voters", "expected at least one node id; a configuration always has a voter");
    }
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String path = JsonPath.index(e.pathOf("voters"), i);
      int id = nodeId(items.get(i), path, nodeIds());
      if (ids.contains(id)) {
        throw values.error(items.get(i), path, "node " + id + " is listed twice; list each voter once");
      }
      ids.add(id);
    }
    return ids;
  }

  private ScenarioEvent.Expect expect(ObjectReader e) throws ScenarioException {
    e.allowOnly(List.of("atMs", "do", "leader", "node", "role", "progressSinceMs", "noProgressSinceMs", "voters"));
    long atMs = atMs(e);
    LeaderExpectation leader = e.has("leader") ? leaderExpectation(e) : null;
    Integer node = e.has("node") ? nodeId(e.get("node"), e.pathOf("node"), nodeIds()) : null;
    Role role = e.has("role") ? role(e) : null;
    if (node != null && role == null) {
      throw e.error("node", "a node needs a role to check; add \"role\": " + roleChoices());
    }
    if (role != null && node == null) {
      throw e.error("role", "a role needs a node to check; add \"node\": " + nodeIds());
    }
    Long progressSinceMs = e.has("progressSinceMs") ? sinceMs(e, "progressSinceMs", atMs) : null;
    Long noProgressSinceMs = e.has("noProgressSinceMs") ? sinceMs(e, "noProgressSinceMs", atMs) : null;
    List<Integer> voters = e.has("voters") ? voters(e) : null;
    if (leader == null && node == null && progressSinceMs == null && noProgressSinceMs == null && voters == null) {
      throw e.error("an expect event needs at least one check: leader, node with role, progressSinceMs, "
          + "noProgressSinceMs or voters");
    }
    return new ScenarioEvent.Expect(atMs, leader, node, role, progressSinceMs, noProgressSinceMs, voters,
        e.position());
  }

  /** The event's time, within the run: 0..durationMs. */
  private long atMs(ObjectReader e) throws ScenarioException {
    LocatedJson.Num atMs = values.integral(e.require("atMs"), e.pathOf("atMs"));
    if (atMs.value().signum() < 0 || atMs.value().compareTo(BigDecimal.valueOf(durationMs)) > 0) {
      throw e.error("atMs", atMs.text() + " is outside the run; valid: 0.." + durationMs + " (durationMs)");
    }
    return atMs.value().longValueExact();
  }

  /** A start time T0 for a progress check at {@code atMs}: 0..atMs, since a later time has not happened yet. */
  private long sinceMs(ObjectReader e, String name, long atMs) throws ScenarioException {
    LocatedJson.Num since = values.integral(e.get(name), e.pathOf(name));
    if (since.value().signum() < 0 || since.value().compareTo(BigDecimal.valueOf(atMs)) > 0) {
      throw e.error(name, since.text() + " is not between the start of the run and this event; valid: 0.." + atMs
          + " (atMs)");
    }
    return since.value().longValueExact();
  }

  /** The {@code node} of an event that acts on one live node: an id, "leader" or "random". */
  private NodeRef liveNode(ObjectReader e, String kind) throws ScenarioException {
    return liveNode(e, kind, false);
  }

  /** As above; crash may also name "nextLeader". */
  private NodeRef liveNode(ObjectReader e, String kind, boolean nextLeader) throws ScenarioException {
    String valid = nextLeader ? choices(nodeIds(), "\"leader\"", "\"random\"", "\"nextLeader\"")
        : choices(nodeIds(), "\"leader\"", "\"random\"");
    LocatedJson node = e.require("node");
    if (node instanceof LocatedJson.Str name) {
      return switch (name.value()) {
        case "leader" -> new NodeRef.Leader();
        case "random" -> new NodeRef.Random();
        case "nextLeader" -> {
          if (!nextLeader) {
            throw e.error("node", "\"nextLeader\" is not valid for " + kind + "; valid: " + valid);
          }
          yield new NodeRef.NextLeader();
        }
        default -> throw e.error("node",
            ScenarioWriter.quote(name.value()) + " is not valid for " + kind + "; valid: " + valid);
      };
    }
    return new NodeRef.Id(nodeId(node, e.pathOf("node"), valid));
  }

  private LeaderExpectation leaderExpectation(ObjectReader e) throws ScenarioException {
    String valid = choices(nodeIds(), "\"any\"", "\"none\"");
    LocatedJson leader = e.get("leader");
    if (leader instanceof LocatedJson.Str name) {
      return switch (name.value()) {
        case "any" -> new LeaderExpectation.Any();
        case "none" -> new LeaderExpectation.None();
        default -> throw e.error("leader", ScenarioWriter.quote(name.value()) + " is not valid here; valid: " + valid);
      };
    }
    return new LeaderExpectation.Node(nodeId(leader, e.pathOf("leader"), valid));
  }

  private Role role(ObjectReader e) throws ScenarioException {
    LocatedJson role = e.get("role");
    if (role instanceof LocatedJson.Str name) {
      for (Role r : Role.values()) {
        if (r.jsonName().equals(name.value())) {
          return r;
        }
      }
      throw e.error("role", ScenarioWriter.quote(name.value()) + " is not a role; valid: " + roleChoices());
    }
    throw e.error("role", "expected a role, got " + role.describe() + "; valid: " + roleChoices());
  }

  /** A node id of this cluster; {@code valid} is what the message lists as valid. */
  private int nodeId(LocatedJson value, String path, String valid) throws ScenarioException {
    if (!(value instanceof LocatedJson.Num number) || !number.integral()) {
      throw values.error(value, path, "expected a node id, got " + value.describe() + "; valid: " + valid);
    }
    if (number.value().signum() <= 0 || number.value().compareTo(BigDecimal.valueOf(nodes)) > 0) {
      throw values.error(value, path,
          number.text() + " is not a node of this " + nodes + "-node cluster; valid: " + valid);
    }
    return number.value().intValueExact();
  }

  private String nodeIds() {
    return ValueReader.bounds(1, nodes);
  }

  private static String roleChoices() {
    List<String> names = new ArrayList<>();
    for (Role r : Role.values()) {
      names.add(ScenarioWriter.quote(r.jsonName()));
    }
    return choices(names.toArray(String[]::new));
  }

  /** Lists two or more alternatives the way the messages do: {@code a or b}, {@code a, b or c}. */
  private static String choices(String... items) {
    int last = items.length - 1;
    return String.join(", ", List.of(items).subList(0, last)) + " or " + items[last];
  }
}
