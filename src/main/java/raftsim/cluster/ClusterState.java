package raftsim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one cluster command leaves for the next in {@code DIR/cluster.json}: the layout, and the process of every
 * node started and not stopped since.
 *
 * <pre>
 * {"nodes": 3, "basePort": 8001, "processes": [{"id": 1, "pid": 4242, "started": "2026-11-30T12:00:00.120Z"}]}
 * </pre>
 */
public record ClusterState(ClusterLayout layout, SortedMap<Integer, NodeProcess> processes) {
  static final String FILE_NAME = "cluster.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  public ClusterState {
    processes = Collections.unmodifiableSortedMap(new TreeMap<>(processes));
  }

  /** True when {@code dir} holds a state file. */
  public static boolean existsIn(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE_NAME));
  }

  /** Reads the state file in {@code dir}; throws {@link ClusterException} when there is none or it is unreadable. */
  public static ClusterState load(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new ClusterException("no cluster in " + dir + " (no " + FILE_NAME + "): run 'cluster start' first");
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      ClusterLayout layout = new ClusterLayout(dir, root.path("nodes").asInt(), root.path("basePort").asInt());
      TreeMap<Integer, NodeProcess> processes = new TreeMap<>();
      for (JsonNode p : root.path("processes")) {
        int id = p.path("id").asInt();
        layout.requireNode(id);
        Instant started = p.hasNonNull("started") ? Instant.parse(p.get("started").asText()) : null;
        processes.put(id, new NodeProcess(id, p.path("pid").asLong(), started));
      }
      return new ClusterState(layout, processes);
    } catch (IOException | DateTimeParseException | ClusterException e) {
      throw new ClusterException("cannot read " + file + ": " + e.getMessage()
          + "; stop any node processes by hand and delete the directory");
    }
  }

  /** Writes the state file, replacing the old one in one step so a reader never sees half of it. */
  public void save() {
    ObjectNode root = JSON.createObjectNode().put("nodes", layout.nodes()).put("basePort", layout.basePort());
    ArrayNode list = root.putArray("processes");
    for (NodeProcess p : processes.values()) {
      ObjectNode o = list.addObject().put("id", p.id()).put("pid", p.pid());
      if (p.started() != null) {
        o.put("started", p.started().toString());
      }
    }
    Path file = layout.stateFile();
    Path temp = file.resolveSibling(FILE_NAME + ".tmp");
    try {
      Files.createDirectories(layout.dir());
      Files.writeString(temp, root.toPrettyString() + "\n");
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The same state with node {@code p.id()} running as {@code p}. */
  public ClusterState with(NodeProcess p) {
    TreeMap<Integer, NodeProcess> next = new TreeMap<>(processes);
    next.put(p.id(), p);
    return new ClusterState(layout, next);
  }

  /** The same state with node {@code id} not running. */
  public ClusterState without(int id) {
    TreeMap<Integer, NodeProcess> next = new TreeMap<>(processes);
    next.remove(id);
    return new ClusterState(layout, next);
  }
}
