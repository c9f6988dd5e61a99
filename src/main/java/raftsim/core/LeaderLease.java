package raftsim.core;

/**
 * A leader's lease for reads (Raft dissertation §6.4.1; RAFT-CHECKLIST rule 22). With CheckQuorum, a
 * follower that answered a heartbeat refuses to help elect anyone else — without adopting a higher
 * term — for a minimum election timeout after it received it (§4.2.3). So once a majority has answered
 * a round of AppendEntries the leader sent at time t, no other leader can be elected before t plus that
 * timeout, and until then the leader may answer reads from its own state, without a heartbeat round per
 * read. Three details make it hold:
 *
 * <ul>
 *   <li>The lease starts when the round was <em>sent</em>: the followers' timers started when it arrived,
 *       which is later, never earlier; the acknowledgements' arrival proves nothing more.
 *   <li>Clocks drift. With every clock's rate within ρ of true time, the lease lasts electionTimeoutMin ×
 *       (1 − ρ) / (1 + ρ) of the leader's clock ({@link RaftConfig#leaseMs}): a rate, not an amount to
 *       subtract. A drift beyond ρ breaks it, as the simulator can show.
 *   <li>A leadership transfer ends the lease at once: the target's election is answered even by
 *       followers that hear from the leader (§3.10), so once TimeoutNow may be on its way the lease can
 *       guarantee nothing for the rest of the term.
 * </ul>
 *
 * <p>To know when an acknowledged round was sent, the leader keeps the send time of its recent rounds:
 * rounds only grow and times never fall, so a pair is kept only when the time moves on, and pairs older
 * than twice the election timeout, which could grant no lease any more, are dropped.
 */
final class LeaderLease {
  private final RaftCore core;
  /** (first round sent at that time, time) pairs, oldest first, in a ring. */
  private long[] rounds = new long[16];
  private long[] times = new long[16];
  private int start;
  private int size;
  /** This leader sent TimeoutNow in its term: no lease for the rest of it (diss. §3.10). */
  private boolean revoked;

  LeaderLease(RaftCore core) {
    this.core = core;
  }

  private boolean enabled() {
    return core.config.leaseReads();
  }

  /** A new term of leadership: nothing sent yet, nothing revoked. */
  void reset() {
    start = 0;
    size = 0;
    revoked = false;
  }

  /** The leader sent AppendEntries round {@code round} at {@code now}. */
  void sent(long round, long now) {
    if (!enabled()) {
      return;
    }
    if (size > 0 && times[(start + size - 1) % times.length] == now) {
      return; // the pair already kept covers this round: same time, and rounds only grow
    }
    long horizon = now - 2 * core.config.electionTimeoutMaxMs();
    while (size > 1 && times[(start + 1) % times.length] <= horizon) {
      start = (start + 1) % times.length;
      size--;
    }
    if (size == rounds.length) {
      long[] r = new long[2 * size];
      long[] t = new long[2 * size];
      for (int i = 0; i < size; i++) {
        r[i] = rounds[(start + i) % rounds.length];
        t[i] = times[(start + i) % times.length];
      }
      rounds = r;
      times = t;
      start = 0;
    }
    rounds[(start + size) % rounds.length] = round;
    times[(start + size) % times.length] = now;
    size++;
  }

  /** When round {@code round} was sent, or Long.MIN_VALUE when that is no longer known. */
  long sentAt(long round) {
    int lo = 0;
    int hi = size - 1;
    long at = Long.MIN_VALUE;
    while (lo <= hi) { // the last pair whose first round is at most {@code round}
      int mid = (lo + hi) >>> 1;
      int k = (start + mid) % rounds.length;
      if (rounds[k] <= round) {
        at = times[k];
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return at;
  }

  /** The leader started a transfer (diss. §3.10): the lease ends at once, for the rest of the term. */
  void revoke() {
    revoked = true;
  }

  /**
   * Rule 22(b): the send time of the latest round a majority of the voters has answered; the leader
   * itself, while it is a voter, counts as answering every round.
   */
  private long grantedAt() {
    long[] sent = core.matchScratch;
    int i = 0;
    for (int voter : core.voters) {
      sent[i++] = voter == core.id ? Long.MAX_VALUE : core.progressOf(voter).ackedSentAt();
    }
    return Quorum.majorityMatch(sent);
  }

  /** When the lease ends, in the leader's local time; Long.MIN_VALUE when it holds none. */
  long expiry() {
    if (!enabled() || revoked || core.role != Role.LEADER) {
      return Long.MIN_VALUE;
    }
    long granted = grantedAt();
    if (granted == Long.MIN_VALUE) {
      return Long.MIN_VALUE;
    }
    return granted == Long.MAX_VALUE ? Long.MAX_VALUE : granted + core.config.leaseMs();
  }

  /** Whether the leader holds a lease at {@code now} (rule 22(c)). */
  boolean holds(long now) {
    return now < expiry();
  }
}
