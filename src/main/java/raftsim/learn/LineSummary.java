package raftsim.learn;

import raftsim.trace.TraceLine;

/** A trace line in a few words, for lists: a message by its type, ends and what it carries; other lines by their fields. */
final class LineSummary {
  private LineSummary() {}

  /** A message line (send, deliver, drop, duplicate) as "AppendEntries 1→2 term 3, prev 7/2, 2 entries to 9/3, commit 7". */
  static String message(TraceLine l) {
    StringBuilder b = new StringBuilder().append(l.str("type")).append(' ').append(l.num("from")).append('→')
        .append(l.num("to")).append(" term ").append(l.num("term"));
    switch (String.valueOf(l.str("type"))) {
      case "RequestVote", "PreVote" -> b.append(", last ").append(l.num("lastLogIndex")).append('/')
          .append(l.num("lastLogTerm")).append(l.bool("transfer") ? ", transfer" : "");
      case "RequestVoteReply", "PreVoteReply" -> b.append(l.bool("granted") ? ", granted"
          : ", refused (" + l.text("refusal") + ")");
      case "AppendEntries" -> {
        b.append(", prev ").append(l.num("prevLogIndex")).append('/').append(l.num("prevLogTerm"));
        long n = l.num("entries");
        if (n > 0) {
          b.append(", ").append(n).append(n == 1 ? " entry" : " entries").append(" to ").append(l.num("lastIndex"))
              .append('/').append(l.num("lastTerm"));
        } else {
          b.append(", heartbeat");
        }
        b.append(", commit ").append(l.num("leaderCommit"));
      }
      case "AppendEntriesReply" -> b.append(l.bool("success") ? ", match " + l.num("matchIndex")
          : ", refused (" + l.text("rejection") + ") at " + l.num("rejectedIndex") + ", hint " + l.num("conflictTerm")
              + "/" + l.num("conflictIndex"));
      case "InstallSnapshot" -> b.append(", snapshot ").append(l.num("lastIncludedIndex")).append('/')
          .append(l.num("lastIncludedTerm")).append(", bytes ").append(l.num("offset")).append("+").append(l.num("length"))
          .append(l.bool("done") ? ", last" : "");
      case "InstallSnapshotReply" -> b.append(", snapshot ").append(l.num("lastIncludedIndex"))
          .append(l.bool("installed") ? ", installed" : ", next offset " + l.num("nextOffset"));
      case "ReadIndex" -> b.append(", read ").append(l.num("readId"));
      case "ReadIndexReply" -> b.append(", read ").append(l.num("readId"))
          .append(l.bool("ok") ? ", index " + l.num("readIndex") : ", refused (hint " + l.num("leaderHint") + ")");
      default -> { }
    }
    return b.toString();
  }

  /** Any line: a message as {@link #message}, anything else as "kind name=value ...". */
  static String of(TraceLine l) {
    if (l.has("type") && l.has("from") && l.has("to")) {
      String m = l.kind() + " " + message(l);
      return l.kind().equals("drop") ? m + " (" + l.text("reason") + ")" : m;
    }
    StringBuilder b = new StringBuilder(l.kind());
    for (int i = 0; i < l.size(); i++) {
      b.append(' ').append(l.name(i)).append('=').append(l.value(i));
    }
    return b.toString();
  }
}
