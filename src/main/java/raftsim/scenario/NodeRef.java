package raftsim.scenario;

/**
 * The node an event acts on, as a file names it: a node id, or a name resolved when the event fires.
 * Which forms an event accepts is listed with each event in {@link ScenarioEvent}.
 */
public sealed interface NodeRef {

  /** A fixed node, 1..nodes. */
  record Id(int id) implements NodeRef {
    public Id {
      if (id < 1) {
        throw new IllegalArgumentException("node ids start at 1, got " + id);
      }
    }
  }

  /** {@code "leader"}: the leader at the moment the event fires; the event is skipped if there is none. */
  record Leader() implements NodeRef {}

  /** {@code "random"}: a node drawn from the scenario's seeded random source among those the event can affect. */
  record Random() implements NodeRef {}

  /**
   * {@code "nextLeader"} (crash and isolate): the next node to take office as leader after the event
   * fires, crashed or isolated at the very instant it does, before its first messages leave. Explores
   * the leader changes that bugs like Figure 8's need. A {@code heal} disarms events still waiting.
   */
  record NextLeader() implements NodeRef {}

  /** {@code "crashed"}: every node that is crashed when the event fires (restart only). */
  record Crashed() implements NodeRef {}
}
