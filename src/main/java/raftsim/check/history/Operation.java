package raftsim.check.history;

/**
 * An invocation paired with its completion.
 *
 * @param opId the operation's identifier
 * @param clientId the client that issued it
 * @param command the command text, in the language of the history's model
 * @param outcome how it ended
 * @param completion the result ({@link Outcome#OK}), the reason ({@link Outcome#FAIL}, {@link Outcome#INFO}), or ""
 * @param invokeIndex the position of the invocation among the history's events
 * @param completeIndex the position of the completion among the history's events, or -1 when there is none
 * @param invokeLine the line of the invocation
 * @param completeLine the line of the completion, or 0 when there is none
 */
public record Operation(
    long opId,
    int clientId,
    String command,
    Outcome outcome,
    String completion,
    int invokeIndex,
    int completeIndex,
    int invokeLine,
    int completeLine) {}
