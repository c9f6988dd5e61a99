package raftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fuzz} as its help and the README promise: JSON lines, jobs and shards that do not change results. */
class FuzzCommandTest {
  @TempDir Path dir;

  private static List<String> lines(Cli r) {
    return r.out().isBlank() ? List.of() : List.of(r.out().strip().split("\n"));
  }

  @Test
  void jsonPrintsExactlyOneLinePerRunInRunOrderAndTheSummaryOnStderr() throws Exception {
    Cli r = Cli.run("fuzz", "--runs", "12", "--seed", "5", "--json", "--jobs", "2", "--out", dir.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = lines(r);
    assertEquals(12, lines.size());
    ObjectMapper json = new ObjectMapper();
    for (String line : lines) {
      JsonNode o = json.readTree(line);
      assertEquals(List.of("seed", "ok", "failure", "shrunk", "replay"), iterable(o));
      assertTrue(o.get("ok").asBoolean());
    }
    assertTrue(r.err().contains("fuzz: 12 runs"), r.err());
  }

  private static List<String> iterable(JsonNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void resultsDoNotDependOnJobsAndShardsConcatenateToTheWholeCampaign() {
    String[] base = {"fuzz", "--runs", "9", "--seed", "11", "--json", "--out", dir.toString()};
    List<String> one = lines(Cli.run(concat(base, "--jobs", "1")));
    List<String> two = lines(Cli.run(concat(base, "--jobs", "2")));
    assertEquals(one, two, "--jobs changes nothing but speed");
    List<String> shards = new ArrayList<>();
    List<List<String>> parts = List.of(lines(Cli.run(concat(base, "--shard", "0/3"))),
        lines(Cli.run(concat(base, "--shard", "1/3"))), lines(Cli.run(concat(base, "--shard", "2/3"))));
    for (List<String> part : parts) {
      assertEquals(3, part.size());
    }
    // Shard i holds runs i, i+3, i+6: interleaved back, they are the whole campaign, line for line.
    for (int run = 0; run < 9; run++) {
      shards.add(parts.get(run % 3).get(run / 3));
    }
    assertEquals(one, shards);
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void badOptionsExitTwo() {
    assertEquals(2, Cli.run("fuzz", "--shard", "3/3").code());
    assertEquals(2, Cli.run("fuzz", "--shard", "x").code());
    assertEquals(2, Cli.run("fuzz", "--nodes", "0..3").code());
    assertEquals(2, Cli.run("fuzz", "--nodes", "3..16").code());
    assertEquals(2, Cli.run("fuzz", "--for", "ten minutes").code());
    assertEquals(2, Cli.run("fuzz", "--runs", "0").code());
  }

  @Test
  void forBoundsTheCampaignByTime() {
    Cli r = Cli.run("fuzz", "--for", "2s", "--json", "--out", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(lines(r).size() >= 1, "at least one run in two seconds");
  }
}
