package raftsim.check.history;

/**
 * One event of a history, in real-time order.
 *
 * @param kind what happened
 * @param opId the operation's identifier, unique in its history
 * @param clientId the client (Jepsen: process) that issued the operation
 * @param timeMs when it happened, in (simulated) milliseconds; informative, the event order is the time order
 * @param text the command for {@link EventKind#INVOKE}, the result for {@link EventKind#OK}, the reason otherwise
 * @param line the line that holds the event in its source file (or in the file {@link HistoryWriter} would write)
 */
public record HistoryEvent(EventKind kind, long opId, int clientId, long timeMs, String text, int line) {}
