package raftsim.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;

/** The table {@code cluster status} prints: one row per node, from its process and what it answered. */
public final class StatusTable {
  private static final String FORMAT = "%-5s %-8s %-6s %-10s %-5s %-7s %-7s %-8s %s";

  private StatusTable() {}

  /**
   * The table's lines. {@code processes} has the running nodes' processes; {@code statuses} what each node
   * answered (empty when it did not).
   */
  public static List<String> render(ClusterLayout layout, SortedMap<Integer, NodeProcess> processes,
      SortedMap<Integer, Optional<NodeStatus>> statuses) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, FORMAT, "node", "pid", "alive", "role", "term", "leader", "commit",
        "applied", "log"));
    for (int id : layout.ids()) {
      NodeProcess p = processes.get(id);
      String pid = p == null ? "-" : Long.toString(p.pid());
      String alive = p == null ? "no" : "yes";
      Optional<NodeStatus> s = statuses.getOrDefault(id, Optional.empty());
      if (s.isEmpty()) {
        // A dead node is down; a live one that does not answer is starting, or stuck.
        lines.add(String.format(Locale.ROOT, FORMAT, "n" + id, pid, alive, p == null ? "down" : "no-answer",
            "-", "-", "-", "-", "-"));
        continue;
      }
      NodeStatus n = s.get();
      String log = n.logLastIndex() < n.logFirstIndex() ? "empty" : n.logFirstIndex() + ".." + n.logLastIndex();
      lines.add(String.format(Locale.ROOT, FORMAT, "n" + id, pid, alive, n.role(), n.term(),
          n.leader() == 0 ? "-" : "n" + n.leader(), n.commitIndex(), n.lastApplied(), log));
    }
    return lines;
  }
}
