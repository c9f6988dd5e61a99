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
    b.add("vote.refused.other", "{node} refuses its vote to {candidate} in term {term} ({reason}) — §5.2");
    b.add("vote-counted.granted", "{node} counts {voter}'s vote in term {term}: {votes} of the {needed} votes it needs "
        + "for a majority — §5.2");
    b.add("vote-counted.refused", "{node} notes {voter}'s refusal in term {term}: still {votes} of the {needed} votes "
        + "it needs for a majority — §5.2");
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
    b.add("apply", "{node} applies entries {from}..{to} to its state machine, in index order: they are committed — §5.3");
    ignored(b);
  }

  private static void ignored(SentenceBook b) {
    String p = "{node} ignores {input} from {sender}: ";
    b.add("ignored." + IgnoreReason.UNKNOWN_SENDER, p + "the sender is not a member of the cluster, or is {node} "
        + "itself — Figure 2");
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
