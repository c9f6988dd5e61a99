package raftsim.sim;

import raftsim.core.Message;

/** A message arriving at its destination. */
final class Delivery extends SimEvent {
  final Message message;

  Delivery(Message message) {
    this.message = message;
  }

  @Override
  void fire(Simulation sim) {
    sim.deliver(message, this);
  }
}
