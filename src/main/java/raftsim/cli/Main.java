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
        CommandLine.HelpCommand.class,
        CheckCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code; tests call this instead of {@link #main}. */
  public static int execute(String... args) {
    return ExitCodes.commandLine(new Main()).execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
