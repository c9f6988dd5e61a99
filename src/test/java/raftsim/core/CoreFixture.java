package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import raftsim.kv.KvStore;

/**
 * Small helpers for the core's unit tests: building nodes, messages and logs, driving a node into a
 * role through its public inputs only, and reading a {@link Ready}. Every node draws its timeouts from a
 * {@link SplittableRandom} with a fixed seed, so each test is deterministic.
 */
final class CoreFixture {
  private CoreFixture() {}

  /** Election timeout 150..300 ms, heartbeat 50 ms. */
  static final RaftConfig CONFIG = RaftConfig.of(150, 300, 50);
  static final List<Integer> THREE = List.of(1, 2, 3);
  static final List<Integer> FIVE = List.of(1, 2, 3, 4, 5);

  /** A time comfortably after any election a fixture runs, for the inputs a test sends next. */
  static final long LATER = 10_000;

  // ------------------------------------------------------------------------------------ nodes

  static RaftCore node(int id, List<Integer> members, PersistentState stored, long now) {
    return node(id, members, CONFIG, stored, new KvStore(), now);
  }

  static RaftCore node(
      int id, List<Integer> members, RaftConfig config, PersistentState stored, StateMachine sm, long now) {
    return new RaftCore(id, members, config, new SplittableRandom(1_000 + id), sm, stored, now);
  }

  /** A fresh member of {1, 2, 3} with an empty log, started at time 0. */
  static RaftCore fresh(int id) {
    return node(id, THREE, PersistentState.EMPTY, 0);
  }

  static PersistentState stored(long term, int votedFor, List<LogEntry> entries) {
    return new PersistentState(new HardState(term, votedFor), entries);
  }

  /** A follower of {1, 2, 3} starting in {@code term} (no vote) with the given log. */
  static RaftCore follower(int id, long term, List<LogEntry> entries) {
    return node(id, THREE, stored(term, HardState.NO_VOTE, entries), 0);
  }

  /** Lets the election timer of {@code core} fire: it stands for election. */
  static Ready campaign(RaftCore core) {
    return core.tick(core.electionDeadline());
  }

  /**
   * Makes {@code solo}, the only voter of its configuration, leader of a new term: it campaigns, and its
   * storage reports its vote durable (rule 16). Returns the Ready of that report (the one carrying the no-op).
   */
  static Ready electAlone(RaftCore solo) {
    long t = solo.electionDeadline();
    solo.tick(t);
    return solo.hardStatePersisted(solo.currentTerm(), solo.id(), t);
  }

  /**
   * Makes {@code core} leader of a new term: it campaigns and then receives just enough grants, from its
   * lowest-numbered peers. Returns the Ready of the winning vote (the one carrying the no-op).
   */
  static Ready winElection(RaftCore core) {
    long now = core.electionDeadline();
    campaign(core);
    int[] members = core.members();
    int needed = members.length / 2; // plus its own vote
    Ready last = null;
    for (int m : members) {
      if (needed == 0) {
        break;
      }
      if (m != core.id()) {
        last = core.step(grant(m, core.id(), core.currentTerm()), now);
        needed--;
      }
    }
    assertEquals(Role.LEADER, core.role(), "fixture: the node should have won its election");
    return last;
  }

  /** A leader of {1, 2, 3}: node 1, from the given stored state, elected in the next term. */
  static RaftCore leader(PersistentState stored) {
    RaftCore core = node(1, THREE, stored, 0);
    winElection(core);
    return core;
  }

  // -------------------------------------------------------------------------------------- logs

  static LogEntry noop(long index, long term) {
    return new LogEntry(index, term, Payload.NoOp.INSTANCE);
  }

  static LogEntry command(long index, long term, String text) {
    return new LogEntry(index, term, new Payload.Command(900 + index, 1, text));
  }

  /** Entries 1..n, the i-th with {@code terms[i-1]}, each a no-op. */
  static List<LogEntry> logOfTerms(long... terms) {
    List<LogEntry> out = new ArrayList<>();
    for (int i = 0; i < terms.length; i++) {
      out.add(noop(i + 1, terms[i]));
    }
    return out;
  }

  /** The terms of a node's whole log, index 1 first. */
  static long[] termsOf(RaftCore core) {
    LogView log = core.log();
    long[] terms = new long[(int) log.lastIndex()];
    for (int i = 1; i <= log.lastIndex(); i++) {
      terms[i - 1] = log.termAt(i);
    }
    return terms;
  }

  static long[] terms(long... terms) {
    return terms;
  }

  // ---------------------------------------------------------------------------------- messages

  static RequestVote requestVote(int from, int to, long term, long lastLogIndex, long lastLogTerm) {
    return new RequestVote(from, to, term, lastLogIndex, lastLogTerm);
  }

  static RequestVoteReply grant(int from, int to, long term) {
    return RequestVoteReply.grant(from, to, term);
  }

  static RequestVoteReply refuse(int from, int to, long term, VoteRefusal why) {
    return RequestVoteReply.refuse(from, to, term, why);
  }

