package raftsim.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * InstallSnapshot RPC (§7, Figure 13), one chunk of it: bytes {@code offset .. offset + data.length}
 * of the leader's snapshot up to ({@code lastIncludedIndex}, {@code lastIncludedTerm}); {@code done}
 * on the last chunk.
 *
 * @param configuration the configuration in force at lastIncludedIndex (diss. §4.1), which the follower
 *     takes with the snapshot; null when the leader's snapshot has none stored (the starting one applies)
 */
public record InstallSnapshot(
    int from,
    int to,
    long term,
    long lastIncludedIndex,
    long lastIncludedTerm,
    long offset,
    byte[] data,
    boolean done,
    Configuration configuration)
    implements Message {

  public InstallSnapshot {
    data = data.clone();
  }

  /** A chunk that carries no configuration: the follower keeps its starting one. */
  public InstallSnapshot(
      int from, int to, long term, long lastIncludedIndex, long lastIncludedTerm, long offset, byte[] data,
      boolean done) {
    this(from, to, term, lastIncludedIndex, lastIncludedTerm, offset, data, done, null);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The chunk's length without copying it. */
  public int length() {
    return data.length;
  }

  /** Copies the chunk into {@code into} at {@code at}. */
  void copyTo(byte[] into, int at) {
    System.arraycopy(data, 0, into, at, data.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InstallSnapshot s && from == s.from && to == s.to && term == s.term
        && lastIncludedIndex == s.lastIncludedIndex && lastIncludedTerm == s.lastIncludedTerm
        && offset == s.offset && done == s.done && Arrays.equals(data, s.data)
        && Objects.equals(configuration, s.configuration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, term, lastIncludedIndex, offset, configuration) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "InstallSnapshot[from=" + from + ", to=" + to + ", term=" + term + ", lastIncluded=" + lastIncludedIndex
        + "/" + lastIncludedTerm + ", offset=" + offset + ", length=" + data.length + ", done=" + done
        + (configuration == null ? "" : ", " + configuration) + "]";
  }
}
