package raftsim.sim;

import raftsim.check.history.History;

/** Records the simulated clients' history in memory, for the checker and for {@code --history}. */
public final class HistoryRecorder implements ClientHistory {
  private final History.Builder builder = new History.Builder();

  public HistoryRecorder(String comment) {
    builder.comment(comment);
  }

  @Override
  public void invoke(long opId, int client, long timeMs, String command) {
    builder.invoke(opId, client, timeMs, command);
  }

  @Override
  public void ok(long opId, int client, long timeMs, String result) {
    builder.ok(opId, client, timeMs, result);
  }

  @Override
  public void fail(long opId, int client, long timeMs, String reason) {
    builder.fail(opId, client, timeMs, reason);
  }

  @Override
  public void info(long opId, int client, long timeMs, String reason) {
    builder.info(opId, client, timeMs, reason);
  }

  public History history() {
    return builder.build();
  }
}
