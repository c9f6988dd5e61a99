package raftsim.core;

/** A client's proposal: one command in the client's session (diss. §6.3). */
public record ClientRequest(long clientId, long seq, String command) {
  public ClientRequest {
    if (command == null) {
      throw new IllegalArgumentException("command is null");
    }
  }

  Payload.Command payload() {
    return new Payload.Command(clientId, seq, command);
  }
}
