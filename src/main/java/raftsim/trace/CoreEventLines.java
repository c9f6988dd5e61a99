package raftsim.trace;

import raftsim.core.AppendEntries;
import raftsim.core.AppendEntriesReply;
import raftsim.core.CoreEvent;
import raftsim.core.InstallSnapshot;
import raftsim.core.InstallSnapshotReply;
import raftsim.core.LogEntry;
import raftsim.core.Message;
import raftsim.core.PreVote;
import raftsim.core.PreVoteReply;
import raftsim.core.ReadIndex;
import raftsim.core.ReadIndexReply;
import raftsim.core.RequestVote;
import raftsim.core.RequestVoteReply;
import raftsim.core.TermRun;

/** How the core's messages and events appear in the trace: one place, so every driver writes them alike. */
public final class CoreEventLines {
  private CoreEventLines() {}

  /** Appends the fields that describe {@code m}: type, from, to, term, and what its type carries. */
  public static TraceWriter messageFields(TraceWriter w, Message m) {
    w.field("type", m.type()).field("from", m.from()).field("to", m.to()).field("term", m.term());
    if (m instanceof RequestVote rv) {
      w.field("lastLogIndex", rv.lastLogIndex()).field("lastLogTerm", rv.lastLogTerm());
      if (rv.transfer()) {
        w.field("transfer", true);
      }
    } else if (m instanceof RequestVoteReply r) {
      w.field("granted", r.granted());
      if (r.refusal() != null) {
        w.field("refusal", r.refusal().name());
      }
    } else if (m instanceof AppendEntries ae) {
      w.field("prevLogIndex", ae.prevLogIndex()).field("prevLogTerm", ae.prevLogTerm())
          .field("entries", ae.entries().size()).field("leaderCommit", ae.leaderCommit());
      if (!ae.entries().isEmpty()) {
        LogEntry last = ae.entries().get(ae.entries().size() - 1);
        w.field("lastIndex", last.index()).field("lastTerm", last.term());
      }
    } else if (m instanceof AppendEntriesReply r) {
      w.field("success", r.success());
      if (r.success()) {
        w.field("matchIndex", r.matchIndex());
      } else {
        w.field("rejection", r.rejection().name()).field("rejectedIndex", r.rejectedIndex())
            .field("conflictTerm", r.conflictTerm()).field("conflictIndex", r.conflictIndex());
      }
    } else if (m instanceof InstallSnapshot s) {
      w.field("lastIncludedIndex", s.lastIncludedIndex()).field("lastIncludedTerm", s.lastIncludedTerm())
          .field("offset", s.offset()).field("length", s.length()).field("done", s.done());
      if (s.configuration() != null) {
        w.rawField("voters", ids(s.configuration().voters())).rawField("learners", ids(s.configuration().learners()));
      }
    } else if (m instanceof InstallSnapshotReply r) {
      w.field("lastIncludedIndex", r.lastIncludedIndex()).field("nextOffset", r.nextOffset())
          .field("installed", r.installed());
    } else if (m instanceof ReadIndex r) {
      w.field("readId", r.readId());
    } else if (m instanceof ReadIndexReply r) {
      w.field("readId", r.readId()).field("ok", r.ok()).field("readIndex", r.readIndex())
          .field("leaderHint", r.leaderHint());
    } else if (m instanceof PreVote pv) {
      w.field("lastLogIndex", pv.lastLogIndex()).field("lastLogTerm", pv.lastLogTerm());
    } else if (m instanceof PreVoteReply r) {
      w.field("granted", r.granted());
      if (r.refusal() != null) {
        w.field("refusal", r.refusal().name());
      }
    }
    return w;
  }

