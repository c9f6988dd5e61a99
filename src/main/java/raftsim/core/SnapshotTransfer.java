package raftsim.core;

/**
 * Log compaction and InstallSnapshot (§7; RAFT-CHECKLIST rules 23–25): taking snapshots, sending them
 * in chunks to followers that need compacted entries, and assembling and installing them.
 */
final class SnapshotTransfer {
  private final RaftCore core;
  /** The snapshot being received: its index and term, and the bytes so far, in order. */
  private long receivingIndex;
  private long receivingTerm;
  private byte[] received;
  private int receivedLength;

  SnapshotTransfer(RaftCore core) {
    this.core = core;
  }

  /**
   * §7: once the node has applied {@code snapshotEveryEntries} entries past its last snapshot, it
   * snapshots the state machine at lastApplied and compacts its log. It keeps the last half-threshold
   * of entries before the snapshot in memory, so that a follower a little behind (one lost message)
   * is repaired with AppendEntries rather than sent the whole snapshot, as etcd keeps a catch-up margin.
   */
  void maybeTake(Output out) {
    long every = core.config.snapshotEveryEntries();
    RaftLog log = core.log;
    long last = core.latestSnapshot == null ? 0 : core.latestSnapshot.index();
    if (every == 0 || core.lastApplied - last < every) {
      return;
    }
    long index = core.lastApplied;
    Snapshot s = new Snapshot(index, log.termAt(index), core.stateMachine().snapshot(), log.configurationAt(index));
    long compactTo = index - every / 2;
    if (compactTo > log.snapshotIndex()) {
      log.compactTo(compactTo);
    }
    core.latestSnapshot = s;
    core.stats.snapshotsTaken++;
    out.snapshot(s);
    out.event(new CoreEvent.SnapshotTaken(s.index(), s.term(), log.size()));
  }

  // ------------------------------------------------------------------------------ leader side

  /**
   * Sends the next chunk of the snapshot {@code p}'s follower needs: one chunk at a time, the next once
   * the last is acknowledged; a heartbeat repeats an unanswered one.
   */
  void sendChunk(Progress p, long now, boolean heartbeat, Output out) {
    if (p.sending() == null || (!p.canSendChunk() && !heartbeat)) {
      return;
    }
    Snapshot s = p.sending();
    byte[] bytes = s.data().bytes();
    int offset = (int) Math.min(p.snapshotOffset(), bytes.length);
    int length = Math.min(core.config.snapshotChunkBytes(), bytes.length - offset);
    byte[] chunk = new byte[length];
    System.arraycopy(bytes, offset, chunk, 0, length);
    boolean done = offset + length == bytes.length;
    out.send(new InstallSnapshot(core.id, p.peer(), core.currentTerm, s.index(), s.term(), offset, chunk, done,
        core.configurationOf(s)));
    p.chunkSent(now);
    core.stats.snapshotChunksSent++;
    out.event(new CoreEvent.SnapshotChunkSent(p.peer(), s.index(), offset, length, bytes.length, done));
  }

  /** A follower's answer to a chunk. */
  void onReply(InstallSnapshotReply r, boolean adopted, long now, Output out) {
    if (adopted) {
      return;
    }
    if (r.term() < core.currentTerm) {
      out.event(new CoreEvent.Ignored(r.type(), r.from(), IgnoreReason.STALE_REPLY));
      return;
    }
    if (core.role != Role.LEADER) {
      out.event(new CoreEvent.Ignored(r.type(), r.from(), IgnoreReason.NOT_LEADER));
      return;
    }
    Progress p = core.progressOf(r.from());
    if (p == null) {
      out.event(new CoreEvent.Ignored(r.type(), r.from(), IgnoreReason.UNKNOWN_SENDER));
      return;
    }
    p.heard(now);
    Snapshot s = p.sending();
    if (s == null || r.lastIncludedIndex() != s.index()) {
      out.event(new CoreEvent.Ignored(r.type(), r.from(), IgnoreReason.STALE_REPLY));
      return;
    }
    if (r.installed()) {
      p.snapshotInstalled(s.index());
      core.replication().maybeCommit(now, out);
      if (core.role != Role.LEADER) {
        return;
      }
      core.transfer().onProgress(p, out);
      core.membership().onReplicated(p, now, out);
      core.replication().send(p, now, false, out);
    } else if (r.nextOffset() > p.snapshotOffset() || r.nextOffset() == 0) {
      // Progress, or a follower that lost what it had (it restarted) and needs the snapshot again.
      p.chunkAcknowledged(r.nextOffset());
      sendChunk(p, now, false, out);
    } else {
      // A duplicated or late answer about a chunk already passed: going back would resend it (rule 25).
      out.event(new CoreEvent.Ignored(r.type(), r.from(), IgnoreReason.STALE_REPLY));
    }
  }

