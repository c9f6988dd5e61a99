package raftsim.cli;

import picocli.CommandLine;

/** The exit codes every command shares (CONTRACT.md §2), and the picocli wiring that maps errors to them. */
public final class ExitCodes {
  /** The run completed and every check and expectation held. */
  public static final int OK = 0;
  /** The run completed and a check failed. */
  public static final int CHECK_FAILED = 1;
  /** Bad input: nothing ran. */
  public static final int BAD_INPUT = 2;
  /** A checker ran out of its budget, or the run was interrupted. */
  public static final int UNDECIDED = 3;

  private ExitCodes() {}

  /** A command line whose usage errors exit 2 and whose unexpected exceptions are reported, not dumped. */
  static CommandLine commandLine(Object command) {
    CommandLine cl = new CommandLine(command);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // Descriptions are written in lines of up to ~110 characters; picocli's default of 80 would break
    // each of them again mid-sentence.
    cl.setUsageHelpWidth(120);
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("raftsim: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
      c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
      return BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      if (ex instanceof BadInputException bad) {
        c.getErr().println(bad.getMessage());
        return BAD_INPUT;
      }
      throw ex;
    });
    return cl;
  }
}
