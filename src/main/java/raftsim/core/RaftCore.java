package raftsim.core;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One Raft node as a pure, deterministic state machine (Ongaro &amp; Ousterhout 2014; after etcd-io/raft's
 * RawNode). It takes one input at a time — a peer's message, a timer deadline, a client proposal, a
 * durability report — and answers with one {@link Ready}: what to persist, what to send, what was
 * applied, what to tell clients, and when to call {@link #tick} next.
 *
 * <p>It touches no clock, thread, network or disk and draws randomness only from the generator it is
 * given, so the simulator and a real server drive this very class unchanged. Field names follow the
 * paper's Figure 2. The rules live in {@link Election} (§5.2, §5.4.1) and {@link Replication} (§5.3,
 * §5.4.2); this class holds the state, the role changes and the inputs.
 */
public final class RaftCore {
  final int id;
  /** The configuration the cluster started with, in force until a snapshot or a log entry says otherwise. */
  private final Configuration bootstrap;
  /** The configuration in force: the latest in the log, appended or committed (diss. §4.1). */
  Configuration configuration;
  /** The configuration in force at commitIndex: a leader replicates to its members too (see syncConfiguration). */
  private Configuration committedConfiguration;
  /** Its voters, this node included when it is one, ascending (so iteration is deterministic). */
  int[] voters;
  /** The voters other than this node, ascending. */
  int[] peers;
  /**
   * Every member but this node, voters and learners, of the configuration in force and of the committed
   * one, ascending: whom a leader replicates to.
   */
  int[] replicas;
  final RaftConfig config;
  private final RandomGenerator random;
  private final StateMachine stateMachine;

  // Persistent state on all servers (Figure 2), made durable through Ready.hardState / Ready.logWrite.
  long currentTerm;
  int votedFor;
  final RaftLog log;

  // Volatile state on all servers (Figure 2).
  long commitIndex;
  long lastApplied;
  /** The last index this node's storage reported durable (RAFT-CHECKLIST rule 16). */
  long durableIndex;
  Role role = Role.FOLLOWER;
  /** The leader of currentTerm as far as this node knows; 0 when unknown. */
  int leaderId;
  long electionDeadline;
  /** Candidate: when it next asks the voters that have not answered again (Figure 2: retry an RPC that failed). */
  long voteRetryAt = Long.MAX_VALUE;
  /** Local time this node last heard from the leader of its term (an AppendEntries or a snapshot chunk). */
  long leaderContactAt = Long.MIN_VALUE / 2;

  // Candidate state: who answered, by position in voters.
  boolean[] voteAnswered;
  int votesGranted;

  // Leader state (Figure 2's nextIndex[] and matchIndex[] live in progress), by position in replicas.
  Progress[] progress;
  /** Counts the AppendEntries this leader sent in its term; replies echo it. */
  long round;
  /** Proposals appended in this term and not yet applied, in log order, waiting for their result. */
  final ArrayDeque<Proposal> pending = new ArrayDeque<>();
  /** Scratch space for commit computation; reused because the core is single-threaded. */
  long[] matchScratch;
  /** The latest snapshot, taken here or installed from a leader; null before the first (§7). */
  Snapshot latestSnapshot;
  final CoreStats.Counter stats = new CoreStats.Counter();

  /** A proposal this leader appended at {@code index}, waiting to be applied. */
  record Proposal(long index, ClientRequest request) {}

  /** Gathers the effects of the input being handled; reused, since inputs never overlap. */
  private final Output output = new Output();

  private final Election election = new Election(this);
  private final PreVoting preVoting = new PreVoting(this);
  private final CheckQuorum checkQuorum = new CheckQuorum(this);
  private final Transfer transfer = new Transfer(this);
  private final Membership membership = new Membership(this);
  private final LeaderLease lease = new LeaderLease(this);
  private final Replication replication = new Replication(this);
  private final SnapshotTransfer snapshots = new SnapshotTransfer(this);
  private final Reads reads;

