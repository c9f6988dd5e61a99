package raftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stepper on a real terminal: run in another JVM under {@code script}, which gives it a pseudo-terminal,
 * it clears the screen and colours it; with NO_COLOR set it does neither.
 */
class StepTerminalTest {
  static final Path SCRIPT = Path.of("/usr/bin/script");

  static String onTerminal(Path dir, boolean noColor) throws IOException, InterruptedException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String command = "'" + javaBin + "' -cp '" + classpath + "' raftsim.cli.Main step scenarios/initial-election-3.json";
    ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "-qc", command, "/dev/null")
        .redirectOutput(dir.resolve(noColor ? "plain.out" : "colour.out").toFile()).redirectErrorStream(true);
    pb.environment().remove("NO_COLOR");
    if (noColor) {
      pb.environment().put("NO_COLOR", "1");
    }
    Process p = pb.start();
    try {
      p.getOutputStream().write("n\nq\n".getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the stepper quits on q");
    } finally {
      p.destroyForcibly();
    }
    assertEquals(0, p.exitValue());
    return Files.readString(dir.resolve(noColor ? "plain.out" : "colour.out"), StandardCharsets.UTF_8);
  }

  @Test
  void coloursOnATerminalUnlessNoColorIsSet(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(SCRIPT), "needs script(1) from util-linux to give the stepper a terminal");
    String colour = onTerminal(dir, false);
    assertTrue(colour.contains("\u001b[H\u001b[2J"), "clears the screen before each one: " + colour);
    assertTrue(colour.contains("\u001b[1mraftsim step: initial-election-3"), colour);
    assertTrue(colour.contains("line 2 of 910"), "n moved on: " + colour);
    String plain = onTerminal(dir, true);
    assertFalse(plain.contains("\u001b["), "NO_COLOR: no escape codes at all: " + plain);
    assertTrue(plain.contains("raftsim step: initial-election-3"), plain);
  }
}
