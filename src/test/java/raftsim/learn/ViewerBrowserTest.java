package raftsim.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import raftsim.check.linearizability.CheckOptions;
import raftsim.scenario.ScenarioLoader;
import raftsim.trace.TraceLine;

/**
 * The HTML viewer in a real headless Chromium: the page loads from a file, steps forward and back and
 * scrubs, and at each place its DOM (each node's role, term, vote, commit and applied indexes, every log
 * cell's index and term, the messages in flight, the explanation) equals the state the Java reader
 * computes from the same trace at the same line. Screenshots go to target/viewer-screenshots; any console
 * error or uncaught exception fails the test.
 */
@Timeout(value = 240)
class ViewerBrowserTest {
  static final Path OUT = Path.of("target", "viewer-test");
  static final Path SHOTS = Path.of("target", "viewer-screenshots");
  static Chromium chromium;
  static DevTools page;

  @BeforeAll
  static void startBrowser() throws Exception {
    Files.createDirectories(OUT);
    Files.createDirectories(SHOTS);
    chromium = Chromium.start();
    page = DevTools.open(chromium.browserUrl());
  }

  @AfterAll
  static void stopBrowser() {
    if (page != null) {
      page.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  static CheckOptions check() {
    return new CheckOptions(Duration.ofSeconds(60), Runtime.getRuntime().maxMemory() / 4,
        raftsim.check.linearizability.Parallelism.SEQUENTIAL, System::nanoTime);
  }

  static Path html(LoadedTrace loaded, String name) throws Exception {
    Path file = OUT.resolve(name + ".html");
    try (OutputStream out = Files.newOutputStream(file)) {
      HtmlExport.write(loaded, out);
    }
    return file;
  }

  void open(Path file) throws Exception {
    page.clearEvents();
    page.navigate(file.toAbsolutePath().toUri().toString());
    page.waitFor("window.raftsimViewer && window.raftsimViewer.ready", DevTools.TIMEOUT);
  }

  @Test
  void stepsThroughATraceShowingWhatTheReaderComputes() throws Exception {
    LoadedTrace loaded = TraceLoader.fromScenario(ScenarioLoader.load(Path.of("scenarios", "isolated-leader-rejoins.json")), check());
    CompactTrace t = loaded.trace();
    open(html(loaded, "isolated-leader-rejoins"));
    assertEquals(t.size(), page.eval("raftsimViewer.lines").asInt());
    assertShows(loaded, 0);

    // Forward with the page's own "next" button, as a person would.
    List<String> kinds = Detail.MESSAGES.kinds();
    int expected = 0;
    for (int click = 1; click <= 30; click++) {
      page.eval("document.getElementById('next').click()");
      expected = t.nextOfKind(expected, kinds);
      assertEquals(expected, page.eval("raftsimViewer.index()").asInt(), "after " + click + " clicks on next");
      if (click % 5 == 0) {
        assertShows(loaded, expected);
      }
    }
    screenshot("first-election");

    // The scrubber, to places in other chunks: where the rejoining leader's log is overwritten, and the end.
    int truncation = -1;
    for (int i = t.nextOfKind(-1, List.of("append")); i >= 0; i = t.nextOfKind(i, List.of("append"))) {
      if (t.line(i).num("truncatedFrom") > 0) {
        truncation = i;
        break;
      }
    }
    assertTrue(truncation > CompactTrace.CHUNK, "the overwrite happens in a later chunk: line " + truncation);
    for (int at : List.of(truncation, t.size() - 1, truncation - 1, CompactTrace.CHUNK - 1, CompactTrace.CHUNK, 7)) {
      page.eval("(() => { const s = document.getElementById('scrub'); s.value = " + at
          + "; s.dispatchEvent(new Event('input')); return new Promise(r => requestAnimationFrame(() => setTimeout(r, 0))); })()");
      assertEquals(at, page.eval("raftsimViewer.index()").asInt());
      assertShows(loaded, at);
      if (at == truncation) {
        screenshot("log-overwritten");
      }
    }

    // Back, with the button.
    page.eval("raftsimViewer.seek(" + truncation + ")");
    page.eval("document.getElementById('back').click()");
    assertEquals(t.previousOfKind(truncation, kinds), page.eval("raftsimViewer.index()").asInt());
    assertShows(loaded, t.previousOfKind(truncation, kinds));

    // Jump to a time.
    page.eval("(() => { const j = document.getElementById('jump-t'); j.value = '3000'; j.dispatchEvent(new Event('change')); })()");
    assertEquals(t.firstAtOrAfter(3000), page.eval("raftsimViewer.index()").asInt());
    assertEquals("linearizable", page.eval("document.getElementById('verdict').classList[1]").asText());
    assertEquals(List.of(), page.errors(), "the page reported errors");
  }

  @Test
  void showsLearnersSparesTheConfigurationAndATransfer() throws Exception {
    LoadedTrace grow = TraceLoader.fromScenario(ScenarioLoader.load(Path.of("scenarios", "membership-grow-shrink.json")), check());
    CompactTrace t = grow.trace();
    open(html(grow, "membership-grow-shrink"));
    assertShows(grow, 0);
    // Where the leader has just made node 4 a learner, and where the last removal has committed.
    int learner = -1;
    int last = -1;
    for (int i = t.nextOfKind(-1, List.of("configuration")); i >= 0; i = t.nextOfKind(i, List.of("configuration"))) {
      if (learner < 0 && t.stateAfter(i).leads(t.line(i).node("node")) && !"[]".equals(t.line(i).text("learners"))) {
        learner = i;
      }
      last = i;
    }
    assertTrue(learner > 0, "the trace has a leader with a learner");
    for (int at : List.of(learner, last, t.size() - 1)) {
      page.eval("raftsimViewer.seek(" + at + ")");
      assertShows(grow, at);
      assertMembership(t.stateAfter(at), at);
      if (at == learner) {
        screenshot("membership-learner");
      }
    }
    assertEquals(List.of(), page.errors(), "the page reported errors");

    LoadedTrace transfer = TraceLoader.fromScenario(ScenarioLoader.load(Path.of("scenarios", "transfer-leader.json")), check());
    open(html(transfer, "transfer-leader"));
    int started = -1;
    for (int i = transfer.trace().nextOfKind(-1, List.of("transfer")); i >= 0 && started < 0;
        i = transfer.trace().nextOfKind(i, List.of("transfer"))) {
      if ("started".equals(transfer.trace().line(i).str("phase"))) {
        started = i;
      }
    }
    assertTrue(started > 0, "the trace has a transfer");
    page.eval("raftsimViewer.seek(" + started + ")");
    assertShows(transfer, started);
    assertMembership(transfer.trace().stateAfter(started), started);
    int leader = transfer.trace().line(started).node("node");
    assertEquals(transfer.trace().line(started).num("target"),
        page.eval("+document.querySelector('#progress table[data-leader=\"" + leader + "\"]').dataset.transfer").asLong());
    assertTrue(page.eval("document.querySelector('#progress caption').textContent").asText().contains("handing office to"));
    screenshot("transfer");
    assertEquals(List.of(), page.errors(), "the page reported errors");
  }

  /** The configuration line, each leader's followers (the members it replicates to) and its transfer, as Java has them. */
  void assertMembership(ClusterState want, int i) throws Exception {
    String shown = page.eval("document.getElementById('configuration').textContent").asText();
    assertEquals(want.membershipVaries() ? Screen.configuration(want) : "", shown, "line " + i + ": configuration");
    for (int id = 1; id <= want.size(); id++) {
      if (!want.leads(id)) {
        continue;
      }
      NodeState n = want.node(id);
      List<Integer> followers = new ArrayList<>();
      for (int f = 1; f <= want.size(); f++) {
        if (f != id && (!want.membershipVaries() || n.tracks(f))) {
          followers.add(f);
        }
      }
      JsonNode rows = page.eval("[...document.querySelectorAll('#progress table[data-leader=\"" + id
          + "\"] tr[data-follower]')].map(r => +r.dataset.follower)");
      List<Integer> got = new ArrayList<>();
      rows.forEach(r -> got.add(r.asInt()));
      assertEquals(followers, got, "line " + i + ": leader " + id + "'s followers");
      assertEquals(n.transferTo(), page.eval("+document.querySelector('#progress table[data-leader=\"" + id
          + "\"]').dataset.transfer").asInt(), "line " + i + ": leader " + id + "'s transfer");
    }
  }

  @Test
  void outlinesTheOperationsOfALinearizabilityViolation() throws Exception {
    // Hand-written: the simulator never produces a history that is not linearizable (its core is correct).
    // A read returns nothing after another read already saw a completed write.
    Path trace = Path.of("src", "test", "resources", "step", "stale-read.ndjson");
    LoadedTrace loaded = TraceLoader.fromTrace(trace, check());
    assertEquals(List.of(3L), loaded.violatingOps(), "the stale read cannot be linearized");
    open(html(loaded, "stale-read"));
    assertEquals("not-linearizable", page.eval("document.getElementById('verdict').classList[1]").asText());
    JsonNode ops = page.eval("[...document.querySelectorAll('#violations li')].map(li => +li.dataset.op)");
    assertEquals("[3]", ops.toString());
    page.eval("document.querySelector('#violations li').click()");
    assertEquals(loaded.trace().firstAtOrAfter(loaded.clientOps().get(2).invokeT()), page.eval("raftsimViewer.index()").asInt());
    assertShows(loaded, page.eval("raftsimViewer.index()").asInt());
    page.eval("document.getElementById('history').scrollIntoView()");
    screenshot("stale-read");
    assertEquals(List.of(), page.errors(), "the page reported errors");
  }

  /** The page shows, at line {@code i}, what the Java reader computes there. */
  void assertShows(LoadedTrace loaded, int i) throws Exception {
    ClusterState want = loaded.trace().stateAfter(i);
    JsonNode nodes = page.eval("[...document.querySelectorAll('#nodes .node')].map(n => ({node: +n.dataset.node,"
        + " role: n.dataset.role, term: +n.dataset.term, voted: +n.dataset.voted, commit: +n.dataset.commit,"
        + " applied: +n.dataset.applied, member: n.dataset.member, cells: [...n.querySelectorAll('.cell[data-index]')].map(c =>"
        + " [+c.dataset.index, +c.dataset.term, c.classList.contains('committed') ? 1 : 0])}))");
    assertEquals(want.size(), nodes.size());
    long lo = page.eval("+document.getElementById('nodes').dataset.lo").asLong();
    long hi = page.eval("+document.getElementById('nodes').dataset.hi").asLong();
    assertTrue(hi - lo + 1 >= Math.min(8, hi), "the page shows at least 8 log cells a node: " + lo + ".." + hi);
    for (JsonNode n : nodes) {
      NodeState w = want.node(n.get("node").asInt());
      String where = "line " + i + ", node " + w.id();
      assertEquals(w.role().wireName(), n.get("role").asText(), where + ": role");
      assertEquals(w.currentTerm(), n.get("term").asLong(), where + ": term");
      assertEquals(w.votedFor(), n.get("voted").asInt(), where + ": votedFor");
      assertEquals(w.commitIndex(), n.get("commit").asLong(), where + ": commitIndex");
      assertEquals(w.lastApplied(), n.get("applied").asLong(), where + ": lastApplied");
      String member = w.isVoter(w.id()) ? "voter" : w.isLearner(w.id()) ? "learner" : "outside";
      assertEquals(member, n.get("member").asText(), where + ": member of its own configuration");
      List<String> wantCells = new ArrayList<>();
      List<String> gotCells = new ArrayList<>();
      for (JsonNode c : n.get("cells")) {
        long index = c.get(0).asLong();
        wantCells.add(index + ":" + w.log().termAt(index) + ":" + (index <= w.commitIndex() ? 1 : 0));
        gotCells.add(index + ":" + c.get(1).asLong() + ":" + c.get(2).asInt());
      }
      assertEquals(wantCells, gotCells, where + ": log cells (index:term:committed)");
      // Every entry the node holds within the window the page shows has its cell, and no other.
      List<String> held = new ArrayList<>();
      if (w.role() != NodeRole.CRASHED) {
        for (long index = Math.max(lo, w.log().base() + 1); index <= Math.min(hi, w.log().lastIndex()); index++) {
          held.add(index + ":" + w.log().termAt(index) + ":" + (index <= w.commitIndex() ? 1 : 0));
        }
      }
      assertEquals(held, gotCells, where + ": the cells of the entries in the window " + lo + ".." + hi);
    }
    assertEquals(Math.max(1, maxLast(want)), hi, "line " + i + ": the window ends at the longest log");
    int copies = want.inFlight().values().stream().mapToInt(Integer::intValue).sum();
    assertEquals("(" + copies + ")", page.eval("document.getElementById('flight-count').textContent").asText(),
        "line " + i + ": messages in flight");
    assertEquals(loaded.trace().explain(i), page.eval("document.getElementById('explain').textContent").asText(),
        "line " + i + ": explanation");
    TraceLine l = loaded.trace().line(i);
    assertEquals(l.toJson(), page.eval("document.getElementById('raw').textContent").asText(), "line " + i + ": raw line");
  }

  /** The longest log of a node that is up: where the page's window of log cells ends. */
  static long maxLast(ClusterState s) {
    long max = 0;
    for (int id = 1; id <= s.size(); id++) {
      if (s.node(id).role() != NodeRole.CRASHED) {
        max = Math.max(max, s.node(id).log().lastIndex());
      }
    }
    return max;
  }

  static void screenshot(String name) throws Exception {
    byte[] png = page.screenshot();
    assertTrue(png.length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG screenshot");
    Files.write(SHOTS.resolve(name + ".png"), png);
  }
}
