package raftsim.scenario;

/** What an {@code expect} event's {@code leader} field asks of the leader at that moment. */
public sealed interface LeaderExpectation {

  /** {@code "any"}: some node is the leader. */
  record Any() implements LeaderExpectation {}

  /** {@code "none"}: no node is the leader. */
  record None() implements LeaderExpectation {}

  /** A node id: that node is the leader. */
  record Node(int id) implements LeaderExpectation {
    public Node {
      if (id < 1) {
        throw new IllegalArgumentException("node ids start at 1, got " + id);
      }
    }
  }
}
