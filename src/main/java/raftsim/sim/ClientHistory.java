package raftsim.sim;

/**
 * Where the simulated clients record what they did: every invocation and every completion, in the
 * order they happen (which is real-time order). Times are simulated milliseconds.
 */
public interface ClientHistory {
  void invoke(long opId, int client, long timeMs, String command);

  /** The operation completed with a result. */
  void ok(long opId, int client, long timeMs, String result);

  /** The operation certainly was not applied and never will be. */
  void fail(long opId, int client, long timeMs, String reason);

  /** The outcome is unknown: the operation may have taken effect, or may later, or never. */
  void info(long opId, int client, long timeMs, String reason);

  ClientHistory NONE = new ClientHistory() {
    @Override
    public void invoke(long opId, int client, long timeMs, String command) {}

    @Override
    public void ok(long opId, int client, long timeMs, String result) {}

    @Override
    public void fail(long opId, int client, long timeMs, String reason) {}

    @Override
    public void info(long opId, int client, long timeMs, String reason) {}
  };
}
