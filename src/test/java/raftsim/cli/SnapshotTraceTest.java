package raftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot catch-up scenario, read from its trace: a follower that was down while the leader
 * compacted past it gets the snapshot in consecutive chunks, installs it, and the run stays safe and
 * linearizable.
 */
class SnapshotTraceTest {
  @TempDir Path dir;

  @Test
  void theTraceShowsTheChunksAndTheInstall() throws Exception {
    Path trace = dir.resolve("t.ndjson");
    Cli r = Cli.run("run", "scenarios/snapshot-catch-up.json", "--json", "--trace", trace.toString());
    ObjectMapper json = new ObjectMapper();
    JsonNode summary = json.readTree(r.out());
    assertEquals(0, r.code(), r.out());
    assertTrue(summary.get("linearizable").asBoolean());
    assertEquals(0, summary.get("violationCount").asLong());

    // The chunks node 1 was sent after it restarted, until it installed the snapshot. (While it was
    // down, the leader kept repeating the first chunk at every heartbeat.)
    List<JsonNode> chunks = new ArrayList<>();
    JsonNode installed = null;
    boolean restarted = false;
    for (String line : Files.readAllLines(trace)) {
      JsonNode o = json.readTree(line);
      String kind = o.get("kind").asText();
      if (kind.equals("restart") && o.get("node").asInt() == 1) {
        restarted = true;
      } else if (restarted && kind.equals("snapshot-chunk") && o.get("follower").asInt() == 1 && installed == null) {
        chunks.add(o);
      } else if (kind.equals("snapshot-installed") && o.get("node").asInt() == 1) {
        installed = o;
      }
    }
    assertTrue(chunks.size() >= 3, "several chunks: " + chunks.size());
    // Each chunk starts where the one before ended; a heartbeat may repeat an unanswered chunk.
    long offset = 0;
    long end = 0;
    for (JsonNode c : chunks) {
      long at = c.get("offset").asLong();
      assertTrue(at == offset || at == end, "chunk at " + at + " does not continue " + offset + ".." + end);
      offset = at;
      end = at + c.get("length").asLong();
    }
    offset = end;
    JsonNode last = chunks.get(chunks.size() - 1);
    assertTrue(last.get("done").asBoolean());
    assertEquals(last.get("total").asLong(), offset);
    assertTrue(installed != null, "node 1 installed the snapshot");
    assertEquals(last.get("index").asLong(), installed.get("index").asLong());
  }
}