  /**
   * Starts a node from what it finds on stable storage. Volatile state starts fresh (RAFT-CHECKLIST rule
   * 17): commitIndex and lastApplied are learned again from the leader.
   *
   * @param members the voters the cluster started with (diss. §4.1: its first configuration); a snapshot
   *     or a configuration entry in the stored log supersedes them. This node need not be one of them: a
   *     server to be added starts outside the configuration and waits for a leader to contact it.
   * @param now the node's local time, which arms the first election timer (rule 4e)
   */
  public RaftCore(
      int id, Collection<Integer> members, RaftConfig config, RandomGenerator random,
      StateMachine stateMachine, PersistentState stored, long now) {
    if (id < 1) {
      throw new IllegalArgumentException("node ids are positive, got " + id);
    }
    this.id = id;
    this.bootstrap = Configuration.of(members);
    this.config = config;
    this.random = random;
    this.stateMachine = stateMachine;
    this.currentTerm = stored.hardState().term();
    this.votedFor = stored.hardState().votedFor();
    Snapshot snapshot = stored.snapshot();
    if (snapshot == null) {
      this.log = new RaftLog(0, 0, bootstrap, stored.entries());
    } else {
      // Rule 17: the state machine restarts from the snapshot; the log after it is re-applied once
      // the leader says it is committed. The snapshot knows the configuration at its index (§4.1).
      this.log = new RaftLog(snapshot.index(), snapshot.term(), configurationOf(snapshot), stored.entries());
      stateMachine.restore(snapshot.data());
      this.lastApplied = snapshot.index();
      this.commitIndex = snapshot.index();
      this.latestSnapshot = snapshot;
    }
    this.durableIndex = log.lastIndex();
    // An incarnation number for read ids: from the random source and the start time together, so two
    // starts of a node differ even if a driver hands both the same seed.
    this.reads = new Reads(this, (random.nextLong() ^ (now * 0x9E3779B97F4A7C15L)) & 0x7fffffffL);
    useConfiguration(log.configuration(), log.configurationAt(commitIndex));
    resetElectionTimer(now);
  }

  /** The configuration a snapshot carries, or the starting one for a snapshot that stored none. */
  Configuration configurationOf(Snapshot s) {
    return s.configuration() == null ? bootstrap : s.configuration();
  }

  // ---------------------------------------------------------------------------------------- inputs

  /** Handles a message from a peer. Never throws on a message a faulty peer could send. */
  public Ready step(Message m, long now) {
    Output out = output;
    IgnoreReason invalid = Validation.check(this, m);
    if (invalid != null) {
      out.event(new CoreEvent.Ignored(m.type(), m.from(), invalid));
      return finish(out, now);
    }
    // §5.1: a higher term makes any node a follower of that term before it handles the message — except
    // a pre-vote and its grant, which carry a term nobody has entered yet (diss. §9.6).
    boolean adopted = m.term() > currentTerm && !(m instanceof PreVote) && !(m instanceof PreVoteReply p && p.granted());
    if (adopted && m instanceof RequestVote rv && checkQuorum.refusesVote(rv, now, out)) {
      return finish(out, now); // diss. §4.2.3: refused without adopting the candidate's term
    }
    if (adopted) {
      // An AppendEntries comes from the leader of its term: pending clients can be pointed there.
      adoptTerm(m.term(), m.from(), m instanceof AppendEntries ? m.from() : HardState.NO_VOTE, now, out);
    }
    if (m instanceof RequestVote rv) {
      election.onRequestVote(rv, now, out);
    } else if (m instanceof RequestVoteReply r) {
      election.onVoteReply(r, adopted, now, out);
    } else if (m instanceof AppendEntries ae) {
      replication.onAppendEntries(ae, now, out);
    } else if (m instanceof AppendEntriesReply r) {
      replication.onAppendReply(r, adopted, now, out);
    } else if (m instanceof InstallSnapshot is) {
      snapshots.onInstallSnapshot(is, now, out);
    } else if (m instanceof InstallSnapshotReply r) {
      snapshots.onReply(r, adopted, now, out);
    } else if (m instanceof ReadIndex ri) {
      reads.onReadIndex(ri, now, out);
    } else if (m instanceof ReadIndexReply r) {
      reads.onReadIndexReply(r, out);
    } else if (m instanceof PreVote pv) {
      preVoting.onPreVote(pv, now, out);
    } else if (m instanceof PreVoteReply r) {
      preVoting.onReply(r, adopted, now, out);
    } else if (m instanceof TimeoutNow t) {
      transfer.onTimeoutNow(t, now, out);
    }
    return finish(out, now);
  }

