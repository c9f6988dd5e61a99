package raftsim.node.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import raftsim.core.HardState;
import raftsim.core.LogEntry;
import raftsim.core.LogWrite;
import raftsim.core.PersistentState;
import raftsim.core.Ready;
import raftsim.core.Snapshot;
import raftsim.core.SnapshotData;

/**
 * A node's durable state in one directory:
 *
 * <ul>
 *   <li>{@code hardstate}: currentTerm and votedFor, replaced atomically (write a temporary file, fsync
 *       it, rename it over the old one, fsync the directory);
 *   <li>{@code snapshot}: the latest snapshot, written the same way;
 *   <li>{@code wal-NNNNNNNN.log}: the write-ahead log in segments of length-and-CRC framed records
 *       (entries and truncations), appended and fsync'd. A new segment starts at every snapshot; a
 *       segment whose entries the snapshot all covers is deleted.
 * </ul>
 *
 * <p>Segments are allocated ahead, in zero-filled steps of {@value #ALLOCATE_BYTES} bytes: a record
 * then lands inside the file rather than growing it, and its fsync need not also write the file's new
 * size to the file system's journal — most syncs cost one data write instead of two.
 *
 * <p>Group commit: {@link #stage} appends what a Ready asks to the log file (no fsync) and notes the
 * rest; {@link #sync} makes everything staged durable at once — one fsync for every entry that
 * arrived meanwhile. A caller sends nothing that depends on staged writes before {@link #sync}
 * returns.
 *
 * <p>Recovery ({@link #open}): a record at the end of the last segment that is incomplete or fails its
 * checksum was torn by a crash and is cut off (it was never acknowledged). A bad record anywhere else is
 * corruption: the node refuses to start, naming the file and the offset, rather than forget
 * acknowledged data.
 */
