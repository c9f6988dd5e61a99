package raftsim.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Prints the nodes' log files as one stream, each line prefixed with its node ({@code [n1] ...}), coloured per
 * node when wanted. Following, it polls the files and prints each complete new line as it appears.
 */
public final class LogWatcher {
  /** ANSI foreground colours, one per node in turn: cyan, yellow, magenta, green, blue, red. */
  private static final int[] COLOURS = {36, 33, 35, 32, 34, 31};
  private static final long POLL_MS = 200;

  private final ClusterLayout layout;
  private final PrintWriter out;
  private final boolean colour;
  private static final int CHUNK = 1 << 16;

  /** How far each node's file has been read, in bytes, and the start of a line not yet complete. */
  private final Map<Integer, Long> printedTo = new TreeMap<>();
  private final Map<Integer, byte[]> unfinished = new TreeMap<>();

  public LogWatcher(ClusterLayout layout, PrintWriter out, boolean colour) {
    this.layout = layout;
    this.out = out;
    this.colour = colour;
  }

  /**
   * Colour only for a person at a terminal who did not opt out: https://no-color.org asks programs to leave
   * colour off whenever NO_COLOR is set to anything non-empty.
   */
  public static boolean colourWanted(Map<String, String> env, boolean stdoutIsTerminal) {
    String noColor = env.get("NO_COLOR");
    return stdoutIsTerminal && (noColor == null || noColor.isEmpty());
  }

  /**
   * Prints every line the files hold now, node by node; a last line without its line break yet is held back
   * until it is complete, unless {@code includeUnfinished}.
   */
  public void printAvailable(boolean includeUnfinished) throws IOException {
    for (int id : layout.ids()) {
      printNew(id);
      byte[] rest = unfinished.getOrDefault(id, new byte[0]);
      if (includeUnfinished && rest.length > 0) {
        out.println(prefix(id) + new String(rest, StandardCharsets.UTF_8));
        unfinished.remove(id);
      }
    }
    out.flush();
  }

  /** Prints what is there, then new lines as they come, until {@code keepGoing} says stop or an interrupt. */
  public void follow(BooleanSupplier keepGoing) throws IOException {
    printAvailable(false);
    while (keepGoing.getAsBoolean()) {
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      printAvailable(false);
    }
  }

  private void printNew(int id) throws IOException {
    Path file = layout.logFile(id);
    if (!Files.isRegularFile(file)) {
      return;
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long from = printedTo.getOrDefault(id, 0L);
      if (f.length() < from) {
        from = 0; // the file was replaced (the cluster was cleaned and started again): start over
        unfinished.remove(id);
      }
      f.seek(from);
      byte[] chunk = new byte[CHUNK];
      for (int n = f.read(chunk); n > 0; n = f.read(chunk)) {
        from += n;
        printLines(id, chunk, n);
      }
      printedTo.put(id, from);
    }
  }

  /** Prints the complete lines of what was unfinished plus {@code n} new bytes, keeping the rest for later. */
  private void printLines(int id, byte[] chunk, int n) {
    byte[] before = unfinished.getOrDefault(id, new byte[0]);
    byte[] text = new byte[before.length + n];
    System.arraycopy(before, 0, text, 0, before.length);
    System.arraycopy(chunk, 0, text, before.length, n);
    int start = 0;
    for (int i = 0; i < text.length; i++) {
      if (text[i] == '\n') {
        // Whole lines only: a character split between two reads is never decoded in halves.
        out.println(prefix(id) + new String(text, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    unfinished.put(id, Arrays.copyOfRange(text, start, text.length));
  }

  private String prefix(int id) {
    String tag = "[n" + id + "] ";
    if (!colour) {
      return tag;
    }
    return "\u001b[" + COLOURS[(id - 1) % COLOURS.length] + "m" + tag + "\u001b[0m";
  }
}
