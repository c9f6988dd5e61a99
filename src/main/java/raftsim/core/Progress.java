package raftsim.core;

/**
 * A leader's view of one follower (Figure 2's nextIndex and matchIndex, plus flow control after
 * etcd-io/raft's tracker). Invariant: {@code matchIndex < nextIndex}.
 *
 * <p>In {@link Mode#PROBE} the leader does not know where the logs diverge; it sends one AppendEntries
 * at a time and waits for the answer or the next heartbeat. In {@link Mode#REPLICATE} the follower is
 * known to match, so the leader streams entries and advances nextIndex optimistically, with at most
 * {@code maxInflight} unacknowledged requests. In {@link Mode#SNAPSHOT} the follower needs entries
 * the leader has compacted away, so it sends its snapshot, one chunk at a time (§7).
 */
final class Progress implements ProgressView {
  enum Mode { PROBE, REPLICATE, SNAPSHOT }

  private final int peer;
  private long nextIndex;
  private long matchIndex;
  private Mode mode = Mode.PROBE;
  /** PROBE only: a probe is out and unanswered, so the next one waits for a heartbeat. */
  private boolean probeSent;
  /** Node-local time of the last AppendEntries sent to this follower. */
  private long lastSentAt;
  /** REPLICATE only: the last index of each unacknowledged request, oldest first (a ring). */
  private final long[] inflight;
  private int inflightStart;
  private int inflightCount;
  /** SNAPSHOT only: the snapshot being sent, the offset the follower expects next, and whether a chunk is out. */
  private Snapshot sending;
  private long snapshotOffset;
  private boolean chunkOut;
  /** The highest round this follower has answered in the leader's term: proof it still followed then (§6.4). */
  private long ackedRound;
  /** When the latest round this follower answered was sent (lease reads, diss. §6.4.1); MIN_VALUE when unknown. */
  private long ackedSentAt = Long.MIN_VALUE;
  /** Node-local time of this follower's latest answer in the leader's term (CheckQuorum, diss. §6.2). */
  private long lastHeardAt;
  /** A learner's catch-up round (diss. §4.2.1): when it began, and the leader's last index then. */
  private long catchUpStart;
  private long catchUpTarget;
  /** A learner finished a round within the minimum election timeout: it may become a voter. */
  private boolean caughtUp;

  /** @param now when the leader starts tracking the follower: it counts as heard then, a grace period */
  Progress(int peer, long nextIndex, int maxInflight, long now) {
    this.peer = peer;
    this.nextIndex = nextIndex;
    this.lastHeardAt = now;
    this.inflight = new long[maxInflight];
    // A fresh leader owes every follower a message at once, so it is "last sent" a heartbeat ago.
    this.lastSentAt = Long.MIN_VALUE / 2;
    assertInvariant();
  }

  @Override
  public int peer() {
    return peer;
  }

  @Override
  public long nextIndex() {
    return nextIndex;
  }

  @Override
  public long matchIndex() {
    return matchIndex;
  }

  @Override
  public boolean replicating() {
    return mode == Mode.REPLICATE;
  }

  Mode mode() {
    return mode;
  }

  long lastSentAt() {
    return lastSentAt;
  }

  /** A probe is answered or due again: the leader may send the next one. */
  boolean canProbe() {
    return mode == Mode.PROBE && !probeSent;
  }

  boolean inflightFull() {
    return inflightCount == inflight.length;
  }

  /** Records an AppendEntries sent at {@code now} that covers up to {@code lastIndex}. */
  void sent(long now, long lastIndex, int entryCount) {
    lastSentAt = now;
    if (mode == Mode.PROBE) {
      probeSent = true;
    } else if (entryCount > 0) {
      // Optimistic: assume it arrives, so the next request carries what follows (etcd "replicate" state).
      nextIndex = lastIndex + 1;
      inflight[(inflightStart + inflightCount) % inflight.length] = lastIndex;
      inflightCount++;
    }
  }

  /** A heartbeat interval passed: an unanswered probe or snapshot chunk may be repeated. */
  void heartbeatDue() {
    probeSent = false;
    chunkOut = false;
  }

