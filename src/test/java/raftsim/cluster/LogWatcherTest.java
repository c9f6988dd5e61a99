package raftsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogWatcherTest {
  @TempDir Path dir;

  @Test
  void prefixesEveryLineWithItsNodeAndHoldsBackAnUnfinishedOne() throws Exception {
    ClusterLayout layout = new ClusterLayout(dir, 2, 18401);
    Files.writeString(layout.logFile(1), "one\ntwo\npart");
    Files.writeString(layout.logFile(2), "three\n");
    StringWriter text = new StringWriter();
    LogWatcher w = new LogWatcher(layout, new PrintWriter(text), false);
    w.printAvailable(false);
    assertEquals("[n1] one\n[n1] two\n[n2] three\n", text.toString().replace(System.lineSeparator(), "\n"));

    Files.writeString(layout.logFile(1), "ial\nfour\n", StandardOpenOption.APPEND);
    text.getBuffer().setLength(0);
    w.printAvailable(false);
    assertEquals("[n1] partial\n[n1] four\n", text.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void withoutFollowingTheLastLinePrintsEvenUnfinished() throws Exception {
    ClusterLayout layout = new ClusterLayout(dir, 1, 18401);
    Files.writeString(layout.logFile(1), "done\nhalf");
    StringWriter text = new StringWriter();
    new LogWatcher(layout, new PrintWriter(text), false).printAvailable(true);
    assertEquals("[n1] done\n[n1] half\n", text.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void colourIsPerNodeAndOnlyForATerminalWithoutNoColor() throws Exception {
    assertTrue(LogWatcher.colourWanted(Map.of(), true));
    assertFalse(LogWatcher.colourWanted(Map.of(), false));
    assertFalse(LogWatcher.colourWanted(Map.of("NO_COLOR", "1"), true));
    assertTrue(LogWatcher.colourWanted(Map.of("NO_COLOR", ""), true));

    ClusterLayout layout = new ClusterLayout(dir, 2, 18401);
    Files.writeString(layout.logFile(1), "a\n");
    Files.writeString(layout.logFile(2), "b\n");
    StringWriter text = new StringWriter();
    new LogWatcher(layout, new PrintWriter(text), true).printAvailable(true);
    String[] lines = text.toString().split(System.lineSeparator());
    assertEquals("\u001b[36m[n1] \u001b[0ma", lines[0]);
    assertEquals("\u001b[33m[n2] \u001b[0mb", lines[1]);
  }
}
