package raftsim.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * Linearizable reads without the log: ReadIndex (Raft dissertation §6.4; RAFT-CHECKLIST rules 20–21),
 * or, with lease reads on, from the leader's lease while it holds one ({@link LeaderLease}, §6.4.1).
 *
 * <p>The leader serves a read only after (a) an entry of its own term has committed, (b) it has noted
 * its commit index as the read index, (c) a majority has answered a round of AppendEntries sent after
 * the read arrived — so it was still leader when the read arrived — and (d) its state machine has
 * applied up to the read index. A follower forwards a read to its leader, gets the read index back,
 * and serves the read itself once it has applied that far.
 */
final class Reads {
  /** A read the leader is confirming: for its own client, or for a follower's. */
  private static final class LeaderRead {
    final ClientRequest request; // null when forwarded
    final int follower;
    final long followerReadId;
    long readIndex;
    /** The leader's AppendEntries counter when the read arrived: only later rounds can confirm it. */
    long round;
    boolean confirmed;

    LeaderRead(ClientRequest request, int follower, long followerReadId) {
      this.request = request;
      this.follower = follower;
      this.followerReadId = followerReadId;
    }
  }

  /** A read a follower forwarded and is waiting on: to which leader, in which term. */
  private static final class ForwardedRead {
    final ClientRequest request;
    final int leader;
    final long term;
    final long expiresAt;
    long readIndex = -1; // known once the leader answers

    ForwardedRead(ClientRequest request, int leader, long term, long expiresAt) {
      this.request = request;
      this.leader = leader;
      this.term = term;
      this.expiresAt = expiresAt;
    }
  }

  private final RaftCore core;
  /** Leader: reads in arrival order. Those waiting for the term's first commit have no read index yet. */
  private final ArrayDeque<LeaderRead> leaderReads = new ArrayDeque<>();
  /** Follower: forwarded reads by read id (ascending, so iteration is deterministic). */
  private final TreeMap<Long, ForwardedRead> forwarded = new TreeMap<>();
  /**
   * Read ids carry a high half that differs for every start of the node, so that an answer to a read
   * forwarded before a restart can never be taken for one forwarded after it; replies must also come
   * from the leader, and in the term, the read was forwarded to.
   */
  private long nextReadId;

  Reads(RaftCore core, long incarnation) {
    this.core = core;
    this.nextReadId = incarnation << 32;
  }

  /** A client's read-only command reached this node. */
  void onRead(ClientRequest request, long now, Output out) {
    if (core.role == Role.LEADER && byLease(now)) {
      // Diss. §6.4.1: within its lease no other leader can exist; the commit index is current (rule 20(a)).
      LeaderRead read = new LeaderRead(request, 0, 0);
      read.readIndex = core.commitIndex;
      read.confirmed = true;
      core.stats.leaseReads++;
      out.event(new CoreEvent.LeaseRead(0, request.clientId(), request.seq(), core.commitIndex, core.leaseExpiry()));
      leaderReads.addLast(read);
    } else if (core.role == Role.LEADER) {
      admit(new LeaderRead(request, 0, 0), now, out);
    } else if (core.leaderId != 0) {
      long id = ++nextReadId;
      forwarded.put(id, new ForwardedRead(request, core.leaderId, core.currentTerm,
          now + 2 * core.config.electionTimeoutMaxMs()));
      out.send(new ReadIndex(core.id, core.leaderId, core.currentTerm, id));
      out.event(new CoreEvent.ReadForwarded(request.clientId(), request.seq(), core.leaderId));
    } else {
      out.reply(new ClientReply.NotLeader(request.clientId(), request.seq(), 0));
    }
  }

  /** Leader: a follower asks for a read index. */
  void onReadIndex(ReadIndex m, long now, Output out) {
    if (m.term() < core.currentTerm || core.role != Role.LEADER) {
      out.send(new ReadIndexReply(core.id, m.from(), core.currentTerm, m.readId(), false, 0, core.leaderId));
      return;
    }
    if (byLease(now)) {
      core.stats.leaseReads++;
      out.event(new CoreEvent.LeaseRead(m.from(), 0, 0, core.commitIndex, core.leaseExpiry()));
      out.send(new ReadIndexReply(core.id, m.from(), core.currentTerm, m.readId(), true, core.commitIndex, core.id));
      return;
    }
    admit(new LeaderRead(null, m.from(), m.readId()), now, out);
  }

  /** Follower: the leader's answer to a forwarded read. */
  void onReadIndexReply(ReadIndexReply r, Output out) {
    ForwardedRead read = forwarded.get(r.readId());
    if (read == null || read.readIndex >= 0 || read.leader != r.from() || read.term != r.term()) {
      out.event(new CoreEvent.Ignored(r.type(), r.from(), IgnoreReason.STALE_REPLY));
      return;
    }
    if (!r.ok()) {
      forwarded.remove(r.readId());
      out.reply(new ClientReply.NotLeader(read.request.clientId(), read.request.seq(), r.leaderHint()));
      return;
    }
    read.readIndex = r.readIndex();
    out.event(new CoreEvent.ReadIndexConfirmed(read.request.clientId(), read.request.seq(), r.readIndex(), r.from()));
  }

