package raftsim.sim;

/**
 * An item of the simulator's event queue. Events fire in (time, sequence) order; the sequence number
 * is assigned when the event is scheduled, so ties break in scheduling order and every run is the same.
 */
abstract class SimEvent {
  long time;
  long seq;
  /** Position in the queue's heap, or -1 when not queued; lets the queue remove a cancelled event. */
  int heapIndex = -1;

  /** Does what the event stands for; the simulation's clock already reads {@link #time}. */
  abstract void fire(Simulation sim);
}
