package raftsim.learn;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures how fast a viewer page opens and scrubs in headless Chromium. Not part of the suite's checks:
 * it runs only when given a page, for example
 * <pre>
 * java -jar target/raftsim.jar html src/bench/bench-5node-10min.json -o target/bench-10min.html
 * mvn -B -ntp test -Dtest=ViewerOpenBench -Draftsim.viewerBench=target/bench-10min.html
 * </pre>
 * It opens the page five times in a fresh tab and reports the median time from navigation to the first
 * screen built (the page's own {@code performance.now()} when it is ready) and to the frame after the
 * one that painted it (a script added to the document before it loads watches every frame), then the
 * median time of a seek to a random place (decode one chunk, replay it, redraw everything), and of a
 * scrub through the slider itself: from its input event, given at the start of a frame, to the frame
 * after the one that drew the new place (so never less than two frames, about 33 ms at 60 frames a
 * second; more means the page kept the browser from drawing).
 */
class ViewerOpenBench {

  @Test
  void opensAndScrubs() throws Exception {
    String page = System.getProperty("raftsim.viewerBench", "");
    assumeTrue(!page.isEmpty(), "give -Draftsim.viewerBench=PAGE.html to measure");
    Path file = Path.of(page).toAbsolutePath();
    List<Double> opens = new ArrayList<>();
    List<Double> paints = new ArrayList<>();
    List<Double> scrubs = new ArrayList<>();
    List<Double> slides = new ArrayList<>();
    try (Chromium chromium = Chromium.start()) {
      for (int run = 0; run < 5; run++) {
        try (DevTools tab = DevTools.open(chromium.browserUrl())) {
          tab.call("Page.addScriptToEvaluateOnNewDocument", DevTools.obj("source", "(() => { let seen = false;"
              + " const f = () => { if (seen) { window.raftsimPainted = performance.now(); return; }"
              + " if (window.raftsimViewer && window.raftsimViewer.ready) seen = true; requestAnimationFrame(f); };"
              + " requestAnimationFrame(f); })()"));
          long start = System.nanoTime();
          tab.navigate(file.toUri().toString());
          tab.waitFor("window.raftsimViewer && window.raftsimViewer.ready", Duration.ofSeconds(120));
          double wall = (System.nanoTime() - start) / 1e6;
          double inPage = tab.eval("raftsimViewer.openedAt").asDouble();
          opens.add(inPage);
          tab.waitFor("window.raftsimPainted", Duration.ofSeconds(30));
          double paint = tab.eval("window.raftsimPainted").asDouble();
          paints.add(paint);
          JsonNode times = tab.eval("(() => { const n = raftsimViewer.lines, out = []; let x = 12345;"
              + " for (let k = 0; k < 40; k++) { x = (x * 1103515245 + 12345) % 2147483648;"
              + " const t0 = performance.now(); raftsimViewer.seek(x % n); out.push(performance.now() - t0); }"
              + " return out; })()");
          times.forEach(v -> scrubs.add(v.asDouble()));
          JsonNode slid = tab.eval("(async () => { const s = document.getElementById('scrub'), n = raftsimViewer.lines,"
              + " out = [], frame = () => new Promise(r => requestAnimationFrame(() => r())); let x = 777;"
              + " for (let k = 0; k < 40; k++) { x = (x * 1103515245 + 12345) % 2147483648; await frame();"
              + " const t0 = performance.now(); s.value = x % n; s.dispatchEvent(new Event('input'));"
              + " await frame(); await frame(); out.push(performance.now() - t0); }"
              + " return out; })()");
          slid.forEach(v -> slides.add(v.asDouble()));
          System.out.printf(Locale.ROOT, "open %d: %.0f ms in the page (%.0f ms from navigate to ready, measured"
              + " outside; painted by %.0f ms); page errors: %s%n", run + 1, inPage, wall, paint, tab.errors());
        }
      }
    }
    System.out.printf(Locale.ROOT, "%s: %,d bytes; open median %.0f ms, painted by %.0f ms;"
        + " seek median %.1f ms, 90th percentile %.1f ms; slider to the next frame median %.1f ms, 90th percentile"
        + " %.1f ms%n", file.getFileName(), Files.size(file), median(opens), median(paints), median(scrubs),
        percentile(scrubs, 0.9), median(slides), percentile(slides, 0.9));
  }

  static double median(List<Double> v) {
    return percentile(v, 0.5);
  }

  static double percentile(List<Double> v, double p) {
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    return s.get(Math.min(s.size() - 1, (int) Math.floor(p * s.size())));
  }
}
