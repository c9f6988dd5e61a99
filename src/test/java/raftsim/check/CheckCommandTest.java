package raftsim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftsim.cli.Main;

/** {@code raftsim check}: one verdict per file, and the exit code of CONTRACT.md §7 for a mix of files. */
class CheckCommandTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = Main.execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private String file(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return p.toString();
  }

  private String good() throws IOException {
    return file("good.history", "raftsim-history 1", "invoke 1 1 0 SET x a", "ok 1 1 1 OK",
        "invoke 2 2 2 GET x", "ok 2 2 3 VALUE a");
  }

  private String stale() throws IOException {
    return file("stale.history", "raftsim-history 1", "invoke 1 1 0 SET x a", "ok 1 1 1 OK",
        "invoke 2 1 2 SET x b", "ok 2 1 3 OK", "invoke 3 2 4 GET x", "ok 3 2 5 VALUE a");
  }

  private String broken() throws IOException {
    return file("broken.history", "raftsim-history 1", "invoke 1 1 0 SET x");
  }

  private String hard() throws IOException {
    StringBuilder b = new StringBuilder("raftsim-history 1\n");
    for (int i = 0; i < 30; i++) {
      b.append("invoke ").append(i).append(' ').append(i).append(" 0 APPEND x a\n");
    }
    b.append("invoke 98 98 0 CAS x q r\ninvoke 99 99 0 GET x\n");
    for (int i = 0; i < 30; i++) {
      b.append("ok ").append(i).append(' ').append(i).append(" 1 OK\n");
    }
    b.append("ok 98 98 1 FALSE\nok 99 99 1 VALUE b\n");
    return file("hard.history", b.toString());
  }

  @Test
  void linearizableFilesExitZero() throws IOException {
    Run r = run("check", good(), good());
    assertEquals(0, r.exit());
    assertEquals(2, r.out().lines().filter(l -> l.contains(": linearizable (2 operations, raftsim, ")).count(), r.out());
  }

  @Test
  void aViolationExitsOneAndExplainsItself() throws IOException {
    Run r = run("check", good(), stale());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("stale.history: not linearizable (3 operations, raftsim"), r.out());
    assertTrue(r.out().contains("#3 client 2: GET x -> VALUE a (lines 6-7): impossible when the state is \"b\""),
        r.out());
  }

  @Test
  void badInputWinsAndIsLocated() throws IOException {
    String broken = broken();
    Run r = run("check", good(), stale(), broken);
    assertEquals(2, r.exit());
    assertEquals(broken + ":2:19: too few arguments: expected 'SET k v'", r.err().strip());
    assertTrue(r.out().contains(broken + ": error"), r.out());
    assertEquals(2, run("check", dir.resolve("missing").toString()).exit());
  }

  @Test
  void undecidedExitsThreeUnlessSomethingIsWorse() throws IOException {
    Run r = run("check", "--timeout", "0.2", good(), hard());
    assertEquals(3, r.exit(), r.out());
    assertTrue(r.out().contains("hard.history: undecided: the time budget of 200 ms ran out"), r.out());
    assertEquals(1, run("check", "--timeout", "0.2", hard(), stale()).exit());
  }

  @Test
  void jsonIsOneObjectPerFile() throws IOException {
    String broken = broken();
    Run r = run("check", "--json", good(), stale(), broken);
    assertEquals(2, r.exit());
    String[] lines = r.out().strip().split("\n");
    assertEquals(3, lines.length);
    ObjectMapper json = new ObjectMapper();
    JsonNode ok = json.readTree(lines[0]);
    assertEquals("linearizable", ok.get("verdict").asText());
    assertEquals("raftsim", ok.get("format").asText());
    assertEquals(2, ok.get("operations").asInt());
    assertTrue(ok.get("wallMs").isNumber());
    JsonNode bad = json.readTree(lines[1]);
    assertEquals("not-linearizable", bad.get("verdict").asText());
    JsonNode c = bad.get("counterexample");
    assertEquals("x", c.get("partition").asText());
    assertEquals(2, c.get("prefix").size());
    assertEquals("\"b\"", c.get("stateAfterPrefix").asText());
    assertEquals(3, c.get("cannotLinearize").get(0).get("opId").asInt());
    JsonNode error = json.readTree(lines[2]);
    assertEquals("error", error.get("verdict").asText());
    assertTrue(error.get("error").asText().startsWith(broken + ":2:19: "));
  }

  @Test
  void formatCanBeNamedOrDetected() throws IOException {
    String etcd = file("etcd.log", "INFO  jepsen.util - 0\t:invoke\t:read\tnil", "INFO  jepsen.util - 0\t:ok\t:read\t3");
    Run r = run("check", etcd);
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("(1 operations, jepsen-etcd"), r.out());
    assertEquals(2, run("check", "--format", "raftsim", etcd).exit());
    assertEquals(2, run("check", "--format", "nonsense", etcd).exit());
    assertEquals(0, run("check", file("empty.log", "")).exit());
  }
}
