package raftsim.core;

import java.util.Arrays;

/**
 * A state machine's state frozen at one index, as the state machine hands it over. It turns into bytes
 * only when they are needed (sending it to a follower, writing it to a file), so taking a snapshot in
 * the simulator costs a copy of the state, not its serialisation.
 */
public interface SnapshotData {
  /** The serialised state; the same bytes on every call and every node for the same state. */
  byte[] bytes();

  /** Snapshot data that arrived as bytes (from a leader, or from a file). */
  static SnapshotData of(byte[] bytes) {
    byte[] copy = bytes.clone();
    return new SnapshotData() {
      @Override
      public byte[] bytes() {
        return copy;
      }

      @Override
      public String toString() {
        return "SnapshotData[" + copy.length + " bytes]";
      }

      @Override
      public boolean equals(Object o) {
        return o instanceof SnapshotData other && Arrays.equals(copy, other.bytes());
      }

      @Override
      public int hashCode() {
        return Arrays.hashCode(copy);
      }
    };
  }
}
