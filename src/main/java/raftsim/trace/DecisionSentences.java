package raftsim.trace;

import raftsim.core.AppendRejection;
import raftsim.core.IgnoreReason;
import raftsim.core.VoteRefusal;

/** Sentences for the core's decisions: terms, roles, votes, appends, commits, snapshots, reads, and what it ignored. */
final class DecisionSentences {
  private DecisionSentences() {}

  static final SentenceBook BOOK = new SentenceBook();

  static {
    SentenceBook b = BOOK;
    b.add("term", "{node} sees term {term} in a message from {sender}, newer than its own term {from}: it adopts "
        + "term {term}, forgets its vote and follows — §5.1");
    b.add("role.candidate", "{node} becomes a candidate in term {term}: it heard from no leader for a whole election "
        + "timeout — §5.2");
    b.add("role.leader", "{node} wins the election of term {term}: a majority voted for it. As leader it appends a "
        + "no-op entry of its term (so that earlier entries can commit) and sends AppendEntries to every follower — §5.2, §5.4.2");
    b.add("role.follower.known", "{node} steps down from {was} to follower in term {term}: {leader} leads this term — §5.1, §5.2");
    b.add("role.follower.unknown", "{node} steps down from {was} to follower in term {term}: a newer term exists, "
        + "and it does not know its leader yet — §5.1");
    b.add("election", "{node} starts an election for term {term}: it votes for itself and asks every other node for "
        + "its vote, offering a log that ends at index {lastLogIndex} of term {lastLogTerm} — §5.2");
    b.add("vote.granted", "{node} grants its vote to {candidate} in term {term}: it has voted for no one else this "
        + "term, and {candidate}'s log is at least as up to date as its own — §5.2, §5.4.1");
    b.add("vote.refused." + VoteRefusal.STALE_TERM, "{node} refuses its vote to {candidate}: the request is for term "
        + "{term}, older than {node}'s own term, and a stale candidate must not win — §5.1");
    b.add("vote.refused." + VoteRefusal.ALREADY_VOTED, "{node} refuses its vote to {candidate} in term {term}: it "
        + "already voted for {votedFor} in this term, and a node votes at most once per term — §5.2");
    b.add("vote.refused." + VoteRefusal.CANDIDATE_LOG_BEHIND, "{node} refuses its vote to {candidate} in term {term}: "
        + "{node}'s log (last term {ownLastTerm}, index {ownLastIndex}) is more up to date than {candidate}'s (last "
        + "term {candidateLastTerm}, index {candidateLastIndex}) — §5.4.1");
    b.add("vote.refused." + VoteRefusal.LEADER_HEARD, "{node} refuses its vote to {candidate} for term {term} and "
        + "keeps its own term: it heard from its leader within the minimum election timeout, so it sees no reason for "
        + "an election, and a server that was cut off or removed cannot depose a healthy leader (CheckQuorum) — Raft "
        + "dissertation §4.2.3");
    b.add("vote.refused.other", "{node} refuses its vote to {candidate} in term {term} ({reason}) — §5.2");
    b.add("vote-counted.granted", "{node} counts {voter}'s vote in term {term}: {votes} of the {needed} votes it needs "
        + "for a majority — §5.2");
    b.add("vote-counted.refused", "{node} notes {voter}'s refusal in term {term}: still {votes} of the {needed} votes "
        + "it needs for a majority — §5.2");
    preVote(b);
    b.add("append-refused." + AppendRejection.STALE_TERM, "{node} refuses AppendEntries from {leader}: its term {term} "
        + "is older than {node}'s, and the reply's newer term will make {leader} step down — §5.1");
    b.add("append-refused." + AppendRejection.LOG_TOO_SHORT, "{node} refuses AppendEntries from {leader} (term "
        + "{term}): it has no entry at index {prevLogIndex}, so it cannot check that the logs match there; it asks for "
        + "entries from index {conflictIndex} — §5.3");
    b.add("append-refused." + AppendRejection.PREV_TERM_MISMATCH, "{node} refuses AppendEntries from {leader} (term "
        + "{term}): its entry at index {prevLogIndex} has term {conflictTerm}, not {prevLogTerm}, so the logs differ "
        + "there; the leader will back off past {node}'s entries of term {conflictTerm}, which start at index "
        + "{conflictIndex} — §5.3");
    b.add("append-refused.other", "{node} refuses AppendEntries from {leader} in term {term} ({reason}) — §5.3");
    b.add("append.leader", "{node}, leader of term {term}, appends entry {from} to its own log (a client's command "
        + "or its no-op): a leader only ever appends, never overwrites — §5.3");
    b.add("append.one", "{node} appends entry {from} (term {term}) from its leader, whose log matches its own up to "
        + "the entry before — §5.3");
    b.add("append.many", "{node} appends entries {from}..{to} (last term {term}) from its leader, whose log matches "
        + "its own up to the entry before — §5.3");
    b.add("append.truncated", "{node} deletes its entries from index {truncatedFrom} on, which conflict with its "
        + "leader's, and appends the leader's entries {from}..{to} (last term {term}) — §5.3");
    b.add("commit.leader", "{node}, leader of term {term}, advances commitIndex from {from} to {commitIndex}: entry "
        + "{commitIndex}, of its own term, is stored on a majority, and that commits it and every entry before it "
        + "(entries of earlier terms are never committed by counting replicas) — §5.3, §5.4.2");
    b.add("commit.follower", "{node} advances commitIndex from {from} to {commitIndex}: its leader's AppendEntries "
        + "says entries up to there are committed, and its log matches the leader's that far — §5.3");
    b.add("backoff", "{node} moves nextIndex for {follower} back from {from} to {nextIndex}, where {follower}'s "
        + "refusal says the logs may match; the next AppendEntries starts there (fast back-off: a round trip per "
        + "conflicting term, not per entry) — §5.3");
    b.add("snapshot-taken", "{node} snapshots its state machine at index {index} (term {term}) and discards the "
        + "log before it, keeping the last {entriesKept} entries for followers a little behind — §7");
    b.add("snapshot-chunk", "{node} sends {follower} bytes {offset}.. ({length} of {total}) of its snapshot at index "
        + "{index}: the entries {follower} lacks were discarded from the log, so only the snapshot can bring it up to "
        + "date — §7");
    b.add("snapshot-installed.kept", "{node} installs the leader's snapshot up to index {index} (term {term}); its "
        + "own entries after the snapshot match the leader's, so it keeps them ({entriesKept} entries) — §7");
    b.add("snapshot-installed.reset", "{node} installs the leader's snapshot up to index {index} (term {term}) and "
        + "discards its whole log, which the snapshot replaces — §7");
    b.add("snapshot-declined", "{node} declines {leader}'s snapshot at index {index}: it has applied up to "
        + "{lastApplied} already, and a node never goes back to an older state — §7");
    b.add("read-forwarded", "{node} forwards client {client}'s read to leader {leader}, which alone can say how far "
        + "the log is committed — Raft dissertation §6.4");
    b.add("read-index", "{node} confirms read index {readIndex} for client {client}'s read: a majority answered a "
        + "heartbeat sent after the read arrived, so leader {leader} still led then — Raft dissertation §6.4");
    b.add("read-served", "{node} answers client {client}'s read from its state machine, applied up to {lastApplied} "
        + "≥ read index {readIndex}, so the read sees every write committed before it began — Raft dissertation §6.4");
    b.add("read-lease.client", "{node} answers client {client}'s read at read index {readIndex} from its lease, with "
        + "no heartbeat round: a majority answered a heartbeat it sent less than a lease ago, so no other leader can "
        + "exist before {leaseExpiry} ms on its clock — as long as clocks drift no more than the lease allows — Raft "
        + "dissertation §6.4.1");
    b.add("read-lease.forwarded", "{node} gives follower {follower} read index {readIndex} from its lease, with no "
        + "heartbeat round: no other leader can exist before {leaseExpiry} ms on its clock, as long as clocks drift no "
        + "more than the lease allows — Raft dissertation §6.4.1");
    b.add("apply", "{node} applies entries {from}..{to} to its state machine, in index order: they are committed — §5.3");
    leadership(b);
    membership(b);
    ignored(b);
  }

