package raftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftsim.learn.Style;

/**
 * The stepper in script mode: after given keys the screen holds the expected rows and explanation
 * (golden files under src/test/resources/step; run with -Draftsim.updateGolden=true to rewrite them after a
 * deliberate change, and read the diff).
 */
class StepCommandTest {
  static final String ELECTION = "scenarios/initial-election-3.json";
  static final String REPAIR = "scenarios/follower-crash.json";

  @Test
  void firstElectionStepByStep() throws IOException {
    Cli r = Cli.run("step", ELECTION, "--script", "n n n n n n n n n n n n c q");
    assertEquals(0, r.code(), r.err());
    golden("first-election.txt", r.out());
    String last = lastScreen(r.out());
    assertTrue(last.contains("   1  leader "), last);
    assertTrue(last.contains("commitIndex from 0 to 1"), last);
  }

  @Test
  void logRepairAfterACrash() throws IOException {
    // Both crashed followers restart at 6,000 ms; the leader repairs node 2's log first, then node 1's.
    Cli r = Cli.run("step", REPAIR, "--script", "t=6000 @1 k=backoff k=backoff");
    assertEquals(0, r.code(), r.err());
    golden("log-repair.txt", r.out());
    String last = lastScreen(r.out());
    assertTrue(last.contains("moves nextIndex for 1 back from 143 to 79"), last);
    assertTrue(last.contains("1: 79/78 probe") || last.contains("1: 79/78"), last);
  }

  @Test
  void backUndoesNext() {
    List<String> a = screens(Cli.run("step", ELECTION, "--script", "n n n").out());
    List<String> b = screens(Cli.run("step", ELECTION, "--script", "n n n n b").out());
    assertEquals(a.get(a.size() - 1), b.get(b.size() - 1));
  }

  @Test
  void jumpsToATimeAndToTheEnd() {
    List<String> s = screens(Cli.run("step", ELECTION, "--script", "t=2500 G g").out());
    assertTrue(s.get(1).contains("line 458 of 910   t=2,530 ms"), "the first line at or after 2,500 ms: " + s.get(1));
    assertTrue(s.get(2).contains("line 910 of 910"), s.get(2));
    assertTrue(s.get(3).contains("line 0 of 910"), s.get(3));
  }

  @Test
  void detailChangesWhatAStepVisits() {
    String decisions = lastScreen(Cli.run("step", ELECTION, "--script", "- n n n n").out());
    assertTrue(decisions.contains("detail 1 of 3"), decisions);
    assertFalse(decisions.contains("> line 5  send"), "a decision step skips messages: " + decisions);
    String everything = lastScreen(Cli.run("step", ELECTION, "--script", "+ n").out());
    assertTrue(everything.contains("> line 1  timer node=1"), everything);
    assertTrue(everything.contains("{\"seq\":1,"), "the most detail shows the raw line: " + everything);
  }

  @Test
  void aTraceFileStepsLikeItsScenario(@TempDir Path dir) {
    Path trace = dir.resolve("t.ndjson");
    assertEquals(0, Cli.run("run", ELECTION, "--trace", trace.toString(), "-q").code());
    String keys = "n n n n n n n n e c";
    List<String> fromScenario = screens(Cli.run("step", ELECTION, "--script", keys).out());
    List<String> fromTrace = screens(Cli.run("step", trace.toString(), "--script", keys).out());
    assertEquals(fromScenario.size(), fromTrace.size());
    for (int i = 0; i < fromScenario.size(); i++) {
      assertEquals(withoutTitle(fromScenario.get(i)), withoutTitle(fromTrace.get(i)));
    }
  }

  /** A trace with a safety violation and a history that is not linearizable: v finds it; the exit code says so. */
  @Test
  void findsAViolationAndExitsOne() {
    Cli r = Cli.run("step", "src/test/resources/step/stale-read.ndjson", "--script", "v");
    assertEquals(1, r.code(), r.err());
    String last = lastScreen(r.out());
    assertTrue(last.contains("> line 11  violation invariant=StateMachineSafety"), last);
    assertTrue(last.contains("Safety violation, StateMachineSafety: a planted example — §5.4.3"), last);
    assertEquals(1, Cli.run("html", "src/test/resources/step/stale-read.ndjson", "-o",
        Path.of("target", "stale-read-cli.html").toString()).code());
  }

