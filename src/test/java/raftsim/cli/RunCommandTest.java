package raftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} as CONTRACT §2, §3, §5 and §6 define it. */
class RunCommandTest {
  /** Duplicate keys would make a trace line mean two things; the parser refuses them. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final String BUSY = "scenarios/leader-crash.json";

  @TempDir Path dir;

  private static JsonNode summary(Cli r) throws IOException {
    return JSON.readTree(r.out());
  }

  @Test
  void theJsonSummaryHasEveryContractField() throws IOException {
    Cli r = Cli.run("run", BUSY, "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode s = summary(r);
    for (String field : List.of("scenario", "seed", "ok", "simulatedMs", "wallMs", "events", "traceHash", "leader",
        "term", "commitIndex", "clientOps", "linearizable", "leaderChanges", "violations", "expectations")) {
      assertTrue(s.has(field), "missing " + field + " in " + s);
    }
    assertTrue(s.get("traceHash").isNull(), "no --trace and no --hash: traceHash is null");
    JsonNode ops = s.get("clientOps");
    assertEquals(ops.get("invoked").asLong(),
        ops.get("ok").asLong() + ops.get("failed").asLong() + ops.get("indeterminate").asLong());
    assertEquals(10_000, s.get("simulatedMs").asLong());
    assertEquals("leader-crash", s.get("scenario").asText());
  }

  @Test
  void theTraceFileIsWhatTheHashSaysAndAgreesWithTheEventCount() throws Exception {
    Path trace = dir.resolve("t.ndjson");
    Cli r = Cli.run("run", BUSY, "--json", "--trace", trace.toString());
    JsonNode s = summary(r);
    byte[] bytes = Files.readAllBytes(trace);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertEquals(sha, s.get("traceHash").asText());

    Set<Long> evs = new HashSet<>();
    long seq = 0;
    Pattern fraction = Pattern.compile("[:\\[,]-?\\d+\\.\\d");
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      JsonNode o = JSON.readTree(line);
      assertEquals(seq++, o.get("seq").asLong(), "seq is the line number");
      assertTrue(o.has("t") && o.has("kind") && o.has("ev"), line);
      evs.add(o.get("ev").asLong());
      assertFalse(fraction.matcher(line.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")).find(), "no floating point: " + line);
    }
    assertEquals(s.get("events").asLong(), evs.size(), "distinct ev values = events");
  }

  @Test
  void hashIsTheSameForTheSameSeedAndDiffersForAnother() throws IOException {
    String a = summary(Cli.run("run", BUSY, "--json", "--hash")).get("traceHash").asText();
    String b = summary(Cli.run("run", BUSY, "--json", "--hash")).get("traceHash").asText();
    String c = summary(Cli.run("run", BUSY, "--json", "--hash", "--seed", "43")).get("traceHash").asText();
    assertEquals(a, b);
    assertNotEquals(a, c);
    assertEquals(43, summary(Cli.run("run", BUSY, "--json", "--seed", "43")).get("seed").asLong());
  }

  @Test
  void twoJvmsPrintTheSameTraceHash() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    assertEquals(hashInAnotherJvm(java), hashInAnotherJvm(java));
  }

  /**
   * Every JDK installed beside the one running the tests (e.g. 17 and 25 under the same directory)
   * prints the very same trace hash: nothing in a run depends on the JDK's hashing or iteration order.
   */
  @Test
  void everyInstalledJdkPrintsTheSameTraceHash() throws Exception {
    Path home = Path.of(System.getProperty("java.home")).toRealPath();
    java.util.TreeSet<Path> jdks = new java.util.TreeSet<>();
    jdks.add(home);
    try (var siblings = Files.list(home.getParent())) {
      for (Path d : siblings.toList()) {
        if (Files.isExecutable(d.resolve("bin").resolve("java"))) {
          jdks.add(d.toRealPath());
        }
      }
    }
    String expected = hashInAnotherJvm(home.resolve("bin").resolve("java"));
    for (Path jdk : jdks) {
      assertEquals(expected, hashInAnotherJvm(jdk.resolve("bin").resolve("java")), "the trace hash on " + jdk);
    }
    System.out.println("the same trace hash on " + jdks.size() + " JDKs: " + jdks);
  }

  private static String hashInAnotherJvm(Path java) throws Exception {
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), "raftsim.cli.Main", "run",
        "scenarios/lossy-network.json", "--json", "--hash").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM finished");
    assertEquals(0, p.exitValue(), out);
    return JSON.readTree(out).get("traceHash").asText();
  }

  @Test
  void quietPrintsNothingAndTheTextSummaryIsShort() {
    Cli quiet = Cli.run("run", "scenarios/initial-election-3.json", "--quiet");
    assertEquals(0, quiet.code());
    assertEquals("", quiet.out());
    Cli text = Cli.run("run", "scenarios/initial-election-3.json");
    assertTrue(text.out().startsWith("scenario initial-election-3 (seed 1): OK"), text.out());
    assertTrue(text.out().contains("safety invariants: all held"), text.out());
  }

  @Test
  void aFailedExpectationExitsOneAndSaysWhich() throws IOException {
    Path f = dir.resolve("fails.json");
    Files.writeString(f, "{\"name\":\"fails\",\"nodes\":3,\"durationMs\":2000,"
        + "\"events\":[{\"atMs\":1000,\"do\":\"expect\",\"leader\":\"none\"}],\"expect\":{\"maxTerm\":0}}");
    Cli r = Cli.run("run", f.toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("FAILED leader@1000"), r.out());
    assertTrue(r.out().contains("FAILED maxTerm"), r.out());
  }

  @Test
  void badInputExitsTwoWithALocatedMessageAndRunsNothing() throws IOException {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "{\n  \"name\": \"x\",\n  \"nodes\": 16,\n  \"durationMs\": 1000\n}\n");
    Cli r = Cli.run("run", f.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith(f + ":3:12: nodes"), r.err());
    assertEquals("", r.out());

    Cli missing = Cli.run("run", dir.resolve("nope.json").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("nope.json:1:1: cannot read"), missing.err());

    assertEquals(2, Cli.run("run", BUSY, "--check-timeout", "0").code());
    assertEquals(2, Cli.run("run").code());
    assertEquals(2, Cli.run("run", BUSY, "--seed", "x").code());
    assertEquals(2, Cli.run("run", BUSY, "--trace", dir.resolve("no/such/dir/t").toString()).code());
  }

  @Test
  void theReadmeShowsTheMainJobWithAScenarioThatExists() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    var m = Pattern.compile("java -jar target/raftsim\\.jar run (scenarios/[\\w.-]+\\.json)").matcher(readme);
    assertTrue(m.find(), "README shows `java -jar target/raftsim.jar run scenarios/<file>.json`");
    assertTrue(Files.exists(Path.of(m.group(1))), m.group(1));
    assertTrue(readme.contains("mvn -B -ntp verify"), "README shows the test command");
  }
}
