package raftsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder replaced below. */
@Command(name = "html")
final class HtmlCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
