package raftsim.trace;

import java.util.ArrayList;
import java.util.List;
import raftsim.core.AppendRejection;
import raftsim.core.VoteRefusal;

/**
 * Sentences for a message on its way: sent, delivered, dropped or duplicated. Each is a transit ("1 sends
 * 2 ...") around a phrase that says what the message carries, so every message type reads alike in all
 * four.
 */
final class MessageSentences {
  private MessageSentences() {}

  /** What a message carries, as a noun phrase, and the section that defines it. */
  private record Body(String key, String phrase, String cite) {}

  /** How a message moves, with {@code %s} for the body's phrase. */
  private record Transit(String kind, String pattern) {}

  private static final List<Transit> TRANSITS = List.of(
      new Transit("send", "{from} sends {to} %s"),
      new Transit("deliver", "{to} receives from {from} %s"),
      new Transit("drop", "The network drops %s from {from} to {to} (reason: {reason}); Raft resends what still matters"),
      new Transit("duplicate", "The network duplicates %s from {from} to {to}; the second copy must do no harm"));

  private static final List<Body> BODIES = bodies();

  private static List<Body> bodies() {
    List<Body> b = new ArrayList<>();
    b.add(new Body("RequestVote", "a RequestVote for term {term}, from a candidate whose log ends at index "
        + "{lastLogIndex} of term {lastLogTerm}", "§5.2"));
    b.add(new Body("RequestVote.transfer", "a RequestVote for term {term} from a candidate its leader handed office "
        + "to (TimeoutNow), whose log ends at index {lastLogIndex} of term {lastLogTerm}: voters answer it although "
        + "they heard from that leader a moment ago", "Raft dissertation §3.10, §4.2.3"));
    b.add(new Body("RequestVoteReply.granted", "a vote granted in term {term}", "§5.2"));
    b.add(new Body("RequestVoteReply." + VoteRefusal.STALE_TERM, "a vote refused: the request's term is older than "
        + "the voter's term {term}", "§5.1"));
    b.add(new Body("RequestVoteReply." + VoteRefusal.ALREADY_VOTED, "a vote refused in term {term}: the voter already "
        + "voted for another candidate", "§5.2"));
    b.add(new Body("RequestVoteReply." + VoteRefusal.CANDIDATE_LOG_BEHIND, "a vote refused in term {term}: the voter's "
        + "log is more up to date than the candidate's", "§5.4.1"));
    b.add(new Body("RequestVoteReply." + VoteRefusal.LEADER_HEARD, "a vote refused by a voter that keeps its term "
        + "{term}: it heard from a current leader within the minimum election timeout, so it sees no reason for an "
        + "election (CheckQuorum)", "Raft dissertation §4.2.3"));
    b.add(new Body("PreVote", "a PreVote asking whether the voter would vote in term {term} for a node whose log "
        + "ends at index {lastLogIndex} of term {lastLogTerm}; the asker has not raised its own term, and answering "
        + "changes nothing on the voter", "Raft dissertation §9.6"));
    b.add(new Body("PreVoteReply.granted", "a pre-vote granted for term {term}: the voter would vote, and nothing "
        + "changed on it", "Raft dissertation §9.6"));
    b.add(new Body("PreVoteReply." + VoteRefusal.STALE_TERM, "a pre-vote refused: the term asked about is older "
        + "than the voter's term {term}", "§5.1, Raft dissertation §9.6"));
    b.add(new Body("PreVoteReply." + VoteRefusal.ALREADY_VOTED, "a pre-vote refused (the voter's term is {term}): "
        + "the voter already voted for another candidate in that term", "§5.2, Raft dissertation §9.6"));
    b.add(new Body("PreVoteReply." + VoteRefusal.CANDIDATE_LOG_BEHIND, "a pre-vote refused (the voter's term is "
        + "{term}): the voter's log is more up to date than the asker's", "§5.4.1, Raft dissertation §9.6"));
    b.add(new Body("PreVoteReply." + VoteRefusal.LEADER_HEARD, "a pre-vote refused (the voter's term is {term}): "
        + "the voter heard from a current leader within the minimum election timeout, and a healthy leader is not "
        + "to be replaced", "Raft dissertation §9.6"));
    b.add(new Body("TimeoutNow", "TimeoutNow of term {term}: the leader, having brought the receiver's log up to "
        + "date with its own, hands over office and tells it to stand for election at once",
        "Raft dissertation §3.10"));
    b.add(new Body("AppendEntries.heartbeat", "a heartbeat of term {term} (AppendEntries without entries), which says "
        + "the leader's log holds index {prevLogIndex} of term {prevLogTerm} and entries up to {leaderCommit} are "
        + "committed", "§5.2, §5.3"));
    b.add(new Body("AppendEntries.one", "AppendEntries of term {term} carrying entry {lastIndex} (term {lastTerm}), "
        + "to follow index {prevLogIndex} of term {prevLogTerm}; entries up to {leaderCommit} are committed", "§5.3"));
    b.add(new Body("AppendEntries.many", "AppendEntries of term {term} carrying {entries} entries up to index "
        + "{lastIndex} (last term {lastTerm}), to follow index {prevLogIndex} of term {prevLogTerm}; entries up to "
        + "{leaderCommit} are committed", "§5.3"));
    b.add(new Body("AppendEntriesReply.success", "an AppendEntries success of term {term}: the follower's log matches "
        + "the leader's up to index {matchIndex}", "§5.3"));
    b.add(new Body("AppendEntriesReply." + AppendRejection.STALE_TERM, "an AppendEntries refusal: the leader's term is "
        + "older than the follower's term {term}", "§5.1"));
    b.add(new Body("AppendEntriesReply." + AppendRejection.LOG_TOO_SHORT, "an AppendEntries refusal of term {term}: "
        + "the follower has no entry at index {rejectedIndex} and asks for entries from index {conflictIndex}", "§5.3"));
    b.add(new Body("AppendEntriesReply." + AppendRejection.PREV_TERM_MISMATCH, "an AppendEntries refusal of term "
        + "{term}: the follower's entry at index {rejectedIndex} has term {conflictTerm}, whose entries start at index "
        + "{conflictIndex}", "§5.3"));
    b.add(new Body("InstallSnapshot.chunk", "a chunk of term {term} of the snapshot up to index {lastIncludedIndex} "
        + "(term {lastIncludedTerm}): {length} bytes at offset {offset}", "§7"));
    b.add(new Body("InstallSnapshot.last", "the last chunk, of term {term}, of the snapshot up to index "
        + "{lastIncludedIndex} (term {lastIncludedTerm}): {length} bytes at offset {offset}", "§7"));
    b.add(new Body("InstallSnapshot.chunk.configuration", "a chunk of term {term} of the snapshot up to index "
        + "{lastIncludedIndex} (term {lastIncludedTerm}), which carries the configuration in force there (voters "
        + "{voters}, learners {learners}): {length} bytes at offset {offset}", "§7, Raft dissertation §4.1"));
    b.add(new Body("InstallSnapshot.last.configuration", "the last chunk, of term {term}, of the snapshot up to "
        + "index {lastIncludedIndex} (term {lastIncludedTerm}), which carries the configuration in force there "
        + "(voters {voters}, learners {learners}): {length} bytes at offset {offset}", "§7, Raft dissertation §4.1"));
    b.add(new Body("InstallSnapshotReply.installed", "an InstallSnapshot reply of term {term}: the snapshot up to "
        + "index {lastIncludedIndex} is installed", "§7"));
    b.add(new Body("InstallSnapshotReply.partial", "an InstallSnapshot reply of term {term}: the snapshot's bytes have "
        + "arrived up to offset {nextOffset}", "§7"));
    b.add(new Body("ReadIndex", "a request of term {term} for a read index (read {readId}), which only the leader can "
        + "give", "Raft dissertation §6.4"));
    b.add(new Body("ReadIndexReply.ok", "read index {readIndex} for read {readId}: the read may be served once the "
        + "state machine has applied that far", "Raft dissertation §6.4"));
    b.add(new Body("ReadIndexReply.refused", "a refusal of read {readId}: the node asked is not the leader (hint "
        + "{leaderHint})", "Raft dissertation §6.4"));
    b.add(new Body("other", "a {type} message of term {term}", "Figure 2"));
    return List.copyOf(b);
  }

