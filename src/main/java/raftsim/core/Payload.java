package raftsim.core;

/** What a log entry carries. */
public sealed interface Payload permits Payload.NoOp, Payload.Command, Payload.Config {

  /** The empty entry a new leader appends at once (diss. §6.4): it lets earlier-term entries commit. */
  record NoOp() implements Payload {
    public static final NoOp INSTANCE = new NoOp();
  }

  /**
   * A client's command, stamped with its session (diss. §6.3) so the state machine applies it at most
   * once however often it is retried.
   */
  record Command(long clientId, long seq, String text) implements Payload {
    public Command {
      if (text == null) {
        throw new IllegalArgumentException("command text is null");
      }
    }
  }

  /**
   * A configuration change (Raft dissertation §4.1): the whole configuration that follows it. It takes
   * effect on a node as soon as the node appends it, and the configuration reverts if it is truncated.
   */
  record Config(Configuration configuration) implements Payload {
    public Config {
      if (configuration == null) {
        throw new IllegalArgumentException("configuration is null");
      }
    }
  }
}
