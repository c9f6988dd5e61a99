package raftsim.check.linearizability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Draws operations as intervals on an ASCII timeline, one row per client (more when one client's operations
 * overlap, as an indeterminate one does with its successors). Only the order of events matters, so each distinct
 * event position gets one column cell.
 */
final class Timeline {
  private Timeline() {}

  /**
   * An interval to draw.
   *
   * @param label short text shown inside the interval, e.g. {@code *#12}
   * @param clientId the row it belongs to
   * @param start the invocation's event position
   * @param end the completion's event position, or -1 when it never completed
   */
  record Span(String label, int clientId, int start, int end) {}

  static List<String> draw(List<Span> spans) {
    if (spans.isEmpty()) {
      return List.of();
    }
    TreeSet<Integer> distinct = new TreeSet<>();
    int cell = 0;
    for (Span s : spans) {
      distinct.add(s.start());
      if (s.end() >= 0) {
        distinct.add(s.end());
      }
      cell = Math.max(cell, s.label().length() + 2);
    }
    int[] positions = new int[distinct.size()];
    int k = 0;
    for (int p : distinct) {
      positions[k++] = p;
    }
    int width = (positions.length + 1) * cell + 1;
    TreeMap<Integer, List<char[]>> rows = new TreeMap<>();
    List<Span> ordered = new ArrayList<>(spans);
    ordered.sort(BY_START);
    for (Span s : ordered) {
      int from = Arrays.binarySearch(positions, s.start()) * cell;
      int to = s.end() < 0 ? width - 1 : Arrays.binarySearch(positions, s.end()) * cell;
      List<char[]> clientRows = rows.get(s.clientId());
      if (clientRows == null) {
        clientRows = new ArrayList<>();
        rows.put(s.clientId(), clientRows);
      }
      char[] row = freeRow(clientRows, from, to, width);
      row[from] = '[';
      for (int i = from + 1; i < to; i++) {
        row[i] = '-';
      }
      s.label().getChars(0, s.label().length(), row, from + 1);
      row[to] = s.end() < 0 ? '>' : ']';
    }
    int labelWidth = 0;
    for (int client : rows.keySet()) {
      labelWidth = Math.max(labelWidth, ("client " + client).length());
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<Integer, List<char[]>> e : rows.entrySet()) {
      StringBuilder name = new StringBuilder("client ").append(e.getKey());
      while (name.length() < labelWidth + 2) {
        name.append(' ');
      }
      for (char[] row : e.getValue()) {
        out.add((name + new String(row)).stripTrailing());
      }
    }
    return out;
  }

  private static final Comparator<Span> BY_START = new Comparator<>() {
    @Override
    public int compare(Span a, Span b) {
      return Integer.compare(a.start(), b.start());
    }
  };

  /** The first row of a client with nothing drawn in [from, to]; a new one when all are taken. */
  private static char[] freeRow(List<char[]> clientRows, int from, int to, int width) {
    for (char[] row : clientRows) {
      boolean free = true;
      for (int i = from; i <= to && free; i++) {
        free = row[i] == ' ';
      }
      if (free) {
        return row;
      }
    }
    char[] row = new char[width];
    Arrays.fill(row, ' ');
    clientRows.add(row);
    return row;
  }
}
