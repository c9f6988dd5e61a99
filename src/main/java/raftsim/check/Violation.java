package raftsim.check;

import java.util.List;

/**
 * A broken safety invariant: which one, when (simulated ms), the nodes, index and term involved (0 when
 * not applicable), and a sentence that explains it.
 */
public record Violation(String invariant, long atMs, List<Integer> nodes, long index, long term, String detail) {
  public Violation {
    nodes = List.copyOf(nodes);
  }
}
