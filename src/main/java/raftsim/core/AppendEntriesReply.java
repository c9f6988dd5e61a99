package raftsim.core;

/**
 * Reply to {@link AppendEntries}.
 *
 * <p>On success, {@code matchIndex} is the last index of the request answered (§5.3; RAFT-CHECKLIST
 * rule 13: not the leader's current last index). On refusal, {@code rejectedIndex} is the request's
 * prevLogIndex and the fast back-off hint says where the logs may diverge: {@code conflictTerm} is the
 * term of the follower's entry at prevLogIndex (0 when its log is too short) and {@code conflictIndex}
 * the first index of that term in its log (its last index + 1 when too short).
 */
public record AppendEntriesReply(
    int from,
    int to,
    long term,
    boolean success,
    long matchIndex,
    long rejectedIndex,
    long conflictTerm,
    long conflictIndex,
    AppendRejection rejection,
    long round)
    implements Message {

  public static AppendEntriesReply accept(int from, int to, long term, long matchIndex, long round) {
    return new AppendEntriesReply(from, to, term, true, matchIndex, 0, 0, 0, null, round);
  }

  public static AppendEntriesReply reject(
      int from, int to, long term, AppendRejection why, long rejectedIndex, long conflictTerm,
      long conflictIndex, long round) {
    return new AppendEntriesReply(from, to, term, false, 0, rejectedIndex, conflictTerm, conflictIndex, why, round);
  }
}
