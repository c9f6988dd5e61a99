package raftsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import raftsim.learn.Style;

/** Whether output goes to a terminal that wants colours (https://no-color.org). */
final class Terminal {
  private Terminal() {}

  static Style style(String command, String when) {
    return style(command, when, System.getenv("NO_COLOR"), stdoutIsTerminal());
  }

  /** {@code --color WHEN}: auto means colours on a terminal unless NO_COLOR is set to anything but "". */
  static Style style(String command, String when, String noColor, boolean terminal) {
    return switch (when) {
      case "always" -> Style.ANSI;
      case "never" -> Style.PLAIN;
      case "auto" -> (noColor == null || noColor.isEmpty()) && terminal ? Style.ANSI : Style.PLAIN;
      default -> throw new BadInputException("raftsim " + command + ": --color must be auto, always or never, got " + when);
    };
  }

  /**
   * Java 17 has a console only when both standard input and output are terminals. Newer Javas may have one
   * with output redirected, so where the system shows what standard output is (Linux), it must be a tty.
   */
  private static boolean stdoutIsTerminal() {
    if (System.console() == null) {
      return false;
    }
    Path fd = Path.of("/proc/self/fd/1");
    try {
      if (Files.isSymbolicLink(fd)) {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (java.io.IOException | SecurityException e) {
      return true; // cannot tell: trust the console
    }
    return true;
  }
}