  /** The timer armed for {@link Ready#nextDeadline} went off at local time {@code now}. */
  public Ready tick(long now) {
    Output out = output;
    if (role == Role.LEADER) {
      replication.heartbeat(now, out);
      transfer.checkTimeout(now, out);
      checkQuorum.check(now, out);
    } else if (now >= electionDeadline) {
      election.timeout(now, out);
    } else if (role == Role.CANDIDATE && now >= voteRetryAt) {
      election.retry(now, out);
    } else if (preVoting.active() && now >= voteRetryAt) {
      preVoting.retry(now, out);
    }
    // Forwarded reads past their expiry are answered in finish().
    return finish(out, now);
  }

  /**
   * A client proposes a command. A leader appends it and answers once it is applied; any other node
   * answers {@link ClientReply.NotLeader} with the leader it knows of.
   */
  public Ready propose(ClientRequest request, long now) {
    return propose(List.of(request), now);
  }

  /**
   * Several proposals at once: a leader appends them all and then sends each follower what it lacks, so
   * a driver that gathers proposals (a server under load) sends one AppendEntries for many.
   */
  public Ready propose(List<ClientRequest> requests, long now) {
    Output out = output;
    if (role != Role.LEADER || transfer.active()) {
      // Diss. §3.10: a leader handing over office takes no new proposals; it points clients at the
      // node that is about to lead.
      int hint = role == Role.LEADER ? transfer.target() : leaderId;
      for (ClientRequest request : requests) {
        out.reply(new ClientReply.NotLeader(request.clientId(), request.seq(), hint));
      }
      return finish(out, now);
    }
    for (ClientRequest request : requests) {
      LogEntry entry = new LogEntry(log.lastIndex() + 1, currentTerm, request.payload());
      appendOwn(entry, out);
      pending.addLast(new Proposal(entry.index(), request));
    }
    replication.broadcast(now, out);
    return finish(out, now);
  }

  /**
   * A client's read-only command (a GET): served by ReadIndex (diss. §6.4) without appending to the
   * log — on the leader after confirming its leadership, on a follower through its leader. A node that
   * knows no leader answers {@link ClientReply.NotLeader}.
   */
  public Ready read(ClientRequest request, long now) {
    Output out = output;
    reads.onRead(request, now, out);
    return finish(out, now);
  }

  /**
   * An operator asks this node, the leader, to hand over office to {@code target} (Raft dissertation
   * §3.10): it stops accepting proposals, brings the target's log up to date, and tells it to stand for
   * election at once. Refused when this node does not lead or the target is not another voter.
   */
  public AdminResult transferLeadership(int target, long now) {
    Output out = output;
    AdminRefusal refusal = transfer.start(target, now, out);
    return new AdminResult(finish(out, now), refusal);
  }

  /**
   * Storage made the log durable up to {@code index}, whose entry had {@code term}. A leader counts
   * itself toward a majority only for durable entries (RAFT-CHECKLIST rule 16), so this may commit.
   */
  public Ready persisted(long index, long term, long now) {
    Output out = output;
    if (index < 1 || index > log.lastIndex() || log.termAt(index) != term) {
      // The entries were truncated after the write was issued (a later write covers the new ones),
      // or the report names entries this log never held.
      out.event(new CoreEvent.Ignored("Persisted", id, IgnoreReason.STALE_PERSIST_REPORT));
      return finish(out, now);
    }
    if (index > durableIndex) {
      durableIndex = index;
      if (role == Role.LEADER) {
        replication.maybeCommit(now, out);
      }
    }
    return finish(out, now);
  }

  /**
   * Storage made the hard state ({@code term}, {@code votedFor}) durable. A node that is the only voter
   * of its configuration and stood for election counts its own vote only now, and so takes office only
   * now (RAFT-CHECKLIST rule 16); nothing else waits for it.
   */
  public Ready hardStatePersisted(long term, int votedFor, long now) {
    Output out = output;
    election.onHardStatePersisted(term, votedFor, now, out);
    return finish(out, now);
  }

  // ------------------------------------------------------------------------------- state changes

  /** §5.1 (RAFT-CHECKLIST rule 1): adopt a higher term, forget the vote, and follow. */
  private void adoptTerm(long term, int sender, int leader, long now, Output out) {
    out.event(new CoreEvent.TermAdopted(currentTerm, term, sender));
    currentTerm = term;
    votedFor = HardState.NO_VOTE;
    out.hardStateChanged();
    becomeFollower(leader, now, out);
  }