public final class FileStorage implements AutoCloseable {
  private static final String HARD_STATE = "hardstate";
  private static final String SNAPSHOT = "snapshot";
  private static final byte[] SNAPSHOT_MAGIC = "raftsim-snapshot-1\n".getBytes(StandardCharsets.US_ASCII);
  /** Version 2 adds the configuration in force at the snapshot's index (diss. §4.1) after the state. */
  private static final byte[] SNAPSHOT_MAGIC_2 = "raftsim-snapshot-2\n".getBytes(StandardCharsets.US_ASCII);
  static final int ALLOCATE_BYTES = 1 << 20;
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024);

  private final Path dir;
  private final PersistentState recovered;
  private final String cutOff;
  private FileChannel segment;
  private int segmentNumber;
  /** Where the next record goes in the segment, and how far the segment is allocated (zero-filled). */
  private long writeAt;
  private long allocated;
  /** A segment file was created: its directory entry must be made durable at the next sync. */
  private boolean newFile;
  /** The highest entry index in each segment, oldest first (for deleting covered segments). */
  private final List<long[]> segmentMaxIndex = new ArrayList<>();

  /** The index of the last entry in the log files (0 when none), to know when a write truncates. */
  private long lastWrittenIndex;
  private HardState stagedHardState;
  private Snapshot stagedSnapshot;
  private boolean staged;

  private FileStorage(Path dir, PersistentState recovered, String cutOff, List<long[]> segments, int lastSegment,
      long lastSegmentEnd) throws IOException {
    this.dir = dir;
    this.recovered = recovered;
    this.cutOff = cutOff;
    this.segmentMaxIndex.addAll(segments);
    this.segmentNumber = lastSegment;
    List<LogEntry> entries = recovered.entries();
    this.lastWrittenIndex = !entries.isEmpty() ? entries.get(entries.size() - 1).index()
        : recovered.snapshot() == null ? 0 : recovered.snapshot().index();
    openSegment(lastSegment, lastSegmentEnd);
  }

  /**
   * Opens (creating when needed) the storage in {@code dir} and recovers what it holds.
   *
   * @throws StorageException when a file is corrupt: the message names the file and the offset
   */
  public static FileStorage open(Path dir) throws IOException, StorageException {
    Files.createDirectories(dir);
    HardState hs = readHardState(dir.resolve(HARD_STATE));
    Snapshot snapshot = readSnapshot(dir.resolve(SNAPSHOT));
    List<Path> segments = segments(dir);
    List<LogEntry> log = new ArrayList<>();
    long base = snapshot == null ? 0 : snapshot.index();
    List<long[]> maxima = new ArrayList<>();
    String cut = null;
    long lastEnd = 0;
    for (int s = 0; s < segments.size(); s++) {
      boolean last = s == segments.size() - 1;
      SegmentReader.Result r = SegmentReader.read(segments.get(s), last);
      long max = 0;
      for (WalRecord rec : r.records()) {
        if (rec instanceof WalRecord.Entry e) {
          max = Math.max(max, e.entry().index());
          apply(log, base, e.entry());
        } else {
          long from = ((WalRecord.Truncate) rec).fromIndex();
          int keep = (int) Math.max(0, Math.min(log.size(), from - 1 - base));
          log.subList(keep, log.size()).clear();
        }
      }
      maxima.add(new long[] {number(segments.get(s)), max});
      lastEnd = r.end();
      if (r.cutOffAt() >= 0) {
        cut = segments.get(s).getFileName() + ": cut off a torn record at offset " + r.cutOffAt() + " ("
            + r.cutOffBytes() + " bytes)";
      }
    }
    int lastSegment = segments.isEmpty() ? 1 : (int) number(segments.get(segments.size() - 1));
    if (segments.isEmpty()) {
      maxima.add(new long[] {1, 0});
    }
    PersistentState state = new PersistentState(hs, snapshot, log);
    return new FileStorage(dir, state, cut, maxima, lastSegment, lastEnd);
  }

  /** An entry from the log goes at its index; entries the snapshot covers are skipped. */
  private static void apply(List<LogEntry> log, long base, LogEntry e) {
    if (e.index() <= base) {
      return;
    }
    int at = (int) (e.index() - base - 1);
    if (at < log.size()) {
      log.subList(at, log.size()).clear(); // an entry is only re-written after a truncation, but be safe
    }
    if (at == log.size()) {
      log.add(e);
    }
  }

  /** What the node found on disk when it opened. */
  public PersistentState recovered() {
    return recovered;
  }

  /** A note on a torn record that recovery cut off, or null. */
  public String cutOff() {
    return cutOff;
  }

  /** Stages what {@code r} asks to persist: log records go to the file now, the rest at {@link #sync}. */
  public void stage(Ready r) throws IOException {
    if (r.hardState() != null) {
      stagedHardState = r.hardState();
      staged = true;
    }
    if (r.snapshot() != null) {
      stagedSnapshot = r.snapshot();
      staged = true;
    }
    LogWrite w = r.logWrite();
    if (w != null) {
      if (w.fromIndex() <= lastWritten()) {
        write(new WalRecord.Truncate(w.fromIndex()));
      }
      for (LogEntry e : w.entries()) {
        write(new WalRecord.Entry(e));
      }
      staged = true;
    }
  }

  private long lastWritten() {
    return lastWrittenIndex;
  }

  private void write(WalRecord rec) throws IOException {
    byte[] frame = rec.frame();
    allocateFor(frame.length);
    ByteBuffer b = ByteBuffer.wrap(frame);
    while (b.hasRemaining()) {
      writeAt += segment.write(b, writeAt);
    }
    if (rec instanceof WalRecord.Entry e) {
      lastWrittenIndex = e.entry().index();
      long[] current = segmentMaxIndex.get(segmentMaxIndex.size() - 1);
      current[1] = Math.max(current[1], e.entry().index());
    } else {
      lastWrittenIndex = ((WalRecord.Truncate) rec).fromIndex() - 1;
    }
  }

  /** Zero-fills the segment ahead of {@code bytes} more, in steps of {@link #ALLOCATE_BYTES}. */
  private void allocateFor(int bytes) throws IOException {
    if (writeAt + bytes <= allocated) {
      return;
    }
    long target = Math.max(allocated + ALLOCATE_BYTES, writeAt + bytes);
    while (allocated < target) {
      ByteBuffer z = ZEROS.duplicate();
      z.limit((int) Math.min(z.capacity(), target - allocated));
      allocated += segment.write(z, allocated);
    }
  }

  /** True when a term or vote is staged and not yet durable. */
  public boolean hardStateStaged() {
    return stagedHardState != null;
  }

  /** The term and vote staged and not yet durable, or null. */
  public HardState stagedHardState() {
    return stagedHardState;
  }

  /** True when something staged is not yet durable. */
  public boolean dirty() {
    return staged;
  }

  /**
   * Makes everything staged durable: the log with one fsync, then the hard state and the snapshot
   * files, each replaced atomically. After a snapshot, a new log segment starts and the segments it
   * covers are deleted.
   */
  public void sync() throws IOException {
    if (!staged) {
      return;
    }
    segment.force(false);
    if (newFile) {
      fsyncDirectory();
      newFile = false;
    }
    if (stagedHardState != null) {
      ByteBuffer b = ByteBuffer.allocate(20);
      b.putLong(stagedHardState.term()).putInt(stagedHardState.votedFor());
      byte[] body = java.util.Arrays.copyOf(b.array(), 12);
      b.putInt(WalRecord.crc(body, 0, body.length));
      replaceAtomically(dir.resolve(HARD_STATE), java.util.Arrays.copyOf(b.array(), 16));
      stagedHardState = null;
    }
    if (stagedSnapshot != null) {
      writeSnapshot(stagedSnapshot);
      long covered = stagedSnapshot.index();
      stagedSnapshot = null;
      rotate(covered);
    }
    staged = false;
  }

  /**
   * {@code raftsim-snapshot-2\n}, index, term, the state's length and CRC, the state, then the
   * configuration's length and CRC and the configuration (length 0 when the snapshot stores none). A
   * node restarting from it recovers the configuration in force at the snapshot (diss. §4.1).
   */
  private void writeSnapshot(Snapshot s) throws IOException {
    byte[] data = s.data().bytes();
    byte[] config = new byte[0];
    if (s.configuration() != null) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
        WalRecord.writeConfiguration(out, s.configuration());
      }
      config = bytes.toByteArray();
    }
    ByteBuffer b = ByteBuffer.allocate(SNAPSHOT_MAGIC_2.length + 24 + data.length + 8 + config.length);
    b.put(SNAPSHOT_MAGIC_2).putLong(s.index()).putLong(s.term()).putInt(data.length)
        .putInt(WalRecord.crc(data, 0, data.length)).put(data)
        .putInt(config.length).putInt(WalRecord.crc(config, 0, config.length)).put(config);
    replaceAtomically(dir.resolve(SNAPSHOT), b.array());
  }

  /** Starts a new segment and deletes the old ones whose every entry the snapshot at {@code covered} holds. */
  private void rotate(long covered) throws IOException {
    segment.close();
    openSegment(segmentNumber + 1, 0);
    segmentMaxIndex.add(new long[] {segmentNumber, 0});
    while (segmentMaxIndex.size() > 1 && segmentMaxIndex.get(0)[1] <= covered) {
      Files.deleteIfExists(dir.resolve(segmentName(segmentMaxIndex.get(0)[0])));
      segmentMaxIndex.remove(0);
    }
    fsyncDirectory();
    newFile = false;
  }

  /** Opens segment {@code number} to write at {@code end}, creating it when it does not exist. */
  private void openSegment(int number, long end) throws IOException {
    segmentNumber = number;
    Path path = dir.resolve(segmentName(number));
    newFile |= !Files.exists(path);
    segment = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    writeAt = end;
    allocated = segment.size();
  }

  private void replaceAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        c.write(b);
      }
      c.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    fsyncDirectory();
  }

  /** A rename is durable only once the directory entry is: fsync the directory itself (POSIX). */
  private void fsyncDirectory() throws IOException {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open a directory for reading; their rename is durable on its own.
    }
  }

  @Override
  public void close() throws IOException {
    segment.close();
  }

  // ----------------------------------------------------------------------------------- reading

  private static HardState readHardState(Path f) throws IOException, StorageException {
    if (!Files.exists(f)) {
      return HardState.INITIAL;
    }
    byte[] b = Files.readAllBytes(f);
    if (b.length != 16 || WalRecord.crc(b, 0, 12) != ByteBuffer.wrap(b, 12, 4).getInt()) {
      throw new StorageException(f, 0, "the hard state is damaged (" + b.length + " bytes, checksum "
          + (b.length == 16 ? "mismatch" : "missing") + ")");
    }
    ByteBuffer buf = ByteBuffer.wrap(b);
    long term = buf.getLong();
    int vote = buf.getInt();
    if (term < 0 || vote < 0) {
      throw new StorageException(f, 0, "the hard state holds an impossible term " + term + " or vote " + vote);
    }
    return new HardState(term, vote);
  }

  private static Snapshot readSnapshot(Path f) throws IOException, StorageException {
    if (!Files.exists(f)) {
      return null;
    }
    byte[] b = Files.readAllBytes(f);
    int header = SNAPSHOT_MAGIC.length + 24;
    boolean v1 = b.length >= header && java.util.Arrays.equals(b, 0, SNAPSHOT_MAGIC.length, SNAPSHOT_MAGIC, 0,
        SNAPSHOT_MAGIC.length);
    boolean v2 = b.length >= header && java.util.Arrays.equals(b, 0, SNAPSHOT_MAGIC_2.length, SNAPSHOT_MAGIC_2, 0,
        SNAPSHOT_MAGIC_2.length);
    if (!v1 && !v2) {
      throw new StorageException(f, 0, "not a snapshot file");
    }
    ByteBuffer buf = ByteBuffer.wrap(b, SNAPSHOT_MAGIC.length, 24);
    long index = buf.getLong();
    long term = buf.getLong();
    int length = buf.getInt();
    int crc = buf.getInt();
    int end = v1 ? b.length : header + length;
    if (length < 0 || length != end - header || end > b.length || WalRecord.crc(b, header, length) != crc || index < 1
        || term < 1) {
      throw new StorageException(f, SNAPSHOT_MAGIC.length, "the snapshot is damaged (length or checksum)");
    }
    SnapshotData data = SnapshotData.of(java.util.Arrays.copyOfRange(b, header, end));
    if (v1) {
      return new Snapshot(index, term, data); // written before configurations were stored
    }
    if (b.length < end + 8) {
      throw new StorageException(f, end, "the snapshot's configuration is missing");
    }
    ByteBuffer c = ByteBuffer.wrap(b, end, 8);
    int configLength = c.getInt();
    int configCrc = c.getInt();
    if (configLength < 0 || end + 8 + configLength != b.length || WalRecord.crc(b, end + 8, configLength) != configCrc) {
      throw new StorageException(f, end, "the snapshot's configuration is damaged (length or checksum)");
    }
    if (configLength == 0) {
      return new Snapshot(index, term, data);
    }
    try {
      return new Snapshot(index, term, data, WalRecord.readConfiguration(ByteBuffer.wrap(b, end + 8, configLength)));
    } catch (RuntimeException e) {
      throw new StorageException(f, end + 8, "the snapshot's configuration cannot be read: " + e.getMessage());
    }
  }

  private static List<Path> segments(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("wal-\\d{8}\\.log")).sorted().toList();
    }
  }

  private static long number(Path segment) {
    String n = segment.getFileName().toString();
    return Long.parseLong(n.substring(4, 12));
  }

  private static String segmentName(long number) {
    return String.format(java.util.Locale.ROOT, "wal-%08d.log", number);
  }
}
