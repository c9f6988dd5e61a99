package raftsim.learn;

/**
 * One client operation as the trace shows it, for the viewer's history: who invoked what, when, and how it
 * ended ({@code ok}, {@code fail}, {@code info} when its outcome is unknown, {@code pending} when the trace
 * ends first).
 *
 * @param completeT -1 while pending
 */
public record ClientOp(long opId, int client, long invokeT, long invokeSeq, long completeT, long completeSeq,
    String outcome, String command, String result) {

  ClientOp completed(long t, long seq, String how, String text) {
    return new ClientOp(opId, client, invokeT, invokeSeq, t, seq, how, command, text);
  }
}