  private static void preVote(SentenceBook b) {
    b.add("pre-election", "{node}'s election timer fired, but with PreVote it first asks the voters whether they "
        + "would vote for it in term {term}, offering a log that ends at index {lastLogIndex} of term {lastLogTerm}; "
        + "it raises its own term only if a majority says yes, so a node cut off from the others cannot inflate "
        + "terms — Raft dissertation §9.6");
    b.add("pre-vote.granted", "{node} would vote for {candidate} in term {term}: it hears from no current leader and "
        + "{candidate}'s log is at least as up to date as its own. Answering a pre-vote changes nothing on {node}: "
        + "not its term, not its vote, not its timer — Raft dissertation §9.6");
    b.add("pre-vote.refused." + VoteRefusal.STALE_TERM, "{node} refuses a pre-vote to {candidate}: term {term} is "
        + "older than {node}'s own term — §5.1, Raft dissertation §9.6");
    b.add("pre-vote.refused." + VoteRefusal.ALREADY_VOTED, "{node} refuses a pre-vote to {candidate}: it already "
        + "voted for another candidate in term {term} — §5.2, Raft dissertation §9.6");
    b.add("pre-vote.refused." + VoteRefusal.CANDIDATE_LOG_BEHIND, "{node} refuses a pre-vote to {candidate} for "
        + "term {term}: {node}'s log (last term {ownLastTerm}, index {ownLastIndex}) is more up to date than "
        + "{candidate}'s (last term {candidateLastTerm}, index {candidateLastIndex}) — §5.4.1, Raft dissertation §9.6");
    b.add("pre-vote.refused." + VoteRefusal.LEADER_HEARD, "{node} refuses a pre-vote to {candidate} for term {term}: "
        + "it heard from its leader within the minimum election timeout, and a healthy leader is not to be replaced; "
        + "{candidate} has not raised its term, so it disturbs nobody — Raft dissertation §9.6");
    b.add("pre-vote.refused.other", "{node} refuses a pre-vote to {candidate} for term {term} ({reason}) — Raft "
        + "dissertation §9.6");
    b.add("pre-vote-counted.granted", "{node} counts {voter}'s pre-vote for term {term}: {votes} of the {needed} it "
        + "needs before it raises its term and stands for election — Raft dissertation §9.6");
    b.add("pre-vote-counted.refused", "{node} notes {voter}'s refusal of a pre-vote for term {term}: still {votes} of "
        + "the {needed} it needs, and its own term stays as it is — Raft dissertation §9.6");
  }