  void becomeFollower(int leader, long now, Output out) {
    preVoting.stop();
    Role old = role;
    role = Role.FOLLOWER;
    leaderId = leader;
    if (old == Role.LEADER) {
      stopLeading(out);
      resetElectionTimer(now); // rule 4(d): a deposed leader waits a full timeout before standing
    }
    if (old != Role.FOLLOWER) {
      out.event(new CoreEvent.RoleChanged(old, Role.FOLLOWER, currentTerm, leader));
    }
  }

  void becomeCandidate(long now, Output out) {
    preVoting.stop();
    Role old = role;
    currentTerm++;
    votedFor = id;
    out.hardStateChanged();
    role = Role.CANDIDATE;
    leaderId = HardState.NO_VOTE;
    reads.abandonForwarded(out);
    Arrays.fill(voteAnswered, false);
    votesGranted = 0;
    if (isVoter(id)) { // diss. §4.2.2: a server its configuration removes stands without its own vote
      voteAnswered[position(id)] = true;
      votesGranted = 1;
    }
    resetElectionTimer(now); // rule 4(c)
    if (old != Role.CANDIDATE) {
      out.event(new CoreEvent.RoleChanged(old, Role.CANDIDATE, currentTerm, 0));
    }
  }

  void becomeLeader(long now, Output out) {
    reads.abandonForwarded(out);
    role = Role.LEADER;
    leaderId = id;
    round = 0;
    lease.reset();
    progress = new Progress[replicas.length];
    for (int i = 0; i < replicas.length; i++) {
      progress[i] = newProgress(replicas[i], now);
    }
    out.event(new CoreEvent.RoleChanged(Role.CANDIDATE, Role.LEADER, currentTerm, id));
    // Diss. §6.4 (RAFT-CHECKLIST rule 8): a no-op of the new term lets earlier entries commit.
    appendOwn(new LogEntry(log.lastIndex() + 1, currentTerm, Payload.NoOp.INSTANCE), out);
    replication.broadcast(now, out);
  }

  /** The node no longer takes anyone for its leader (it is about to seek office itself). */
  void forgetLeader(Output out) {
    leaderId = HardState.NO_VOTE;
    reads.abandonForwarded(out);
  }

  /**
   * Whether this node has heard from a current leader within the minimum election timeout — or leads
   * itself: then it sees no reason for an election (diss. §9.6, §4.2.3).
   */
  boolean heardFromLeader(long now) {
    return role == Role.LEADER
        || (leaderId != HardState.NO_VOTE && now - leaderContactAt < config.electionTimeoutMinMs());
  }

  /** A leader that loses office cannot know whether its pending proposals will commit (rule 19). */
  private void stopLeading(Output out) {
    transfer.clear();
    for (Proposal p : pending) {
      out.reply(new ClientReply.OutcomeUnknown(p.request().clientId(), p.request().seq(), leaderId));
    }
    pending.clear();
    reads.abandon(out);
    progress = null;
  }

  /** The leader appends to its own log: only ever at the end (Leader Append-Only, §5.3). */
  void appendOwn(LogEntry entry, Output out) {
    log.append(entry);
    out.logChangedFrom(entry.index());
    out.event(new CoreEvent.EntriesAppended(entry.index(), entry.index(), entry.term(), 0));
  }

  /**
   * Diss. §4.1: the configuration in force is the latest in the log, so an append, a truncation or a
   * snapshot install may change it. A leader starts replicating to new members at once. It goes on
   * replicating to a removed member until the configuration that removes it commits, so that the
   * member most likely learns of its removal and stops standing for election; then it stops.
   */
  void syncConfiguration(long now, Output out) {
    Configuration latest = log.configuration();
    Configuration committed = log.configurationAt(Math.max(commitIndex, log.snapshotIndex()));
    if (latest == configuration && committed == committedConfiguration) {
      return;
    }
    boolean changed = latest != configuration;
    useConfiguration(latest, committed);
    if (role == Role.LEADER) {
      Progress[] old = progress;
      progress = new Progress[replicas.length];
      for (int i = 0; i < replicas.length; i++) {
        Progress kept = null;
        for (Progress p : old) {
          if (p.peer() == replicas[i]) {
            kept = p;
          }
        }
        progress[i] = kept != null ? kept : newProgress(replicas[i], now);
      }
    }
    if (changed) {
      out.event(new CoreEvent.ConfigurationChanged(log.configurationIndex(), latest.voters(), latest.learners()));
    }
  }

