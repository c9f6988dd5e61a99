package raftsim.learn;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A headless Chromium for tests: started with remote debugging on a free port and a throwaway profile, and
 * always stopped (with its whole process tree) and cleaned up by {@link #close()}.
 */
final class Chromium implements AutoCloseable {
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path profile;
  private final String browserUrl;

  private Chromium(Process process, Path profile, String browserUrl) {
    this.process = process;
    this.profile = profile;
    this.browserUrl = browserUrl;
  }

  /** The browser's executable on the PATH; fails with how to install it when there is none. */
  static Path executable() {
    String path = System.getenv("PATH");
    for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    throw new AssertionError("the viewer tests need Chromium, and none is on the PATH: install it with "
        + "`apt-get install -y chromium` (Debian; .ci/run does this)");
  }

  static Chromium start() throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("raftsim-chromium-");
    List<String> command = new ArrayList<>(List.of(executable().toString(), "--headless", "--disable-gpu",
        "--no-sandbox", "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile,
        "--window-size=1400,1100", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "about:blank"));
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    BlockingQueue<String> url = new ArrayBlockingQueue<>(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = err.readLine()) != null) {
          int at = line.indexOf("ws://");
          if (line.startsWith("DevTools listening on") && at >= 0) {
            url.offer(line.substring(at).strip());
          }
        }
      } catch (IOException e) {
        // The browser went away; start() notices when no address arrives.
      }
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    String ws = url.poll(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (ws == null) {
      Chromium dead = new Chromium(p, profile, null);
      dead.close();
      throw new AssertionError("Chromium did not start within " + START_TIMEOUT.toSeconds() + " s");
    }
    return new Chromium(p, profile, ws);
  }

  private static int depth(ProcessHandle h) {
    int d = 0;
    for (var p = h.parent(); p.isPresent() && d < 64; p = p.get().parent()) {
      d++;
    }
    return d;
  }

  /** The browser-level DevTools WebSocket address. */
  String browserUrl() {
    return browserUrl;
  }

  @Override
  public void close() {
    // Deepest processes first, so that each is reaped by its own parent and none is left a zombie.
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.sort(Comparator.comparingInt(Chromium::depth).reversed());
    for (ProcessHandle h : tree) {
      h.destroy();
      try {
        h.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        h.destroyForcibly();
      }
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // A profile left in the temporary directory harms nothing.
    }
  }
}