  /** The follower needs entries compacted into {@code snapshot}: send it from its start. */
  void startSnapshot(Snapshot snapshot) {
    mode = Mode.SNAPSHOT;
    sending = snapshot;
    snapshotOffset = 0;
    chunkOut = false;
    inflightStart = 0;
    inflightCount = 0;
  }

  Snapshot sending() {
    return sending;
  }

  long snapshotOffset() {
    return snapshotOffset;
  }

  boolean canSendChunk() {
    return mode == Mode.SNAPSHOT && !chunkOut;
  }

  void chunkSent(long now) {
    lastSentAt = now;
    chunkOut = true;
  }

  /** The follower holds the snapshot's bytes up to {@code nextOffset}; the next chunk starts there. */
  void chunkAcknowledged(long nextOffset) {
    snapshotOffset = nextOffset;
    chunkOut = false;
  }

  /** The follower installed the snapshot: it matches up to its index, and replication resumes after it. */
  void snapshotInstalled(long index) {
    sending = null;
    mode = Mode.PROBE;
    acknowledged(index);
  }

  /** A reply of the leader's term echoed {@code round}, which was sent at {@code sentAt}. */
  void answeredRound(long round, long sentAt) {
    ackedRound = Math.max(ackedRound, round);
    ackedSentAt = Math.max(ackedSentAt, sentAt);
  }

  long ackedSentAt() {
    return ackedSentAt;
  }

  long ackedRound() {
    return ackedRound;
  }

  /** The follower answered a message of the leader's term at {@code now}. */
  void heard(long now) {
    lastHeardAt = Math.max(lastHeardAt, now);
  }

  long lastHeardAt() {
    return lastHeardAt;
  }

  /** A new catch-up round (diss. §4.2.1) begins at {@code now}: it ends once the follower holds {@code target}. */
  void startCatchUp(long now, long target) {
    catchUpStart = now;
    catchUpTarget = target;
  }

  long catchUpStart() {
    return catchUpStart;
  }

  long catchUpTarget() {
    return catchUpTarget;
  }

  boolean caughtUp() {
    return caughtUp;
  }

  void caughtUp(boolean yes) {
    caughtUp = yes;
  }

  /**
   * A success reply proved the follower holds everything up to {@code index}. matchIndex only grows
   * (RAFT-CHECKLIST rule 13). Returns true when it grew.
   */
  boolean acknowledged(long index) {
    boolean grew = index > matchIndex;
    if (grew) {
      matchIndex = index;
    }
    nextIndex = Math.max(nextIndex, matchIndex + 1);
    while (inflightCount > 0 && inflight[inflightStart] <= index) {
      inflightStart = (inflightStart + 1) % inflight.length;
      inflightCount--;
    }
    if (mode == Mode.PROBE) {
      // The follower matches at matchIndex: stream from there on.
      mode = Mode.REPLICATE;
      probeSent = false;
      nextIndex = matchIndex + 1;
    }
    assertInvariant();
    return grew;
  }

  /**
   * A refusal of the request whose prevLogIndex was {@code rejectedIndex}. Moves nextIndex back to
   * {@code hint} (never to or below matchIndex) and returns to probing. Returns false, changing
   * nothing, when the refusal is stale: it answers a request older than what the leader knows.
   */
  boolean refused(long rejectedIndex, long hint) {
    if (mode == Mode.SNAPSHOT) {
      return false; // an answer to an AppendEntries from before the snapshot transfer began
    }
    if (rejectedIndex <= matchIndex) {
      // The follower acknowledged that index already: the refusal is stale, or the follower lost
      // entries it had promised were durable. Either way, resending the same probe cannot help, and
      // answering every such refusal at once would let duplicated messages multiply without end.
      return false;
    }
    if (mode == Mode.PROBE && rejectedIndex != nextIndex - 1) {
      return false;
    }
    nextIndex = Math.max(matchIndex + 1, Math.min(hint, rejectedIndex));
    mode = Mode.PROBE;
    probeSent = false;
    inflightStart = 0;
    inflightCount = 0;
    assertInvariant();
    return true;
  }

  private void assertInvariant() {
    if (matchIndex >= nextIndex || nextIndex < 1) {
      throw new IllegalStateException("progress of " + peer + " broke match < next: " + matchIndex + " / " + nextIndex);
    }
  }
}
