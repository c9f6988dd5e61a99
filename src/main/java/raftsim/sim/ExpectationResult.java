package raftsim.sim;

/** One checked expectation: its name (e.g. {@code leader@2500}), whether it held, and what was found. */
public record ExpectationResult(String name, boolean ok, String detail) {}
