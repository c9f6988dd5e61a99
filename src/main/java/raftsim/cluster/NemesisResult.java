package raftsim.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import raftsim.check.linearizability.Verdict;

/**
 * What a nemesis run did and found.
 *
 * @param dataDir where the cluster's files are (or were, when {@code dataKept} is false)
 * @param operations how the clients' operations ended, the final reads included
 * @param events what the nemesis did, in order
 * @param finalValues every key's value after the cluster healed (null: absent); null when not every key could be read
 * @param lostWrites the lost-write check, or null when it could not run
 * @param linearizability the checker's verdict
 * @param problem why the run stopped early or could not be checked, or null
 */
public record NemesisResult(
    NemesisOptions options,
    Path dataDir,
    boolean dataKept,
    OperationCounts operations,
    List<Nemesis.Event> events,
    KillCounts kills,
    int restarts,
    SortedMap<String, String> finalValues,
    LostWrites.Report lostWrites,
    Verdict linearizability,
    long checkMs,
    long wallMs,
    String problem) {

  /** How the operations ended. */
  public record OperationCounts(int ok, int failed, int indeterminate) {
    public int total() {
      return ok + failed + indeterminate;
    }
  }

  /** Kills by what the plan aimed at. */
  public record KillCounts(int randomNodes, int leaders, int leadersAfterBurst) {
    public int total() {
      return randomNodes + leaders + leadersAfterBurst;
    }
  }

  public NemesisResult {
    events = List.copyOf(events);
  }

  /** 1 when a write was lost or the history is not linearizable, 3 when that could not be decided, else 0. */
  public int exitCode() {
    boolean lost = lostWrites != null && !lostWrites.holds();
    if (lost || linearizability instanceof Verdict.NotLinearizable) {
      return 1;
    }
    if (problem != null || lostWrites == null || linearizability instanceof Verdict.Undecided) {
      return 3;
    }
    return 0;
  }

  /** PASS, FAIL or UNDECIDED, as the exit code says. */
  public String verdictWord() {
    return switch (exitCode()) {
      case 0 -> "PASS";
      case 1 -> "FAIL";
      default -> "UNDECIDED";
    };
  }
}
