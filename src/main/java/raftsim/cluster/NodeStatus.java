package raftsim.cluster;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a node said on {@code GET /client/status}.
 *
 * @param leader the leader it knows of, or 0 when it knows none
 */
public record NodeStatus(int id, String role, long term, int leader, long commitIndex, long lastApplied,
    long logFirstIndex, long logLastIndex) {

  static NodeStatus fromJson(JsonNode o) {
    return new NodeStatus(o.path("id").asInt(), o.path("role").asText("?"), o.path("term").asLong(),
        o.path("leader").asInt(0), o.path("commitIndex").asLong(), o.path("lastApplied").asLong(),
        o.path("logFirstIndex").asLong(), o.path("logLastIndex").asLong());
  }

  public boolean isLeader() {
    return role.equals("leader");
  }
}
