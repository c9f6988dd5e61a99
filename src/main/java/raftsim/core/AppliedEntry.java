package raftsim.core;

/** One committed entry the node applied, with the state machine's result (null for a no-op). */
public record AppliedEntry(LogEntry entry, String result) {}
