package raftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code server}'s protocol options are checked before anything starts: bad ones exit 2 and say why. */
class ServerCommandTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--reads lease                              | --reads lease needs --check-quorum",
      "--reads stale --check-quorum               | is not a read mode; valid: readIndex or lease",
      "--reads lease --check-quorum --max-clock-drift-ppm 600000 | is out of range; valid: 0..500000",
      "--join                                     | --join needs --peers",
  })
  void refusesBadProtocolOptions(String options, String message) {
    String[] base = {"server", "--id", "4", "--port", "0", "--data-dir", dir.toString()};
    String[] extra = options.strip().split("\\s+");
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);

    Cli r = Cli.run(args);

    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(message.strip()), r.err());
  }
}
