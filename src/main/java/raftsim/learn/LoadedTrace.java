package raftsim.learn;

import java.util.List;
import raftsim.check.linearizability.Verdict;

/**
 * A trace ready to step through or to view: the compact trace, what it is of, the clients' operations
 * and the linearizability checker's verdict on them.
 *
 * @param title the scenario's name, or the trace file's
 * @param verdict null when no client operation ran
 * @param failedChecks the trace's violation lines and failed expectations
 * @param expectNotLinearizable the scenario wanted a history that is not linearizable (a broken variant)
 */
public record LoadedTrace(String title, long seed, CompactTrace trace, List<ClientOp> clientOps, Verdict verdict,
    long failedChecks, boolean expectNotLinearizable) {
  public LoadedTrace {
    clientOps = List.copyOf(clientOps);
  }

  /** CONTRACT §2, as {@code run} would say of the same run: 1 when a check failed, else 3 when undecided, else 0. */
  public int exitCode() {
    boolean linearizable = verdict instanceof Verdict.Linearizable;
    boolean decided = verdict != null && !(verdict instanceof Verdict.Undecided);
    if (failedChecks > 0 || (decided && linearizable == expectNotLinearizable)) {
      return 1;
    }
    return verdict instanceof Verdict.Undecided ? 3 : 0;
  }

  /** The ids of the operations a non-linearizable history cannot fit in; empty otherwise. */
  public List<Long> violatingOps() {
    if (verdict instanceof Verdict.NotLinearizable n) {
      return n.counterexample().cannotLinearize().stream().map(s -> s.operation().opId()).toList();
    }
    return List.of();
  }
}
