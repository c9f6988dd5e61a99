package raftsim.sim;

/** A handle on an action scheduled with {@link Simulation#at}, so it can be cancelled. */
public sealed interface Scheduled permits ActionEvent {}
