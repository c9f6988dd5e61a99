package raftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import raftsim.cluster.Ports;

/** {@code nemesis} end to end: a real 3-node cluster on ports 18201..18203 under crashes. */
@Timeout(30)
class NemesisCommandTest {
  private static final int BASE_PORT = 18201;

  @TempDir Path work;

  @Test
  @Timeout(120)
  void aBoundedRunUnderCrashesPasses() throws Exception {
    for (int port = BASE_PORT; port < BASE_PORT + 3; port++) {
      assertTrue(Ports.isFree(port), "port " + port + " is taken: is another run going?");
    }
    Path history = work.resolve("nemesis.history");
    Path data = work.resolve("data");
    Cli run = Cli.run("nemesis", "--duration", "15s", "--base-port", Integer.toString(BASE_PORT), "--seed", "7",
        "--history", history.toString(), "--data", data.toString(), "--json");
    JsonNode summary = new ObjectMapper().readTree(run.out());
    assertEquals(0, run.code(), run.out() + run.err());
    assertEquals("pass", summary.path("verdict").asText());
    assertTrue(summary.path("kills").path("total").asInt() >= 2, run.out());
    assertEquals(summary.path("kills").path("total").asInt(), summary.path("restarts").asInt(), run.out());
    assertTrue(summary.path("operations").path("ok").asInt() >= 20, run.out());
    assertTrue(summary.path("lostWrites").path("acknowledgedAppends").asInt() > 0, run.out());
    assertEquals("linearizable", summary.path("linearizability").path("verdict").asText());

    // Every node process it started is gone, and the history it wrote is one 'check' reads.
    for (int port = BASE_PORT; port < BASE_PORT + 3; port++) {
      assertTrue(Ports.isFree(port), "port " + port + " still in use after the run");
    }
    assertTrue(Files.exists(data.resolve("node-1.log")), "--data is kept");
    Cli check = Cli.run("check", history.toString());
    assertEquals(0, check.code(), check.out() + check.err());
  }

  @Test
  void badInputExitsTwoAndStartsNothing() throws Exception {
    assertEquals(2, Cli.run("nemesis", "--nodes", "2").code());
    assertEquals(2, Cli.run("nemesis", "--duration", "1s").code());
    assertEquals(2, Cli.run("nemesis", "--duration", "soon").code());
    assertEquals(2, Cli.run("nemesis", "--clients", "0").code());
    assertEquals(2, Cli.run("nemesis", "--keys", "0").code());
    assertEquals(2, Cli.run("nemesis", "--check-timeout", "0").code());
    Files.writeString(work.resolve("busy"), "x");
    Cli notEmpty = Cli.run("nemesis", "--data", work.toString(), "--base-port", "18221");
    assertEquals(2, notEmpty.code());
    assertTrue(notEmpty.err().contains("not empty"), notEmpty.err());
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 18222));
      Cli busy = Cli.run("nemesis", "--base-port", "18221");
      assertEquals(2, busy.code());
      assertTrue(busy.err().contains("port 18222"), busy.err());
    }
    assertTrue(Ports.isFree(18221) && Ports.isFree(18223), "nothing was started");
  }
}