  private void useConfiguration(Configuration latest, Configuration committed) {
    configuration = latest;
    committedConfiguration = committed;
    voters = latest.voters().stream().mapToInt(Integer::intValue).toArray();
    peers = Arrays.stream(voters).filter(v -> v != id).toArray();
    java.util.TreeSet<Integer> members = new java.util.TreeSet<>();
    members.addAll(latest.voters());
    members.addAll(latest.learners());
    members.addAll(committed.voters());
    members.addAll(committed.learners());
    members.remove(id);
    replicas = members.stream().mapToInt(Integer::intValue).toArray();
    if (voteAnswered == null || voteAnswered.length != voters.length) {
      voteAnswered = new boolean[voters.length];
      matchScratch = new long[voters.length];
    }
  }

  /** A leader starts tracking {@code peer}: its log is probed from the leader's end (§5.3). */
  private Progress newProgress(int peer, long now) {
    Progress p = new Progress(peer, log.lastIndex() + 1, config.maxInflightAppends(), now);
    p.startCatchUp(now, log.lastIndex());
    return p;
  }

  /** Rule 7: a fresh random timeout each time, from this node's own seeded source. */
  void resetElectionTimer(long now) {
    long min = config.electionTimeoutMinMs();
    long spread = config.electionTimeoutMaxMs() - min + 1;
    electionDeadline = now + min + random.nextLong(spread);
  }

  /** Applies committed entries in index order, exactly once each (§5.3, RAFT-CHECKLIST rule 15). */
  private void applyCommitted(Output out) {
    while (lastApplied < commitIndex) {
      LogEntry entry = log.entry(lastApplied + 1);
      lastApplied = entry.index();
      String result = null;
      if (entry.payload() instanceof Payload.Command command) {
        result = stateMachine.apply(command);
      }
      out.applied(new AppliedEntry(entry, result));
      Proposal waiting = pending.peekFirst();
      if (waiting != null && waiting.index() == entry.index()) {
        pending.pollFirst();
        // Rule 19: the leader answers only once the entry is applied.
        ClientRequest r = waiting.request();
        out.reply(new ClientReply.Applied(r.clientId(), r.seq(), entry.index(), result));
      }
    }
  }

  private Ready finish(Output out, long now) {
    syncConfiguration(now, out);
    applyCommitted(out);
    snapshots.maybeTake(out);
    reads.confirm(out); // a one-node cluster confirms its reads by itself, with no reply to wait for
    reads.serve(now, out);
    return out.freeze(currentTerm, votedFor, log, nextDeadline());
  }

  /** {@code member}'s position among the voters, negative when it is none. */
  int position(int member) {
    return Arrays.binarySearch(voters, member);
  }

  /**
   * Counts one answer to this node's election or pre-election: each voter of its configuration once
   * (§5.2). Returns false, having said why, when the answer does not count.
   */
  boolean countVote(Message reply, boolean granted, Output out) {
    int pos = position(reply.from());
    if (pos < 0) {
      out.event(new CoreEvent.Ignored(reply.type(), reply.from(), IgnoreReason.NOT_A_VOTER)); // its vote does not count
      return false;
    }
    if (voteAnswered[pos]) {
      out.event(new CoreEvent.Ignored(reply.type(), reply.from(), IgnoreReason.DUPLICATE_VOTE));
      return false;
    }
    voteAnswered[pos] = true;
    if (granted) {
      votesGranted++;
    }
    return true;
  }

  /** Whether {@code member} is a voter of this node's configuration. */
  boolean isVoter(int member) {
    return position(member) >= 0;
  }

  /**
   * Whether this node may stand for election (diss. §4.1, §4.2.2). A voter of the configuration in force
   * may. So may a voter that the latest configuration entry removes, while that entry is not known
   * committed here: it may hold the only copy of the change, and then the remaining voters, whose logs
   * are shorter, refuse each other their votes until it leads, commits the change and steps down. It
   * counts only the votes of its configuration's voters, not its own. A learner, a spare, or a server
   * that knows its removal committed never stands, so it cannot disrupt the cluster it left.
   */
  public boolean mayStand() {
    if (isVoter(id)) {
      return true;
    }
    long at = log.configurationIndex();
    return at > commitIndex && log.configurationAt(at - 1).isVoter(id);
  }