  // ---------------------------------------------------------------------------- follower side

  /** InstallSnapshot receiver implementation (Figure 13). The term was already brought up to date. */
  void onInstallSnapshot(InstallSnapshot m, long now, Output out) {
    if (m.term() < core.currentTerm) {
      // §7 step 1: refuse a stale leader; the reply's term tells it to step down. No timer reset.
      out.send(new InstallSnapshotReply(core.id, m.from(), core.currentTerm, m.lastIncludedIndex(), 0, false));
      return;
    }
    if (core.role == Role.LEADER) {
      out.event(new CoreEvent.Ignored(m.type(), m.from(), IgnoreReason.SECOND_LEADER_IN_TERM));
      return;
    }
    if (core.role == Role.CANDIDATE || core.leaderId != m.from()) {
      core.becomeFollower(m.from(), now, out);
    }
    core.resetElectionTimer(now); // rule 24: it comes from the current leader
    core.leaderContactAt = now;
    if (m.lastIncludedIndex() <= core.lastApplied) {
      // Rule 24: never go back to an older state; everything it holds is applied here already.
      out.event(new CoreEvent.SnapshotDeclined(m.from(), m.lastIncludedIndex(), core.lastApplied));
      reply(m, m.offset() + m.length(), true, out);
      return;
    }
    // Rule 25: a chunk at offset 0 starts the snapshot afresh; any other must continue where we are.
    if (m.offset() == 0) {
      receivingIndex = m.lastIncludedIndex();
      receivingTerm = m.lastIncludedTerm();
      received = new byte[Math.max(m.length(), 16)];
      receivedLength = 0;
    } else if (received == null || receivingIndex != m.lastIncludedIndex() || receivingTerm != m.lastIncludedTerm()
        || m.offset() != receivedLength) {
      boolean same = received != null && receivingIndex == m.lastIncludedIndex() && receivingTerm == m.lastIncludedTerm();
      out.event(new CoreEvent.Ignored(m.type(), m.from(), IgnoreReason.UNEXPECTED_CHUNK));
      reply(m, same ? receivedLength : 0, false, out);
      return;
    }
    append(m);
    if (!m.done()) {
      reply(m, receivedLength, false, out);
      return;
    }
    byte[] bytes = java.util.Arrays.copyOf(received, receivedLength);
    received = null;
    Snapshot s = new Snapshot(m.lastIncludedIndex(), m.lastIncludedTerm(), SnapshotData.of(bytes), m.configuration());
    try {
      core.stateMachine().restore(s.data()); // all or nothing: a bad snapshot leaves the state as it was
    } catch (IllegalArgumentException malformed) {
      out.event(new CoreEvent.Ignored(m.type(), m.from(), IgnoreReason.MALFORMED));
      reply(m, 0, false, out);
      return;
    }
    install(s, now, out);
    reply(m, bytes.length, true, out);
  }

  private void append(InstallSnapshot m) {
    if (receivedLength + m.length() > received.length) {
      received = java.util.Arrays.copyOf(received, Math.max(received.length * 2, receivedLength + m.length()));
    }
    m.copyTo(received, receivedLength);
    receivedLength += m.length();
  }

  /**
   * Rule 24: keep the log after the snapshot when it holds the snapshot's last entry with the same
   * term; otherwise the whole log goes. The state machine already took the snapshot's state;
   * commitIndex and lastApplied move up to its index (never applying those entries again).
   */
  private void install(Snapshot s, long now, Output out) {
    RaftLog log = core.log;
    boolean keepSuffix = s.index() <= log.lastIndex() && s.index() > log.snapshotIndex()
        && log.termAt(s.index()) == s.term();
    if (keepSuffix) {
      log.compactTo(s.index());
    } else {
      boolean hadEntriesAfter = log.lastIndex() > s.index();
      log.resetTo(s.index(), s.term(), core.configurationOf(s)); // diss. §4.1: the snapshot's configuration
      if (hadEntriesAfter) {
        out.logChangedFrom(s.index() + 1); // the entries after the snapshot conflict: drop them on disk too
      }
      core.durableIndex = 0; // nothing of the new log is durable until the snapshot is
    }
    core.lastApplied = s.index();
    if (s.index() > core.commitIndex) {
      core.commitIndex = s.index();
    }
    core.latestSnapshot = s;
    core.syncConfiguration(now, out);
    core.stats.snapshotsInstalled++;
    out.snapshot(s);
    out.event(new CoreEvent.SnapshotInstalled(s.index(), s.term(), keepSuffix, log.size()));
  }

  private void reply(InstallSnapshot m, long nextOffset, boolean installed, Output out) {
    out.send(new InstallSnapshotReply(core.id, m.from(), core.currentTerm, m.lastIncludedIndex(), nextOffset, installed));
  }
}
