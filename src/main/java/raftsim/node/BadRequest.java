package raftsim.node;

/** A request the node cannot serve as sent: answered 4xx with this message, and the node carries on. */
final class BadRequest extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  BadRequest(String message) {
    this(400, message);
  }

  BadRequest(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
