package raftsim.core;

import java.util.List;

/**
 * AppendEntries RPC (§5.3, Figure 2); with no entries it is a heartbeat.
 *
 * @param round the leader's send counter in this term, echoed in the reply; lets the leader tell
 *     which of its rounds a reply answers
 */
public record AppendEntries(
    int from,
    int to,
    long term,
    long prevLogIndex,
    long prevLogTerm,
    List<LogEntry> entries,
    long leaderCommit,
    long round)
    implements Message {

  public AppendEntries {
    entries = List.copyOf(entries);
  }

  /** Index of the last entry this request covers: what a success reply proves the follower holds. */
  public long lastIndexCovered() {
    return prevLogIndex + entries.size();
  }
}