  @Test
  void helpAndUnknownKeys() {
    String help = lastScreen(Cli.run("step", ELECTION, "--script", "h").out());
    assertTrue(help.contains("t=MS          jump to a time"), help);
    String unknown = lastScreen(Cli.run("step", ELECTION, "--script", "x").out());
    assertTrue(unknown.contains("! unknown key \"x\"; h for help"), unknown);
    String none = lastScreen(Cli.run("step", ELECTION, "--script", "v").out());
    assertTrue(none.contains("! no violation after line 0"), none);
  }

  @Test
  void coloursOnlyWhenAsked() {
    assertFalse(Cli.run("step", ELECTION, "--script", "n").out().contains("\u001b["), "not a terminal: no colours");
    String coloured = Cli.run("step", ELECTION, "--script", "t=200", "--color", "always").out();
    assertTrue(coloured.contains("\u001b[1;32mleader"), "the leader in bold green: " + coloured);
    assertTrue(coloured.contains("\u001b[1;97;44m1\u001b[0m"), "a committed entry of term 1 on blue: " + coloured);
    assertSame(Style.PLAIN, Terminal.style("step", "auto", "1", true), "NO_COLOR turns colours off");
    assertSame(Style.ANSI, Terminal.style("step", "auto", null, true));
    assertSame(Style.ANSI, Terminal.style("step", "auto", "", true), "an empty NO_COLOR counts as unset");
    assertSame(Style.PLAIN, Terminal.style("step", "auto", null, false), "not a terminal");
    Cli bad = Cli.run("step", ELECTION, "--color", "sometimes", "--script", "q");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--color must be auto, always or never"), bad.err());
  }

  @Test
  void readsKeysLineByLineFromStandardInput() {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream("n\n\nn b\nq\nn\n".getBytes(StandardCharsets.UTF_8)));
      Cli r = Cli.run("step", ELECTION);
      assertEquals(0, r.code(), r.err());
      List<String> s = List.of(r.out().split("step> ", -1));
      assertEquals(5, s.size(), "four prompts, the last answered by q: " + r.out());
      assertTrue(s.get(3).contains("line 3 of 910"), "n, Enter, then n b: " + s.get(3));
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void badInputNamesTheFileAndExitsTwo(@TempDir Path dir) throws IOException {
    Cli missing = Cli.run("step", dir.resolve("nope.json").toString(), "--script", "q");
    assertEquals(2, missing.code());
    assertTrue(missing.err().startsWith(dir.resolve("nope.json") + ":1:1: cannot read"), missing.err());
    Path scenario = dir.resolve("bad.json");
    Files.writeString(scenario, "{\n  \"name\": \"x\",\n  \"nodes\": 99,\n  \"durationMs\": 10\n}\n");
    Cli bad = Cli.run("step", scenario.toString(), "--script", "q");
    assertEquals(2, bad.code());
    assertTrue(bad.err().startsWith(scenario + ":3:12: nodes: "), bad.err());
    Path trace = dir.resolve("bad.ndjson");
    Files.writeString(trace, "{\"seq\":0,\"ev\":0,\"t\":0,\"kind\":\"boot\",\"nodes\":3,\"seed\":1}\n"
        + "{\"seq\":1,\"ev\":1,\"t\":5,\"kind\":\"timer\",\"node\":1.5}\n");
    Cli broken = Cli.run("step", trace.toString(), "--script", "q");
    assertEquals(2, broken.code());
    assertEquals(trace + ":2:46: a trace holds integers only, no fractions or exponents (CONTRACT §6)", broken.err().strip());
    Files.writeString(trace, "{\"seq\":0,\"ev\":0,\"t\":0,\"kind\":\"timer\",\"node\":1}\n");
    Cli noBoot = Cli.run("step", trace.toString(), "--script", "q");
    assertEquals(2, noBoot.code());
    assertTrue(noBoot.err().startsWith(trace + ":1:1: timer: a trace starts with a boot line"), noBoot.err());
    assertFalse((missing.err() + bad.err() + broken.err() + noBoot.err()).contains("Exception"), "no stack traces");
  }

  // ---------------------------------------------------------------------------------------------- helpers

  static List<String> screens(String transcript) {
    return List.of(transcript.split("(?m)^step> .*\\n"));
  }

  static String lastScreen(String transcript) {
    List<String> s = screens(transcript);
    return s.get(s.size() - 1);
  }

  static String withoutTitle(String screen) {
    return screen.substring(screen.indexOf('\n'));
  }

  static void golden(String name, String actual) throws IOException {
    Path file = Path.of("src", "test", "resources", "step", name);
    if (Boolean.getBoolean("raftsim.updateGolden")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
        "the screens differ from " + file + " (rerun with -Draftsim.updateGolden=true after a deliberate change)");
  }
}
