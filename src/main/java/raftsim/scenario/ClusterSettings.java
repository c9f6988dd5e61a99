package raftsim.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the cluster's nodes behave, beyond timing.
 *
 * @param reads {@code READ_INDEX} (the default) serves a GET by ReadIndex (diss. §6.4); {@code LOG}
 *     sends it through the log like a write, for comparison; {@code LEASE} answers it from the leader's
 *     lease (diss. §6.4.1), which needs {@code checkQuorum}
 * @param maxEntriesPerAppend the most entries one AppendEntries carries (flow control)
 * @param preVote a node asks for pre-votes before it stands for election (diss. §9.6)
 * @param checkQuorum a leader steps down when it has not heard from a majority for an election timeout,
 *     and a node that heard from a leader that recently refuses votes without adopting the term (diss. §4.2.3)
 * @param maxClockDriftPpm the clock drift rate ρ, in parts per million, leases allow for (they last
 *     electionTimeoutMin × (1 − ρ) / (1 + ρ)); a {@code clockDrift} beyond it can break them
 * @param initialMembers nodes 1..initialMembers form the first configuration; the others run from the
 *     start as spares outside it, until an {@code addServer} event adds them. 0 stands for every node,
 *     and {@link Scenario} replaces it with the node count.
 */
public record ClusterSettings(
    Reads reads, int maxEntriesPerAppend, boolean preVote, boolean checkQuorum, long maxClockDriftPpm,
    int initialMembers) {
  /** One percent: far above what quartz clocks drift, and what a lease allows for unless told otherwise. */
  public static final long DEFAULT_DRIFT_PPM = 10_000;
  public static final ClusterSettings DEFAULT =
      new ClusterSettings(Reads.READ_INDEX, 64, false, false, DEFAULT_DRIFT_PPM, 0);

  /** How a node serves a read-only command. */
  public enum Reads {
    READ_INDEX("readIndex"),
    LOG("log"),
    LEASE("lease");

    private final String jsonName;

    Reads(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }

    /** The value for a JSON spelling, or null. */
    static Reads of(String json) {
      for (Reads r : values()) {
        if (r.jsonName.equals(json)) {
          return r;
        }
      }
      return null;
    }

    static List<String> jsonNames() {
      return List.of(READ_INDEX.jsonName, LOG.jsonName, LEASE.jsonName);
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ClusterSettings {
    Objects.requireNonNull(reads, "reads");
    if (maxEntriesPerAppend < 1) {
      throw new IllegalArgumentException("maxEntriesPerAppend must be at least 1, got " + maxEntriesPerAppend);
    }
    if (reads == Reads.LEASE && !checkQuorum) {
      throw new IllegalArgumentException("lease reads need checkQuorum (RAFT-CHECKLIST rule 22)");
    }
    if (maxClockDriftPpm < 0 || maxClockDriftPpm > Limits.MAX_PPM) {
      throw new IllegalArgumentException("maxClockDriftPpm must be 0.." + Limits.MAX_PPM + ", got " + maxClockDriftPpm);
    }
    if (initialMembers < 0) {
      throw new IllegalArgumentException("initialMembers must not be negative, got " + initialMembers);
    }
  }

  /** The basic protocol: none of the extensions. */
  public ClusterSettings(Reads reads, int maxEntriesPerAppend) {
    this(reads, maxEntriesPerAppend, false, false, DEFAULT_DRIFT_PPM, 0);
  }

  public ClusterSettings withReads(Reads r) {
    return new ClusterSettings(r, maxEntriesPerAppend, preVote, checkQuorum, maxClockDriftPpm, initialMembers);
  }

  public ClusterSettings withPreVote(boolean on) {
    return new ClusterSettings(reads, maxEntriesPerAppend, on, checkQuorum, maxClockDriftPpm, initialMembers);
  }

  public ClusterSettings withCheckQuorum(boolean on) {
    return new ClusterSettings(reads, maxEntriesPerAppend, preVote, on, maxClockDriftPpm, initialMembers);
  }

  public ClusterSettings withMaxClockDriftPpm(long ppm) {
    return new ClusterSettings(reads, maxEntriesPerAppend, preVote, checkQuorum, ppm, initialMembers);
  }

  public ClusterSettings withInitialMembers(int n) {
    return new ClusterSettings(reads, maxEntriesPerAppend, preVote, checkQuorum, maxClockDriftPpm, n);
  }
}
