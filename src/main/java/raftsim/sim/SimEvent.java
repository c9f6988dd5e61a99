package raftsim.sim;

/**
 * An item of the simulator's event queue. Events fire in (time, sequence) order; the sequence number
 * is assigned when the event is scheduled, so ties break in scheduling order and every run is the same.
 */
abstract class SimEvent {
  long time;
  long seq;
  /**
   * Where the event is queued, so the queue can remove a cancelled one: its slot in the overflow heap,
   * {@link EventQueue#IN_WHEEL} in the timing wheel, or -1 when not queued. Non-negative means queued.
   */
  int heapIndex = -1;
  /** Neighbours in its wheel bucket's circular list while it waits there; null otherwise. */
  SimEvent prev;
  SimEvent next;

  /** Whether the event waits in the queue. */
  final boolean queued() {
    return heapIndex >= 0;
  }

  /** Does what the event stands for; the simulation's clock already reads {@link #time}. */
  abstract void fire(Simulation sim);
}
