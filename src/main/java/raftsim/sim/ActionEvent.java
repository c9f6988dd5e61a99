package raftsim.sim;

import java.util.function.Consumer;

/** Something scheduled from outside the cluster: a scripted fault, a client's next step, an injected proposal. */
final class ActionEvent extends SimEvent implements Scheduled {
  private final Consumer<Simulation> action;

  ActionEvent(Consumer<Simulation> action) {
    this.action = action;
  }

  @Override
  void fire(Simulation sim) {
    action.accept(sim);
  }
}