  private static void leadership(SentenceBook b) {
    b.add("quorum-lost", "{node}, leader of term {term}, has heard from no majority of the voters since {heardAt} ms "
        + "on its clock, a minimum election timeout ({timeout} ms) ago: it steps down, since a leader cut off in a "
        + "minority can commit nothing and must not go on serving (CheckQuorum) — Raft dissertation §6.2");
    b.add("transfer.started", "{node}, leader of term {term}, starts handing office to {target}: it accepts no new "
        + "proposals meanwhile, brings {target}'s log up to date, and gives up if the transfer is not done by "
        + "{deadline} ms on its clock — Raft dissertation §3.10");
    b.add("transfer.timeout-now", "{node} sends {target} TimeoutNow: {target}'s log holds everything up to index "
        + "{lastIndex}, as much as {node}'s own, so it can win an election of a higher term at once — Raft "
        + "dissertation §3.10");
    b.add("transfer.aborted", "{node}'s transfer of office to {target} did not complete within an election timeout: "
        + "{node} carries on as leader of term {term} and accepts proposals again — Raft dissertation §3.10");
    b.add("transfer.other", "{node} and a transfer of office to {target} ({phase}) — Raft dissertation §3.10");
    b.add("timeout-now", "{node} gets TimeoutNow from its leader {leader} (term {term}) and stands for election at "
        + "once, skipping PreVote; its RequestVote says so, so voters answer although they heard from {leader} a "
        + "moment ago — Raft dissertation §3.10");
  }

  private static void membership(SentenceBook b) {
    b.add("configuration", "{node}'s configuration is now the one at index {index}: voters {voters}, learners "
        + "{learners}. A configuration is in force on a node as soon as it is in its log, committed or not (and "
        + "undone if that entry is deleted) — Raft dissertation §4.1");
    b.add("configuration-proposed", "{node}, the leader, proposes a new configuration at index {index}: voters "
        + "{voters}, learners {learners}. One server at a time, so every majority of the old configuration overlaps "
        + "every majority of the new one — Raft dissertation §4.1");
    b.add("learner-caught-up", "{node} sees learner {learner} finish a round of catching up (to index {matchIndex}) "
        + "within the minimum election timeout: close enough to vote without stalling commits, so {node} proposes "
        + "making it a voter — Raft dissertation §4.2.1");
    b.add("leader-removed", "{node} steps down in term {term}: the configuration at index {configurationIndex}, which "
        + "removes it, has committed. It led until then without counting itself, and hands office to the most "
        + "up-to-date voter when that one holds its whole log — Raft dissertation §4.2.2");
  }