  /** A list of node ids as a JSON array, {@code [1,2,3]}. */
  public static CharSequence ids(java.util.List<Integer> ids) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < ids.size(); i++) {
      b.append(i == 0 ? "" : ",").append(ids.get(i));
    }
    return b.append(']');
  }

  /** Writes one line for {@code e}, which happened at node {@code node}. */
  public static void write(TraceWriter w, long ev, long t, int node, CoreEvent e) {
    if (e instanceof CoreEvent.TermAdopted x) {
      w.begin(ev, t, "term").field("node", node).field("from", x.oldTerm()).field("term", x.newTerm())
          .field("sender", x.sender());
    } else if (e instanceof CoreEvent.RoleChanged x) {
      w.begin(ev, t, "role").field("node", node).field("role", x.to().wireName()).field("was", x.from().wireName())
          .field("term", x.term()).field("leader", x.leader());
    } else if (e instanceof CoreEvent.ElectionStarted x) {
      w.begin(ev, t, "election").field("node", node).field("term", x.term())
          .field("lastLogIndex", x.lastLogIndex()).field("lastLogTerm", x.lastLogTerm());
    } else if (e instanceof CoreEvent.PreVoteStarted x) {
      w.begin(ev, t, "pre-election").field("node", node).field("term", x.term())
          .field("lastLogIndex", x.lastLogIndex()).field("lastLogTerm", x.lastLogTerm());
    } else if (e instanceof CoreEvent.PreVoteGranted x) {
      w.begin(ev, t, "pre-vote").field("node", node).field("candidate", x.candidate()).field("term", x.term())
          .field("granted", true);
    } else if (e instanceof CoreEvent.PreVoteRefused x) {
      w.begin(ev, t, "pre-vote").field("node", node).field("candidate", x.candidate()).field("term", x.term())
          .field("granted", false).field("reason", x.reason().name())
          .field("ownLastTerm", x.ownLastTerm()).field("ownLastIndex", x.ownLastIndex())
          .field("candidateLastTerm", x.candidateLastTerm()).field("candidateLastIndex", x.candidateLastIndex());
    } else if (e instanceof CoreEvent.PreVoteCounted x) {
      w.begin(ev, t, "pre-vote-counted").field("node", node).field("voter", x.voter()).field("term", x.term())
          .field("granted", x.granted()).field("votes", x.votes()).field("needed", x.needed());
    } else if (e instanceof CoreEvent.QuorumLost x) {
      w.begin(ev, t, "quorum-lost").field("node", node).field("term", x.term()).field("heardAt", x.heardAt())
          .field("timeout", x.timeoutMs());
    } else if (e instanceof CoreEvent.TransferStarted x) {
      w.begin(ev, t, "transfer").field("node", node).field("phase", "started").field("target", x.target())
          .field("term", x.term()).field("deadline", x.deadline());
    } else if (e instanceof CoreEvent.TimeoutNowSent x) {
      w.begin(ev, t, "transfer").field("node", node).field("phase", "timeout-now").field("target", x.target())
          .field("term", x.term()).field("lastIndex", x.lastIndex());
    } else if (e instanceof CoreEvent.TransferAborted x) {
      w.begin(ev, t, "transfer").field("node", node).field("phase", "aborted").field("target", x.target())
          .field("term", x.term());
    } else if (e instanceof CoreEvent.TimeoutNowReceived x) {
      w.begin(ev, t, "timeout-now").field("node", node).field("leader", x.leader()).field("term", x.term());
    } else if (e instanceof CoreEvent.ConfigurationChanged x) {
      w.begin(ev, t, "configuration").field("node", node).field("index", x.index())
          .rawField("voters", ids(x.voters())).rawField("learners", ids(x.learners()));
    } else if (e instanceof CoreEvent.ConfigurationProposed x) {
      w.begin(ev, t, "configuration-proposed").field("node", node).field("index", x.index())
          .rawField("voters", ids(x.voters())).rawField("learners", ids(x.learners()));
    } else if (e instanceof CoreEvent.LearnerCaughtUp x) {
      w.begin(ev, t, "learner-caught-up").field("node", node).field("learner", x.learner())
          .field("matchIndex", x.matchIndex());
    } else if (e instanceof CoreEvent.LeaderRemoved x) {
      w.begin(ev, t, "leader-removed").field("node", node).field("term", x.term())
          .field("configurationIndex", x.configurationIndex());
    } else if (e instanceof CoreEvent.VoteGranted x) {
      w.begin(ev, t, "vote").field("node", node).field("candidate", x.candidate()).field("term", x.term())
          .field("granted", true);
    } else if (e instanceof CoreEvent.VoteRefused x) {
      w.begin(ev, t, "vote").field("node", node).field("candidate", x.candidate()).field("term", x.term())
          .field("granted", false).field("reason", x.reason().name())
          .field("ownLastTerm", x.ownLastTerm()).field("ownLastIndex", x.ownLastIndex())
          .field("candidateLastTerm", x.candidateLastTerm()).field("candidateLastIndex", x.candidateLastIndex())
          .field("votedFor", x.votedFor());
    } else if (e instanceof CoreEvent.VoteCounted x) {
      w.begin(ev, t, "vote-counted").field("node", node).field("voter", x.voter()).field("term", x.term())
          .field("granted", x.granted()).field("votes", x.votes()).field("needed", x.needed());
    } else if (e instanceof CoreEvent.AppendRefused x) {
      w.begin(ev, t, "append-refused").field("node", node).field("leader", x.leader()).field("term", x.term())
          .field("reason", x.reason().name()).field("prevLogIndex", x.prevLogIndex())
          .field("prevLogTerm", x.prevLogTerm()).field("conflictTerm", x.conflictTerm())
          .field("conflictIndex", x.conflictIndex());
    } else if (e instanceof CoreEvent.EntriesAppended x) {
      w.begin(ev, t, "append").field("node", node).field("from", x.fromIndex()).field("to", x.toIndex())
          .field("term", x.term()).field("truncatedFrom", x.truncatedFrom());
      if (!x.termRuns().isEmpty()) {
        w.rawField("terms", TermRun.json(x.termRuns())); // entries of several terms: which has which
      }
    } else if (e instanceof CoreEvent.CommitAdvanced x) {
      w.begin(ev, t, "commit").field("node", node).field("from", x.oldCommitIndex())
          .field("commitIndex", x.newCommitIndex()).field("term", x.term());
    } else if (e instanceof CoreEvent.NextIndexBackedOff x) {
      w.begin(ev, t, "backoff").field("node", node).field("follower", x.follower())
          .field("from", x.oldNextIndex()).field("nextIndex", x.newNextIndex());
    } else if (e instanceof CoreEvent.SnapshotTaken x) {
      w.begin(ev, t, "snapshot-taken").field("node", node).field("index", x.index()).field("term", x.term())
          .field("entriesKept", x.entriesKept());
    } else if (e instanceof CoreEvent.SnapshotChunkSent x) {
      w.begin(ev, t, "snapshot-chunk").field("node", node).field("follower", x.follower()).field("index", x.index())
          .field("offset", x.offset()).field("length", x.length()).field("total", x.total()).field("done", x.done());
    } else if (e instanceof CoreEvent.SnapshotInstalled x) {
      w.begin(ev, t, "snapshot-installed").field("node", node).field("index", x.index()).field("term", x.term())
          .field("keptSuffix", x.keptSuffix()).field("entriesKept", x.entriesKept());
    } else if (e instanceof CoreEvent.SnapshotDeclined x) {
      w.begin(ev, t, "snapshot-declined").field("node", node).field("leader", x.leader()).field("index", x.index())
          .field("lastApplied", x.lastApplied());
    } else if (e instanceof CoreEvent.ReadForwarded x) {
      w.begin(ev, t, "read-forwarded").field("node", node).field("client", x.clientId()).field("clientSeq", x.seq())
          .field("leader", x.leader());
    } else if (e instanceof CoreEvent.ReadIndexConfirmed x) {
      w.begin(ev, t, "read-index").field("node", node).field("client", x.clientId()).field("clientSeq", x.seq())
          .field("readIndex", x.readIndex()).field("leader", x.leader());
    } else if (e instanceof CoreEvent.LeaseRead x) {
      w.begin(ev, t, "read-lease").field("node", node);
      if (x.follower() != 0) {
        w.field("follower", x.follower());
      } else {
        w.field("client", x.clientId()).field("clientSeq", x.seq());
      }
      w.field("readIndex", x.readIndex()).field("leaseExpiry", x.leaseExpiry());
    } else if (e instanceof CoreEvent.ReadServed x) {
      w.begin(ev, t, "read-served").field("node", node).field("client", x.clientId()).field("clientSeq", x.seq())
          .field("readIndex", x.readIndex()).field("lastApplied", x.lastApplied());
    } else if (e instanceof CoreEvent.Ignored x) {
      w.begin(ev, t, "ignored").field("node", node).field("input", x.input()).field("sender", x.sender())
          .field("reason", x.reason().name());
    } else {
      throw new IllegalArgumentException("no trace line for " + e);
    }
    w.end();
  }
}
