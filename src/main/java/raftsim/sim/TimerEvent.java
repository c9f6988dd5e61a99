package raftsim.sim;

/** A node's one timer: it fires when the node's local clock reaches the deadline its core asked for. */
final class TimerEvent extends SimEvent {
  final int node;

  TimerEvent(int node) {
    this.node = node;
  }

  @Override
  void fire(Simulation sim) {
    sim.node(node).timerFired();
  }
}
