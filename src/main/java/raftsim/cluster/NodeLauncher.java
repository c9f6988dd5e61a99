package raftsim.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Starts one node as a child process running {@code raftsim server}: the same Java and the same class path as
 * this process, so it works from the jar and from a test run alike. The child outlives the command that
 * started it; its output goes to the node's log file.
 */
final class NodeLauncher {
  private NodeLauncher() {}

  static Process launch(ClusterLayout layout, int id) throws IOException {
    Files.createDirectories(layout.dataDir(id));
    ProcessBuilder pb = new ProcessBuilder(commandLine(layout, id))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.logFile(id).toFile()));
    Process p = pb.start();
    p.getOutputStream().close(); // the server reads nothing from stdin
    return p;
  }

  static List<String> commandLine(ClusterLayout layout, int id) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary().toString());
    // Several node JVMs share a few cores: a one-thread collector keeps them from crowding each other out.
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(classPath());
    cmd.add("raftsim.cli.Main");
    cmd.addAll(List.of("server", "--id", Integer.toString(id), "--port", Integer.toString(layout.port(id)),
        "--bind", ClusterLayout.HOST, "--data-dir", layout.dataDir(id).toAbsolutePath().toString()));
    if (layout.nodes() > 1) {
      cmd.addAll(List.of("--peers", layout.peersOf(id)));
    }
    return cmd;
  }

  private static Path javaBinary() {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
  }

  /** This process's class path with every entry made absolute, so a node started later from elsewhere finds it. */
  private static String classPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(Path.of(entry).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
