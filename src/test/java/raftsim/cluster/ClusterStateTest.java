package raftsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterStateTest {
  @TempDir Path dir;

  @Test
  void roundTripsThroughItsFile() {
    ClusterLayout layout = new ClusterLayout(dir, 3, 18501);
    ClusterState state = new ClusterState(layout, new TreeMap<>())
        .with(new NodeProcess(1, 101, Instant.parse("2026-01-02T03:04:05.678Z")))
        .with(new NodeProcess(3, 103, null));
    state.save();
    assertEquals(state, ClusterState.load(dir));
    assertEquals(Set.of(3), state.without(1).processes().keySet());
  }

  @Test
  void noFileMeansNoCluster() {
    assertFalse(ClusterState.existsIn(dir));
    ClusterException e = assertThrows(ClusterException.class, () -> ClusterState.load(dir));
    assertTrue(e.getMessage().contains("cluster start"), e.getMessage());
  }

  @Test
  void aDamagedFileIsReportedNotTrusted() throws Exception {
    Files.writeString(dir.resolve("cluster.json"), "{\"nodes\": 3, \"basePort\": 18501, \"processes\": [{\"id\": 7}]}");
    assertThrows(ClusterException.class, () -> ClusterState.load(dir));
  }

  @Test
  void aProcessThatExitedIsNotAlive() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    NodeProcess node = NodeProcess.of(1, p);
    p.waitFor();
    assertFalse(node.isAlive());
    // Our own process is alive, but under another start time it is a stranger that got the pid.
    ProcessHandle self = ProcessHandle.current();
    assertTrue(new NodeProcess(1, self.pid(), self.info().startInstant().orElse(null)).isAlive());
    assertFalse(new NodeProcess(1, self.pid(), Instant.EPOCH).isAlive());
  }
}