  private static void ignored(SentenceBook b) {
    String p = "{node} ignores {input} from {sender}: ";
    b.add("ignored." + IgnoreReason.UNKNOWN_SENDER, p + "the sender is not a member of the cluster (or not one {node} "
        + "replicates to), or is {node} itself — Figure 2");
    b.add("ignored." + IgnoreReason.NOT_A_VOTER, p + "{sender} is not a voter of {node}'s configuration, so its "
        + "answer does not count — Raft dissertation §4.1");
    b.add("ignored." + IgnoreReason.CANNOT_STAND, p + "it is of an older term, or {node} leads already or is no "
        + "voter, so it does not stand for election — Raft dissertation §3.10");
    b.add("ignored." + IgnoreReason.NOT_ADDRESSED_TO_ME, p + "it is addressed to another node — Figure 2");
    b.add("ignored." + IgnoreReason.MALFORMED, p + "a field is out of range, which no correct node sends — Figure 2");
    b.add("ignored." + IgnoreReason.STALE_REPLY, p + "it answers a request of an earlier term, or one already "
        + "superseded, which no longer matters — §5.1");
    b.add("ignored." + IgnoreReason.NOT_CANDIDATE, p + "{node} is no longer a candidate (it won or stepped down), "
        + "so votes no longer count — §5.2");
    b.add("ignored." + IgnoreReason.NOT_LEADER, p + "{node} is no longer leader, so replies about replication no "
        + "longer concern it — §5.3");
    b.add("ignored." + IgnoreReason.DUPLICATE_VOTE, p + "{sender}'s vote in this term was already counted, and "
        + "each vote counts once — §5.2");
    b.add("ignored." + IgnoreReason.REPLY_BEYOND_LOG, p + "it claims entries beyond {node}'s log, so it answers a "
        + "request {node} never sent — §5.3");
    b.add("ignored." + IgnoreReason.STALE_REJECTION, p + "the refusal is older than what {node} already knows about "
        + "{sender}, whose matchIndex never goes back — §5.3");
    b.add("ignored." + IgnoreReason.SECOND_LEADER_IN_TERM, p + "a second leader in {node}'s own term is impossible "
        + "in a correct cluster (Election Safety) — §5.2");
    b.add("ignored." + IgnoreReason.CONFLICTS_WITH_COMMITTED, p + "it would delete committed entries, which a "
        + "correct leader never asks — §5.4");
    b.add("ignored." + IgnoreReason.UNEXPECTED_CHUNK, p + "the chunk does not continue the snapshot being received; "
        + "the reply says where to resume — §7");
    b.add("ignored." + IgnoreReason.STALE_PERSIST_REPORT, "{node} ignores a durability report: the entries it names "
        + "were truncated from the log meanwhile, and a later write covers their replacements — Figure 2");
    b.add("ignored.other", p + "{reason} — Figure 2");
  }

  /** The sentence for a line of one of the core's kinds, or null when {@code line} is not one. */
  static Sentence choose(TraceLine line, Explanations.Context context) {
    SentenceBook b = BOOK;
    return switch (line.kind()) {
      case "term", "election", "backoff", "snapshot-taken", "snapshot-chunk", "snapshot-declined", "read-forwarded",
          "read-index", "read-served", "apply" -> b.get(line.kind());
      case "role" -> switch (String.valueOf(line.str("role"))) {
        case "candidate" -> b.get("role.candidate");
        case "leader" -> b.get("role.leader");
        default -> b.get(line.num("leader") == 0 ? "role.follower.unknown" : "role.follower.known");
      };
      case "vote" -> line.bool("granted") ? b.get("vote.granted")
          : b.getOr("vote.refused." + line.str("reason"), b.get("vote.refused.other"));
      case "vote-counted" -> b.get(line.bool("granted") ? "vote-counted.granted" : "vote-counted.refused");
      case "pre-vote" -> line.bool("granted") ? b.get("pre-vote.granted")
          : b.getOr("pre-vote.refused." + line.str("reason"), b.get("pre-vote.refused.other"));
      case "pre-vote-counted" -> b.get(line.bool("granted") ? "pre-vote-counted.granted" : "pre-vote-counted.refused");
      case "pre-election", "quorum-lost", "timeout-now", "configuration", "configuration-proposed", "learner-caught-up",
          "leader-removed" -> b.get(line.kind());
      case "transfer" -> b.getOr("transfer." + line.str("phase"), b.get("transfer.other"));
      case "read-lease" -> b.get(line.has("follower") ? "read-lease.forwarded" : "read-lease.client");
      case "append-refused" -> b.getOr("append-refused." + line.str("reason"), b.get("append-refused.other"));
      case "append" -> {
        if (context.leads(line.node("node"))) {
          yield b.get("append.leader");
        }
        yield b.get(line.num("truncatedFrom") > 0 ? "append.truncated"
            : line.num("from") == line.num("to") ? "append.one" : "append.many");
      }
      case "commit" -> b.get(context.leads(line.node("node")) ? "commit.leader" : "commit.follower");
      case "snapshot-installed" -> b.get(line.bool("keptSuffix") ? "snapshot-installed.kept" : "snapshot-installed.reset");
      case "ignored" -> b.getOr("ignored." + line.str("reason"), b.get("ignored.other"));
      default -> null;
    };
  }
}