  static AppendEntries append(
      int from, int to, long term, long prevLogIndex, long prevLogTerm, long leaderCommit, LogEntry... entries) {
    return new AppendEntries(from, to, term, prevLogIndex, prevLogTerm, List.of(entries), leaderCommit, 1);
  }

  static AppendEntriesReply ack(int from, int to, long term, long matchIndex) {
    return AppendEntriesReply.accept(from, to, term, matchIndex, 1);
  }

  static AppendEntriesReply nack(
      int from, int to, long term, AppendRejection why, long rejectedIndex, long conflictTerm, long conflictIndex) {
    return AppendEntriesReply.reject(from, to, term, why, rejectedIndex, conflictTerm, conflictIndex, 1);
  }

  /**
   * What a follower that accepts {@code ae} answers: success up to the last index it covered, echoing its
   * round, so the leader can tell which of its rounds the answer belongs to (diss. §6.4).
   */
  static AppendEntriesReply answer(AppendEntries ae) {
    return AppendEntriesReply.accept(ae.to(), ae.from(), ae.term(), ae.lastIndexCovered(), ae.round());
  }

  // ------------------------------------------------------------------------ reads and snapshots

  /** A client's read-only command: GET {@code key} (diss. §6.4). */
  static ClientRequest get(long clientId, long seq, String key) {
    return new ClientRequest(clientId, seq, "GET " + key);
  }

  /** {@link #CONFIG} with compaction on: a snapshot every {@code everyEntries} applied entries, in chunks of {@code chunkBytes}. */
  static RaftConfig snapshotting(long everyEntries, int chunkBytes) {
    return CONFIG.withSnapshots(everyEntries, chunkBytes);
  }

  /** A key-value store that applied the commands of {@code entries} in order (no-ops do nothing). */
  static KvStore kvAfter(List<LogEntry> entries) {
    KvStore kv = new KvStore();
    for (LogEntry e : entries) {
      if (e.payload() instanceof Payload.Command c) {
        kv.apply(c);
      }
    }
    return kv;
  }

  /** The snapshot bytes of a key-value store that applied the commands of {@code entries}. */
  static byte[] kvBytes(List<LogEntry> entries) {
    return kvAfter(entries).snapshot().bytes();
  }

