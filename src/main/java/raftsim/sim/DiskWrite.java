package raftsim.sim;

import java.util.ArrayList;
import java.util.List;
import raftsim.core.HardState;
import raftsim.core.LogWrite;
import raftsim.core.Message;
import raftsim.core.Snapshot;

/**
 * A write issued to a node's disk, and the event of it becoming durable. It carries the messages that
 * must wait for it: those of the same Ready, and any produced while it was pending (persist before send).
 */
final class DiskWrite extends SimEvent {
  final int node;
  final HardState hardState;
  final Snapshot snapshot;
  final LogWrite logWrite;
  long completeAt;
  /** Null until a message must wait for this write. */
  List<Message> held;
  /** On disk already; set when the node was paused and its reaction had to wait. */
  boolean durable;

  DiskWrite(int node, HardState hardState, Snapshot snapshot, LogWrite logWrite) {
    this.node = node;
    this.hardState = hardState;
    this.snapshot = snapshot;
    this.logWrite = logWrite;
  }

  void hold(List<Message> messages) {
    if (!messages.isEmpty()) {
      if (held == null) {
        held = new ArrayList<>(messages.size() + 2);
      }
      held.addAll(messages);
    }
  }

  @Override
  void fire(Simulation sim) {
    sim.node(node).diskDone(this);
  }
}
