package raftsim.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the cluster's nodes behave, beyond timing.
 *
 * @param reads {@code READ_INDEX} (the default) serves a GET by ReadIndex (diss. §6.4); {@code LOG}
 *     sends it through the log like a write, for comparison
 * @param maxEntriesPerAppend the most entries one AppendEntries carries (flow control)
 * @param preVote a node asks for pre-votes before it stands for election (diss. §9.6)
 * @param checkQuorum a leader steps down when it has not heard from a majority for an election timeout,
 *     and a node that heard from a leader that recently refuses votes without adopting the term (diss. §4.2.3)
 * @param initialMembers nodes 1..initialMembers form the first configuration; the others run from the
 *     start as spares outside it, until an {@code addServer} event adds them. 0 stands for every node,
 *     and {@link Scenario} replaces it with the node count.
 */
public record ClusterSettings(
    Reads reads, int maxEntriesPerAppend, boolean preVote, boolean checkQuorum, int initialMembers) {
  public static final ClusterSettings DEFAULT = new ClusterSettings(Reads.READ_INDEX, 64, false, false, 0);

  /** How a node serves a read-only command. */
  public enum Reads {
    READ_INDEX("readIndex"),
    LOG("log");

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
      return List.of(READ_INDEX.jsonName, LOG.jsonName);
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
    if (initialMembers < 0) {
      throw new IllegalArgumentException("initialMembers must not be negative, got " + initialMembers);
    }
  }

  /** The basic protocol: none of the extensions. */
  public ClusterSettings(Reads reads, int maxEntriesPerAppend) {
    this(reads, maxEntriesPerAppend, false, false, 0);
  }

  public ClusterSettings withReads(Reads r) {
    return new ClusterSettings(r, maxEntriesPerAppend, preVote, checkQuorum, initialMembers);
  }

  public ClusterSettings withPreVote(boolean on) {
    return new ClusterSettings(reads, maxEntriesPerAppend, on, checkQuorum, initialMembers);
  }

  public ClusterSettings withCheckQuorum(boolean on) {
    return new ClusterSettings(reads, maxEntriesPerAppend, preVote, on, initialMembers);
  }

  public ClusterSettings withInitialMembers(int n) {
    return new ClusterSettings(reads, maxEntriesPerAppend, preVote, checkQuorum, n);
  }
}
