package raftsim.core;

import java.util.List;

/**
 * What happened inside a node while it handled one input, in the order it happened. The core reports
 * these so that traces, invariant checks and explanations see every decision with its reason; the
 * core's behaviour never depends on whether anyone reads them.
 */
public sealed interface CoreEvent {

  /** The node saw a higher term and adopted it, clearing its vote (§5.1). */
  record TermAdopted(long oldTerm, long newTerm, int sender) implements CoreEvent {}

  /** The node's role changed. {@code leader} is the leader it now knows of, 0 when none. */
  record RoleChanged(Role from, Role to, long term, int leader) implements CoreEvent {}

  /** The election timer fired and the node stood for election in {@code term} (§5.2). */
  record ElectionStarted(long term, long lastLogIndex, long lastLogTerm) implements CoreEvent {}

  /**
   * The election timer fired and, with PreVote (diss. §9.6), the node asks whether it could win
   * {@code term} before it increments its own term.
   */
  record PreVoteStarted(long term, long lastLogIndex, long lastLogTerm) implements CoreEvent {}

  /** The node said it would vote for {@code candidate} in {@code term}; nothing on the node changed (diss. §9.6). */
  record PreVoteGranted(int candidate, long term) implements CoreEvent {}

  /** The node said it would not vote for {@code candidate} in {@code term}, and why (diss. §9.6). */
  record PreVoteRefused(
      int candidate, long term, VoteRefusal reason, long ownLastTerm, long ownLastIndex, long candidateLastTerm,
      long candidateLastIndex) implements CoreEvent {}

  /** A node asking for pre-votes counted an answer: {@code votes} of the {@code needed} it needs to stand. */
  record PreVoteCounted(int voter, long term, boolean granted, int votes, int needed) implements CoreEvent {}

  /**
   * A leader had not heard from a majority since {@code heardAt} (local time), a minimum election
   * timeout ago, and stepped down (CheckQuorum, diss. §6.2).
   */
  record QuorumLost(long term, long heardAt, long timeoutMs) implements CoreEvent {}

  /**
   * A leader started handing over office to {@code target} (diss. §3.10): it accepts no new proposals
   * until the transfer completes or, after {@code deadline} (local time), is aborted.
   */
  record TransferStarted(int target, long term, long deadline) implements CoreEvent {}

  /** The leader found {@code target}'s log as long as its own and told it to stand now (diss. §3.10). */
  record TimeoutNowSent(int target, long term, long lastIndex) implements CoreEvent {}

  /** A transfer to {@code target} did not complete within an election timeout: the leader carries on (diss. §3.10). */
  record TransferAborted(int target, long term) implements CoreEvent {}

  /** The node was told by its leader to stand for election at once (diss. §3.10). */
  record TimeoutNowReceived(int leader, long term) implements CoreEvent {}

  /**
   * The configuration in force on this node changed (diss. §4.1): an entry holding one was appended or
   * truncated, or a snapshot brought one. {@code index} is the entry's (the snapshot's when it came with one).
   */
  record ConfigurationChanged(long index, java.util.List<Integer> voters, java.util.List<Integer> learners)
      implements CoreEvent {}

  /** The leader proposed a configuration change at {@code index}: the whole next configuration (diss. §4.1). */
  record ConfigurationProposed(long index, java.util.List<Integer> voters, java.util.List<Integer> learners)
      implements CoreEvent {}

  /** A learner finished a catch-up round within the minimum election timeout and will be made a voter (diss. §4.2.1). */
  record LearnerCaughtUp(int learner, long matchIndex) implements CoreEvent {}

  /** A leader removed from the configuration saw that configuration commit and stepped down (diss. §4.2.2). */
  record LeaderRemoved(long term, long configurationIndex) implements CoreEvent {}

  /** The node granted its vote to {@code candidate} (§5.2, §5.4.1). */
  record VoteGranted(int candidate, long term) implements CoreEvent {}

  /**
   * The node refused its vote. The log positions are those compared by the up-to-date check
   * (§5.4.1); {@code votedFor} is whom it already voted for, when that is the reason.
   */
  record VoteRefused(
      int candidate, long term, VoteRefusal reason, long ownLastTerm, long ownLastIndex,
      long candidateLastTerm, long candidateLastIndex, int votedFor) implements CoreEvent {}

  /** A candidate counted a vote: {@code votes} of the {@code needed} it needs. */
  record VoteCounted(int voter, long term, boolean granted, int votes, int needed) implements CoreEvent {}

  /** The node refused AppendEntries from {@code leader} (§5.3). */
  record AppendRefused(
      int leader, long term, AppendRejection reason, long prevLogIndex, long prevLogTerm,
      long conflictTerm, long conflictIndex) implements CoreEvent {}

  /**
   * Entries {@code fromIndex..toIndex} were appended; entries from {@code truncatedFrom} on were deleted first
   * (0: none). {@code term} is the last entry's; when the entries span several terms, {@code termRuns} tells
   * which entry has which (empty when they all have {@code term}), so that a trace describes the log exactly.
   */
  record EntriesAppended(long fromIndex, long toIndex, long term, long truncatedFrom, List<TermRun> termRuns)
      implements CoreEvent {
    public EntriesAppended {
      termRuns = List.copyOf(termRuns);
    }

    /** Entries that all have {@code term}. */
    public EntriesAppended(long fromIndex, long toIndex, long term, long truncatedFrom) {
      this(fromIndex, toIndex, term, truncatedFrom, List.of());
    }
  }

  /** commitIndex advanced (§5.3, §5.4.2). */
  record CommitAdvanced(long oldCommitIndex, long newCommitIndex, long term) implements CoreEvent {}

  /** A leader moved its view of a follower after a refusal (fast back-off, §5.3). */
  record NextIndexBackedOff(int follower, long oldNextIndex, long newNextIndex) implements CoreEvent {}

  /** The node snapshotted its state machine at {@code index} and compacted its log (§7). */
  record SnapshotTaken(long index, long term, int entriesKept) implements CoreEvent {}

  /** A leader sent one chunk of its snapshot to {@code follower} (§7). */
  record SnapshotChunkSent(int follower, long index, long offset, int length, int total, boolean done)
      implements CoreEvent {}

  /** The node installed a leader's snapshot; {@code keptSuffix} when its log after the snapshot survived (§7). */
  record SnapshotInstalled(long index, long term, boolean keptSuffix, int entriesKept) implements CoreEvent {}

  /** A snapshot no newer than what the node already applied was not installed (RAFT-CHECKLIST rule 24). */
  record SnapshotDeclined(int leader, long index, long lastApplied) implements CoreEvent {}

  /** A follower forwarded a client's read to the leader for a read index (diss. §6.4). */
  record ReadForwarded(long clientId, long seq, int leader) implements CoreEvent {}

  /** A read index was confirmed by a majority's answer to a round sent after the read arrived (diss. §6.4). */
  record ReadIndexConfirmed(long clientId, long seq, long readIndex, int leader) implements CoreEvent {}

  /**
   * A leader answered a read from its lease (diss. §6.4.1), with no heartbeat round: its own client's
   * ({@code follower} 0) or one a follower forwarded. The lease ends at {@code leaseExpiry}, local time.
   */
  record LeaseRead(int follower, long clientId, long seq, long readIndex, long leaseExpiry) implements CoreEvent {}

  /** A read was served from the state machine, applied up to {@code lastApplied} >= {@code readIndex}. */
  record ReadServed(long clientId, long seq, long readIndex, long lastApplied) implements CoreEvent {}

  /** The input was dropped without effect. */
  record Ignored(String input, int sender, IgnoreReason reason) implements CoreEvent {}
}
