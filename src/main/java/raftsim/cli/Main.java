package raftsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code raftsim} command line: one subcommand per job, each a thin layer over the library. */
@Command(
    name = "raftsim",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A deterministic discrete-event Raft simulator.",
    subcommands = {
        RunCommand.class,
        FuzzCommand.class,
        ServerCommand.class,
        ClusterCommand.class,
        NemesisCommand.class,
        CheckCommand.class,
        BenchCommand.class,
        CommandLine.HelpCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code. */
  public static int execute(String... args) {
    return ExitCodes.commandLine(new Main()).execute(args);
  }

  /** Runs the command line with its output and errors going to the given writers; tests use this. */
  public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    picocli.CommandLine cl = ExitCodes.commandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