  static final SentenceBook BOOK = book();

  private static SentenceBook book() {
    SentenceBook book = new SentenceBook();
    for (Transit t : TRANSITS) {
      for (Body b : BODIES) {
        book.add(t.kind + "." + b.key, String.format(java.util.Locale.ROOT, t.pattern, b.phrase) + " — " + b.cite);
      }
    }
    return book;
  }

  static boolean isTransit(String kind) {
    return kind.equals("send") || kind.equals("deliver") || kind.equals("drop") || kind.equals("duplicate");
  }

  /** The sentence for a send, deliver, drop or duplicate line. */
  static Sentence choose(TraceLine line) {
    return BOOK.getOr(line.kind() + "." + bodyKey(line), BOOK.get(line.kind() + ".other"));
  }

  private static String bodyKey(TraceLine l) {
    String type = String.valueOf(l.str("type"));
    return switch (type) {
      case "ReadIndex", "PreVote", "TimeoutNow" -> type;
      case "RequestVote" -> l.bool("transfer") ? "RequestVote.transfer" : type;
      case "RequestVoteReply", "PreVoteReply" -> type + "." + (l.bool("granted") ? "granted" : l.text("refusal"));
      case "AppendEntries" -> type + "." + (l.num("entries") == 0 ? "heartbeat" : l.num("entries") == 1 ? "one" : "many");
      case "AppendEntriesReply" -> type + "." + (l.bool("success") ? "success" : l.text("rejection"));
      case "InstallSnapshot" -> type + "." + (l.bool("done") ? "last" : "chunk") + (l.has("voters") ? ".configuration" : "");
      case "InstallSnapshotReply" -> type + "." + (l.bool("installed") ? "installed" : "partial");
      case "ReadIndexReply" -> type + "." + (l.bool("ok") ? "ok" : "refused");
      default -> "other";
    };
  }
}
