package raftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help prints cleanly: picocli formats descriptions, and a stray '%' breaks that. */
class HelpTest {
  @Test
  void everyCommandPrintsItsHelpWithoutAWarning() {
    List<List<String>> paths = new ArrayList<>();
    collect(new CommandLine(new Main()), new ArrayList<>(), paths);
    assertTrue(paths.size() > 15, "found the commands: " + paths);
    PrintStream realErr = System.err;
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try {
      // picocli reports a description it cannot format on System.err, not on the command's writer.
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      for (List<String> path : paths) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), String.join(" ", args));
        assertTrue(r.out().contains("Usage: raftsim"), String.join(" ", args) + ":\n" + r.out());
        assertFalse(r.out().contains("%n"), String.join(" ", args) + " shows a raw format string:\n" + r.out());
      }
    } finally {
      System.setErr(realErr);
    }
    assertEquals("", stderr.toString(StandardCharsets.UTF_8));
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> into) {
    into.add(path);
    for (var sub : cl.getSubcommands().entrySet()) {
      List<String> next = new ArrayList<>(path);
      next.add(sub.getKey());
      collect(sub.getValue(), next, into);
    }
  }
}
