package raftsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code html}: one self-contained, deterministic page; bad input exits 2 and names the file. */
class HtmlCommandTest {
  static final String SCENARIO = "scenarios/isolated-leader-rejoins.json";

  @Test
  void theSameRunGivesTheSameBytes(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.html");
    Path b = dir.resolve("b.html");
    Cli first = Cli.run("html", SCENARIO, "-o", a.toString());
    Cli second = Cli.run("html", SCENARIO, "-o", b.toString());
    assertEquals(0, first.code(), first.err());
    assertEquals(0, second.code(), second.err());
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "html output is byte-identical for the same seed");
    assertTrue(first.out().startsWith("wrote " + a + ": "), first.out());
    Path c = dir.resolve("c.html");
    assertEquals(0, Cli.run("html", SCENARIO, "-o", c.toString(), "--seed", "5").code());
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)), "another seed, another run");
  }

  /** Another JVM, in another locale and default charset, writes the very same bytes. */
  @Test
  void anotherJvmInAnotherLocaleGivesTheSameBytes(@TempDir Path dir) throws Exception {
    Path here = dir.resolve("here.html");
    Path there = dir.resolve("there.html");
    assertEquals(0, Cli.run("html", SCENARIO, "-o", here.toString()).code());
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p = new ProcessBuilder(javaBin, "-Duser.language=tr", "-Duser.country=TR", "-Dfile.encoding=US-ASCII", "-cp",
        classpath, "raftsim.cli.Main", "html", SCENARIO, "-o", there.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    try {
      assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the other JVM finishes");
    } finally {
      p.destroyForcibly();
    }
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("child.log")));
    assertArrayEquals(Files.readAllBytes(here), Files.readAllBytes(there));
  }

  static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void aTraceAndItsScenarioGiveTheSamePage(@TempDir Path dir) throws IOException {
    Path trace = dir.resolve("isolated-leader-rejoins.ndjson");
    assertEquals(0, Cli.run("run", SCENARIO, "--trace", trace.toString(), "-q").code());
    Path fromTrace = dir.resolve("t.html");
    Path fromScenario = dir.resolve("s.html");
    assertEquals(0, Cli.run("html", trace.toString(), "-o", fromTrace.toString()).code());
    assertEquals(0, Cli.run("html", SCENARIO, "-o", fromScenario.toString()).code());
    // The title is the file's name for a trace, the scenario's name for a scenario: the rest is the same.
    String t = Files.readString(fromTrace, StandardCharsets.UTF_8).replace("isolated-leader-rejoins.ndjson", "X");
    String s = Files.readString(fromScenario, StandardCharsets.UTF_8).replace("isolated-leader-rejoins", "X");
    assertEquals(s, t);
  }

  @Test
  void thePageNeedsNoNetwork(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("v.html");
    assertEquals(0, Cli.run("html", SCENARIO, "-o", out.toString()).code());
    String page = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(page.contains("Content-Security-Policy\" content=\"default-src 'none'"), "every request is forbidden");
    assertFalse(Pattern.compile("(src|href)\\s*=\\s*[\"'](https?:)?//").matcher(page).find(), "no external resource");
    assertFalse(Pattern.compile("\\b(fetch|XMLHttpRequest|import\\s*\\(|WebSocket|EventSource)\\b").matcher(page).find(),
        "no script loads anything");
    assertEquals(2, count(page, "<script"), "two scripts: the data and the viewer");
    assertEquals(2, count(page, "</script"), "the data cannot close its script early");
  }

  @Test
  void badInputExitsTwoAndNamesTheFile(@TempDir Path dir) throws IOException {
    Path scenario = dir.resolve("bad.json");
    Files.writeString(scenario, "{ \"name\": \"x\", \"nodes\": 3 }\n");
    Cli r = Cli.run("html", scenario.toString(), "-o", dir.resolve("x.html").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith(scenario + ":1:1: "), r.err());
    assertTrue(r.err().contains("durationMs"), r.err());
    assertFalse(Files.exists(dir.resolve("x.html")), "nothing written");
    Cli seedOnTrace = Cli.run("html", "src/test/resources/step/tiny.ndjson", "--seed", "3", "-o",
        dir.resolve("y.html").toString());
    assertEquals(2, seedOnTrace.code());
    assertTrue(seedOnTrace.err().contains("--seed applies to a scenario"), seedOnTrace.err());
    Cli unwritable = Cli.run("html", "src/test/resources/step/tiny.ndjson", "-o", dir.resolve("no/such/dir.html").toString());
    assertEquals(2, unwritable.code());
    assertTrue(unwritable.err().startsWith("raftsim html: cannot write "), unwritable.err());
  }
}