  /**
   * Whether a read may be answered from the lease now (diss. §6.4.1): lease reads are on, the lease
   * holds, and an entry of this term has committed (rule 20(a): only then is the commit index current).
   * Otherwise the read takes the ReadIndex way, whose heartbeat round renews the lease as well.
   */
  private boolean byLease(long now) {
    return core.config.leaseReads() && committedInCurrentTerm() && core.lease().holds(now);
  }

  private void admit(LeaderRead read, long now, Output out) {
    leaderReads.addLast(read);
    if (committedInCurrentTerm()) {
      start(read, now, out);
    }
    // Otherwise rule 20(a): it waits for the no-op of this term to commit (see onCommit).
    confirm(out);
  }

  /** Rule 20(a): the leader's commit index is only known to be current once an entry of its term committed. */
  private boolean committedInCurrentTerm() {
    return core.log.termAt(core.commitIndex) == core.currentTerm;
  }

  /** Rule 20(b, c): note the read index, then send a round of AppendEntries after the read's arrival. */
  private void start(LeaderRead read, long now, Output out) {
    read.readIndex = core.commitIndex;
    read.round = core.round;
    core.replication().heartbeatRound(now, out);
  }

  /** Leader: commitIndex moved; reads waiting for the term's first commit can start. */
  void onCommit(long now, Output out) {
    if (core.role != Role.LEADER || !committedInCurrentTerm()) {
      return;
    }
    boolean started = false;
    for (LeaderRead r : leaderReads) {
      if (r.readIndex == 0 && !r.confirmed) {
        r.readIndex = core.commitIndex;
        r.round = core.round;
        started = true;
      }
    }
    if (started) {
      core.replication().heartbeatRound(now, out);
    }
  }

  /** Leader: a follower answered a round; reads whose rounds a majority has now answered are confirmed. */
  void confirm(Output out) {
    if (core.role != Role.LEADER) {
      return;
    }
    int needed = Quorum.majority(core.voters.length);
    for (LeaderRead r : leaderReads) {
      if (r.confirmed || r.readIndex == 0) {
        continue;
      }
      // Only the voters of the configuration in force count, the leader among them only while it is one
      // (diss. §4.2.2); learners answer rounds too, but prove nothing about who leads.
      int votes = 0;
      for (int voter : core.voters) {
        if (voter == core.id || core.progressOf(voter).ackedRound() > r.round) {
          votes++;
        }
      }
      if (votes < needed) {
        break; // later reads started later, so they cannot be confirmed either
      }
      r.confirmed = true;
      core.stats.readIndexConfirmed++;
      if (r.request != null) {
        out.event(new CoreEvent.ReadIndexConfirmed(r.request.clientId(), r.request.seq(), r.readIndex, core.id));
      } else {
        out.send(new ReadIndexReply(core.id, r.follower, core.currentTerm, r.followerReadId, true, r.readIndex, core.id));
      }
    }
  }

  /** Rule 20(d): serves every confirmed read whose read index the state machine has reached. */
  void serve(long now, Output out) {
    while (!leaderReads.isEmpty() && leaderReads.peekFirst().confirmed) {
      LeaderRead r = leaderReads.peekFirst();
      if (r.request != null && r.readIndex > core.lastApplied) {
        break;
      }
      leaderReads.pollFirst();
      if (r.request != null) {
        answer(r.request, r.readIndex, out);
      }
    }
    if (forwarded.isEmpty()) {
      return;
    }
    Iterator<ForwardedRead> it = forwarded.values().iterator();
    while (it.hasNext()) {
      ForwardedRead f = it.next();
      if (f.readIndex >= 0 && f.readIndex <= core.lastApplied) {
        it.remove();
        answer(f.request, f.readIndex, out);
      } else if (now >= f.expiresAt) {
        it.remove(); // the leader never answered: let the client try elsewhere
        out.reply(new ClientReply.NotLeader(f.request.clientId(), f.request.seq(), core.leaderId));
      }
    }
  }

  private void answer(ClientRequest request, long readIndex, Output out) {
    String result = core.stateMachine().read(request.command());
    core.stats.readsServed++;
    out.event(new CoreEvent.ReadServed(request.clientId(), request.seq(), readIndex, core.lastApplied));
    out.reply(new ClientReply.Applied(request.clientId(), request.seq(), readIndex, result));
  }

  /** The node stopped being leader, or changed leader: no read under way can be trusted any more. */
  void abandon(Output out) {
    List<LeaderRead> reads = new ArrayList<>(leaderReads);
    leaderReads.clear();
    for (LeaderRead r : reads) {
      if (r.request != null) {
        out.reply(new ClientReply.NotLeader(r.request.clientId(), r.request.seq(), core.leaderId));
      } else {
        out.send(new ReadIndexReply(core.id, r.follower, core.currentTerm, r.followerReadId, false, 0, core.leaderId));
      }
    }
  }

  /** Follower reads waiting on a leader that is gone are answered "not leader". */
  void abandonForwarded(Output out) {
    for (ForwardedRead f : forwarded.values()) {
      out.reply(new ClientReply.NotLeader(f.request.clientId(), f.request.seq(), core.leaderId));
    }
    forwarded.clear();
  }

  /** The earliest time a forwarded read gives up, or Long.MAX_VALUE. */
  long nextExpiry() {
    long next = Long.MAX_VALUE;
    for (ForwardedRead f : forwarded.values()) {
      if (f.readIndex < 0) {
        next = Math.min(next, f.expiresAt);
      }
    }
    return next;
  }
}
