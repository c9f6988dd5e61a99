package raftsim.cluster;

/**
 * A request the local cluster cannot carry out as asked: no cluster started, an unknown node, a port in
 * use, a node already running. The message says what to do instead; commands report it as bad input.
 */
public final class ClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClusterException(String message) {
    super(message);
  }
}
