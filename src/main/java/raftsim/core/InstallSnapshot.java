package raftsim.core;

/**
 * InstallSnapshot RPC (§7, Figure 13), one chunk of it: bytes {@code offset .. offset + data.length}
 * of the leader's snapshot up to ({@code lastIncludedIndex}, {@code lastIncludedTerm}); {@code done}
 * on the last chunk.
 */
public record InstallSnapshot(
    int from,
    int to,
    long term,
    long lastIncludedIndex,
    long lastIncludedTerm,
    long offset,
    byte[] data,
    boolean done)
    implements Message {

  public InstallSnapshot {
    data = data.clone();
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
        && offset == s.offset && done == s.done && java.util.Arrays.equals(data, s.data);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(from, to, term, lastIncludedIndex, offset) * 31 + java.util.Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "InstallSnapshot[from=" + from + ", to=" + to + ", term=" + term + ", lastIncluded=" + lastIncludedIndex
        + "/" + lastIncludedTerm + ", offset=" + offset + ", length=" + data.length + ", done=" + done + "]";
  }
}
