package raftsim.sim;

import raftsim.core.ClientReply;

/** How a node's answer to a client reads in the trace. */
final class ClientReplies {
  private ClientReplies() {}

  static String describe(ClientReply reply) {
    if (reply instanceof ClientReply.Applied a) {
      return a.result();
    }
    if (reply instanceof ClientReply.NotLeader n) {
      return "not leader (hint " + n.leaderHint() + ")";
    }
    ClientReply.OutcomeUnknown u = (ClientReply.OutcomeUnknown) reply;
    return "outcome unknown, not leader (hint " + u.leaderHint() + ")";
  }
}
