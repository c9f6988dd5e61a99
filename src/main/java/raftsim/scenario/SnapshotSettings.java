package raftsim.scenario;

/**
 * Log compaction: a node takes a snapshot every {@code everyEntries} applied entries (0 turns
 * compaction off) and sends snapshots to lagging followers in chunks of {@code chunkBytes}.
 */
public record SnapshotSettings(long everyEntries, int chunkBytes) {

  /** The snapshot settings of a file that has no {@code snapshot} object, and of each field it leaves out. */
  public static final SnapshotSettings DEFAULT = new SnapshotSettings(1000, 65536);

  public SnapshotSettings {
    if (everyEntries < 0 || chunkBytes < 1) {
      throw new IllegalArgumentException(
          "snapshot needs everyEntries >= 0 and chunkBytes >= 1, got " + everyEntries + " and " + chunkBytes);
    }
  }

  /** Whether nodes compact their logs at all. */
  public boolean compactionEnabled() {
    return everyEntries > 0;
  }
}