  /** Entries 1..n of {@code term}, the i-th carrying the command {@code texts[i-1]} (client 900 + i, seq 1). */
  static List<LogEntry> commands(long term, String... texts) {
    List<LogEntry> out = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      out.add(command(i + 1, term, texts[i]));
    }
    return out;
  }

  static InstallSnapshot installSnapshot(
      int from, int to, long term, long lastIncludedIndex, long lastIncludedTerm, long offset, byte[] data,
      boolean done) {
    return new InstallSnapshot(from, to, term, lastIncludedIndex, lastIncludedTerm, offset, data, done);
  }

  /** The whole snapshot in one chunk. */
  static InstallSnapshot wholeSnapshot(
      int from, int to, long term, long lastIncludedIndex, long lastIncludedTerm, byte[] data) {
    return installSnapshot(from, to, term, lastIncludedIndex, lastIncludedTerm, 0, data, true);
  }

  /** The chunk of {@code data} from {@code offset} (inclusive) to {@code end} (exclusive); done when it ends the data. */
  static InstallSnapshot chunk(
      int from, int to, long term, long lastIncludedIndex, long lastIncludedTerm, byte[] data, int offset, int end) {
    return installSnapshot(from, to, term, lastIncludedIndex, lastIncludedTerm, offset,
        Arrays.copyOfRange(data, offset, end), end == data.length);
  }

  /**
   * Plays the network and the disks for {@code nodes} at time {@code now}: delivers the messages of
   * {@code first}, and of every Ready that follows, in the order they were sent; messages to nodes not in
   * the map are lost. Each Ready that writes is made durable at once and reported with
   * {@link RaftCore#persisted} (the last entry written, or the snapshot when no entry was). Returns every
   * Ready produced, in order, {@code first} included.
   */
  static List<Ready> exchange(Map<Integer, RaftCore> nodes, int firstFrom, Ready first, long now) {
    List<Ready> all = new ArrayList<>();
    ArrayDeque<Message> queue = new ArrayDeque<>();
    ArrayDeque<Ready> toFollow = new ArrayDeque<>();
    ArrayDeque<Integer> owners = new ArrayDeque<>();
    toFollow.add(first);
    owners.add(firstFrom);
    int budget = 10_000;
    while (!toFollow.isEmpty() || !queue.isEmpty()) {
      assertTrue(budget-- > 0, "fixture: the exchange does not settle");
      if (!toFollow.isEmpty()) {
        Ready r = toFollow.poll();
        RaftCore owner = nodes.get(owners.poll());
        all.add(r);
        queue.addAll(r.messages());
        Ready durable = reportDurable(owner, r, now);
        if (durable != null) {
          toFollow.add(durable);
          owners.add(owner.id());
        }
        continue;
      }
      Message m = queue.poll();
      RaftCore to = nodes.get(m.to());
      if (to != null) {
        toFollow.add(to.step(m, now));
        owners.add(to.id());
      }
    }
    return all;
  }

  /** The durability report for what {@code r} asked {@code core} to write, or null when it wrote nothing. */
  private static Ready reportDurable(RaftCore core, Ready r, long now) {
    LogWrite w = r.logWrite();
    if (w != null && !w.entries().isEmpty()) {
      LogEntry last = w.entries().get(w.entries().size() - 1);
      return core.persisted(last.index(), last.term(), now);
    }
    if (r.snapshot() != null) {
      return core.persisted(r.snapshot().index(), r.snapshot().term(), now);
    }
    return null;
  }

  /** All client replies of {@code readies}, in order. */
  static List<ClientReply> allReplies(List<Ready> readies) {
    List<ClientReply> out = new ArrayList<>();
    for (Ready r : readies) {
      out.addAll(r.replies());
    }
    return out;
  }

  /** All messages of {@code type} in {@code readies}, in order. */
  static <T extends Message> List<T> allSent(List<Ready> readies, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Ready r : readies) {
      out.addAll(sent(r, type));
    }
    return out;
  }

  // ----------------------------------------------------------------------------- reading Ready

  static <T extends Message> List<T> sent(Ready r, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Message m : r.messages()) {
      if (type.isInstance(m)) {
        out.add(type.cast(m));
      }
    }
    return out;
  }

  /** The one message of {@code type} the Ready sends; fails when there is not exactly one. */
  static <T extends Message> T onlySent(Ready r, Class<T> type) {
    List<T> all = sent(r, type);
    assertEquals(1, all.size(), "expected exactly one " + type.getSimpleName() + " in " + r.messages());
    return all.get(0);
  }

  /** The one message of {@code type} the Ready sends to {@code to}. */
  static <T extends Message> T sentTo(Ready r, Class<T> type, int to) {
    List<T> all = new ArrayList<>();
    for (T m : sent(r, type)) {
      if (m.to() == to) {
        all.add(m);
      }
    }
    assertEquals(1, all.size(), "expected exactly one " + type.getSimpleName() + " to " + to + " in " + r.messages());
    return all.get(0);
  }

  static <T extends CoreEvent> List<T> events(Ready r, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (CoreEvent e : r.events()) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }

  static <T extends ClientReply> List<T> replies(Ready r, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (ClientReply c : r.replies()) {
      if (type.isInstance(c)) {
        out.add(type.cast(c));
      }
    }
    return out;
  }

  static ProgressView progressOf(RaftCore leader, int peer) {
    for (ProgressView p : leader.progress()) {
      if (p.peer() == peer) {
        return p;
      }
    }
    throw new AssertionError("no progress for " + peer + " in " + leader.progress());
  }

  /** Asserts the Ready dropped its input for {@code reason} and asks the world for nothing. */
  static void assertIgnoredOnly(Ready r, IgnoreReason reason) {
    List<CoreEvent.Ignored> ignored = events(r, CoreEvent.Ignored.class);
    assertEquals(1, ignored.size(), "expected one Ignored event in " + r.events());
    assertEquals(reason, ignored.get(0).reason());
    assertEquals(List.of(ignored.get(0)), r.events(), "nothing but the Ignored event");
    assertNull(r.hardState(), "no hard state to persist");
    assertNull(r.logWrite(), "no log write");
    assertTrue(r.messages().isEmpty(), "no messages: " + r.messages());
    assertTrue(r.replies().isEmpty(), "no client replies: " + r.replies());
    assertTrue(r.applied().isEmpty(), "nothing applied");
  }

  // --------------------------------------------------------------------- whole-node snapshots

  /** Everything observable about a node through its public views, to show an input changed nothing. */
  record Observed(
      Role role, long term, int votedFor, long commitIndex, long lastApplied, long durableIndex, int leaderId,
      List<LogEntry> log, List<String> progress, long nextDeadline) {}

  static Observed observe(RaftCore core) {
    LogView log = core.log();
    List<String> progress = new ArrayList<>();
    for (ProgressView p : core.progress()) {
      progress.add(p.peer() + ":" + p.nextIndex() + "/" + p.matchIndex() + "/" + p.replicating());
    }
    return new Observed(core.role(), core.currentTerm(), core.votedFor(), core.commitIndex(), core.lastApplied(),
        core.durableIndex(), core.leaderId(), log.slice(1, log.lastIndex()), progress, core.nextDeadline());
  }

  /** {@link #observe} without the timer: for inputs from the current leader, which may re-arm it (rules 4b, 24). */
  static Observed observeIgnoringTimer(RaftCore core) {
    Observed o = observe(core);
    return new Observed(o.role(), o.term(), o.votedFor(), o.commitIndex(), o.lastApplied(), o.durableIndex(),
        o.leaderId(), o.log(), o.progress(), 0);
  }

  static void assertHardState(Ready r, long term, int votedFor) {
    assertNotNull(r.hardState(), "the Ready must carry the hard state to persist");
    assertEquals(new HardState(term, votedFor), r.hardState());
  }
}