  Transfer transfer() {
    return transfer;
  }

  Membership membership() {
    return membership;
  }

  LeaderLease lease() {
    return lease;
  }

  /**
   * When this leader's read lease ends, in its local time (diss. §6.4.1); Long.MIN_VALUE when it holds
   * none (not leader, lease reads off, or a transfer under way).
   */
  public long leaseExpiry() {
    return lease.expiry();
  }

  /** The leader's progress for {@code peer}, or null when it replicates nothing to it (not a member). */
  Progress progressOf(int peer) {
    int at = Arrays.binarySearch(replicas, peer);
    return at < 0 ? null : progress[at];
  }

  StateMachine stateMachine() {
    return stateMachine;
  }

  Replication replication() {
    return replication;
  }

  Election election() {
    return election;
  }

  PreVoting preVoting() {
    return preVoting;
  }

  SnapshotTransfer snapshots() {
    return snapshots;
  }

  Reads reads() {
    return reads;
  }

  /**
   * Turns the reporting of {@link Ready#events} on (the default) or off. Nothing the core decides
   * depends on it; a driver that neither traces nor explains can save the work.
   */
  public void reportEvents(boolean on) {
    output.reportEvents(on);
  }

  // ------------------------------------------------------------------------------ read-only views

  public int id() {
    return id;
  }

  public Role role() {
    return role;
  }

  public long currentTerm() {
    return currentTerm;
  }

  public int votedFor() {
    return votedFor;
  }

  public long commitIndex() {
    return commitIndex;
  }

  public long lastApplied() {
    return lastApplied;
  }

  public long durableIndex() {
    return durableIndex;
  }

  /** The leader this node knows of in its current term, 0 when none. */
  public int leaderId() {
    return leaderId;
  }

  public LogView log() {
    return log;
  }

  /** The latest snapshot this node holds, or null. */
  public Snapshot latestSnapshot() {
    return latestSnapshot;
  }

  /** What this node did since it started. */
  public CoreStats stats() {
    return stats.freeze();
  }

  /** The voting members of the configuration in force, ascending. */
  public int[] members() {
    return voters.clone();
  }

  /** The configuration in force: the latest in this node's log, committed or not (diss. §4.1). */
  public Configuration configuration() {
    return configuration;
  }

  /** The node this leader is handing office to (diss. §3.10), or 0 when no transfer is under way. */
  public int transferTarget() {
    return transfer.target();
  }

  /**
   * An operator asks this node, the leader, to add server {@code server} (Raft dissertation §4.1): it
   * joins as a learner, reachable at {@code address} ("" when the driver needs none), and the leader
   * makes it a voter once it has caught up (§4.2.1). One change at a time, and only once the leader has
   * committed an entry of its own term.
   */
  public AdminResult addServer(int server, String address, long now) {
    Output out = output;
    AdminRefusal refusal = membership.add(server, address, now, out);
    return new AdminResult(finish(out, now), refusal);
  }

  /**
   * An operator asks this node, the leader, to remove server {@code server}, which may be itself (diss.
   * §4.1, §4.2.2). Same rules as {@link #addServer}.
   */
  public AdminResult removeServer(int server, long now) {
    Output out = output;
    AdminRefusal refusal = membership.remove(server, now, out);
    return new AdminResult(finish(out, now), refusal);
  }

  /**
   * When this node's election timer goes off (§5.2), in local time; meaningless for a leader. Its next
   * tick may come earlier: a candidate also asks unanswered voters again every heartbeat interval.
   */
  public long electionDeadline() {
    return electionDeadline;
  }

  /** The node-local time at which {@link #tick} must next be called. */
  public long nextDeadline() {
    if (role != Role.LEADER) {
      long next = Math.min(electionDeadline, reads.nextExpiry());
      return role == Role.CANDIDATE || preVoting.active() ? Math.min(next, voteRetryAt) : next;
    }
    long next = Math.min(checkQuorum.deadline(), transfer.deadline());
    for (Progress p : progress) {
      next = Math.min(next, p.lastSentAt() + config.heartbeatMs());
    }
    return next;
  }

  /** A leader's view of each follower, ascending by id; empty when not leader. */
  public List<ProgressView> progress() {
    return progress == null ? List.of() : List.<ProgressView>of(progress);
  }
}
