package raftsim.node.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftsim.core.Configuration;
import raftsim.core.HardState;
import raftsim.core.LogEntry;
import raftsim.core.LogWrite;
import raftsim.core.Payload;
import raftsim.core.PersistentState;
import raftsim.core.Ready;
import raftsim.core.Snapshot;
import raftsim.core.SnapshotData;

/** The node's files: what is synced survives, a torn tail is cut off, corruption stops the node. */
class FileStorageTest {
  @TempDir Path dir;

  private static LogEntry entry(long index, long term) {
    return new LogEntry(index, term, new Payload.Command(7, index, "SET k" + index + " v" + index));
  }

  private static List<LogEntry> entries(long from, long to, long term) {
    List<LogEntry> list = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      list.add(entry(i, term));
    }
    return list;
  }

  private static Ready write(HardState hs, LogWrite lw, Snapshot s) {
    return new Ready(hs, lw, s, List.of(), List.of(), List.of(), List.of(), 0);
  }

  private PersistentState reopen() throws Exception {
    try (FileStorage s = FileStorage.open(dir)) {
      return s.recovered();
    }
  }

  @Test
  void whatWasSyncedIsWhatRecoveryFinds() throws Exception {
    try (FileStorage s = FileStorage.open(dir)) {
      assertEquals(PersistentState.EMPTY, s.recovered());
      s.stage(write(new HardState(3, 2), new LogWrite(1, entries(1, 5, 1)), null));
      s.stage(write(null, new LogWrite(6, entries(6, 7, 3)), null));
      s.sync();
    }
    PersistentState p = reopen();
    assertEquals(new HardState(3, 2), p.hardState());
    assertEquals(7, p.entries().size());
    assertEquals(entry(7, 3), p.entries().get(6));
  }

  @Test
  void aTruncationRecordedInTheLogHoldsAfterRecovery() throws Exception {
    try (FileStorage s = FileStorage.open(dir)) {
      s.stage(write(null, new LogWrite(1, entries(1, 6, 1)), null));
      s.sync();
      s.stage(write(null, new LogWrite(4, entries(4, 5, 2)), null)); // entries 4.. replaced by term 2
      s.sync();
    }
    PersistentState p = reopen();
    assertEquals(5, p.entries().size());
    assertEquals(2, p.entries().get(3).term());
    assertEquals(2, p.entries().get(4).term());
  }

  @Test
  void aSnapshotReplacesTheLogBeforeItAndOldSegmentsGo() throws Exception {
    SnapshotData data = SnapshotData.of("state".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try (FileStorage s = FileStorage.open(dir)) {
      s.stage(write(null, new LogWrite(1, entries(1, 10, 1)), null));
      s.sync();
      s.stage(write(null, null, new Snapshot(10, 1, data)));
      s.sync();
      s.stage(write(null, new LogWrite(11, entries(11, 12, 2)), null));
      s.sync();
    }
    PersistentState p = reopen();
    assertEquals(10, p.snapshot().index());
    assertEquals(data, p.snapshot().data());
    assertEquals(List.of(entry(11, 2), entry(12, 2)), p.entries());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("wal-")).count(),
          "the segment the snapshot covers is deleted");
    }
  }

  @Test
  void nothingStagedButNotSyncedIsPromised() throws Exception {
    try (FileStorage s = FileStorage.open(dir)) {
      s.stage(write(new HardState(1, 1), new LogWrite(1, entries(1, 2, 1)), null));
      assertTrue(s.dirty());
      s.sync();
      assertTrue(!s.dirty());
    }
    assertEquals(2, reopen().entries().size());
  }

  @Test
  void aReopenedLogAppendsAfterItsLastRecordNotAfterTheSpaceAllocatedAhead() throws Exception {
    try (FileStorage s = FileStorage.open(dir)) {
      s.stage(write(null, new LogWrite(1, entries(1, 3, 1)), null));
      s.sync();
    }
    assertEquals(FileStorage.ALLOCATE_BYTES, Files.size(onlySegment()), "the segment is allocated ahead");
    try (FileStorage s = FileStorage.open(dir)) {
      s.stage(write(null, new LogWrite(4, entries(4, 6, 1)), null));
      s.sync();
    }
    assertEquals(entries(1, 6, 1), reopen().entries());
  }

  /**
   * The last record torn at every possible byte, both ways a crash leaves it: the file cut short there,
   * or the rest of the record still zeros from the allocation ahead. Recovery cuts it off and keeps
   * everything before it.
   */
  @Test
  void aTornLastRecordIsCutOffAtEveryOffset() throws Exception {
    try (FileStorage s = FileStorage.open(dir)) {
      s.stage(write(null, new LogWrite(1, entries(1, 3, 1)), null));
      s.sync();
    }
    Path wal = onlySegment();
    byte[] whole = Files.readAllBytes(wal);
    int end = dataEnd(3);
    int lastRecord = end - new WalRecord.Entry(entry(3, 1)).frame().length;
    for (int cut = lastRecord + 1; cut < end; cut++) {
      byte[] zeroed = whole.clone();
      java.util.Arrays.fill(zeroed, cut, end, (byte) 0);
      for (byte[] torn : List.of(java.util.Arrays.copyOf(whole, cut), zeroed)) {
        Files.write(wal, torn);
        boolean anythingWritten = false;
        for (int i = lastRecord; i < torn.length; i++) {
          anythingWritten |= torn[i] != 0;
        }
        try (FileStorage s = FileStorage.open(dir)) {
          assertEquals(2, s.recovered().entries().size(), "cut at " + cut);
          if (!anythingWritten) {
            assertNull(s.cutOff(), "only zeros where the record would be: nothing was written, nothing is cut");
            continue;
          }
          assertNotNull(s.cutOff(), "recovery says it cut something, at " + cut);
          assertTrue(s.cutOff().contains("offset " + lastRecord), s.cutOff());
        }
        assertEquals(lastRecord, Files.size(wal), "the torn bytes are gone from the file");
      }
    }
    Files.write(wal, whole);
    try (FileStorage s = FileStorage.open(dir)) {
      assertEquals(3, s.recovered().entries().size());
      assertNull(s.cutOff());
    }
  }

  /** A flipped byte inside an earlier record is corruption: the node refuses to start, naming file and offset. */
  @Test
  void aFlippedByteInTheMiddleStopsTheNodeWithFileAndOffset() throws Exception {
    Path wal = walOfFiveEntries();
    byte[] b = Files.readAllBytes(wal);
    int recordLength = new WalRecord.Entry(entry(1, 1)).frame().length;
    b[recordLength + 20] ^= 0x40; // inside the second record's body
    Files.write(wal, b);
    StorageException e = assertThrows(StorageException.class, () -> FileStorage.open(dir));
    assertTrue(e.getMessage().contains(wal.getFileName().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("offset " + recordLength), e.getMessage());
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }

  /** A damaged length would misplace every record after it: the header's own checksum catches it. */
  @Test
  void aFlippedByteInAnEarlierRecordsLengthIsCorruptionNotATornTail() throws Exception {
    Path wal = walOfFiveEntries();
    int recordLength = new WalRecord.Entry(entry(1, 1)).frame().length;
    for (int bit = 0; bit < 32; bit++) {
      byte[] b = Files.readAllBytes(wal);
      b[recordLength + 3 - bit / 8] ^= (byte) (1 << (bit % 8)); // the second record's length, bit by bit
      Path copy = dir.resolveSibling("damaged-" + bit);
      Files.createDirectories(copy);
      Files.write(copy.resolve(wal.getFileName()), b);
      StorageException e = assertThrows(StorageException.class, () -> FileStorage.open(copy), "bit " + bit);
      assertTrue(e.getMessage().contains("offset " + recordLength) && e.getMessage().contains("header"), e.getMessage());
    }
  }

  /** Damage in the very last record cannot be told from a torn write: it is cut off, and said so. */
  @Test
  void aFlippedByteInTheLastRecordIsCutOffAsTorn() throws Exception {
    Path wal = walOfFiveEntries();
    byte[] b = Files.readAllBytes(wal);
    b[dataEnd(5) - 3] ^= 1;
    Files.write(wal, b);
    try (FileStorage s = FileStorage.open(dir)) {
      assertEquals(4, s.recovered().entries().size());
      assertNotNull(s.cutOff());
    }
  }

  private Path walOfFiveEntries() throws Exception {
    try (FileStorage s = FileStorage.open(dir)) {
      s.stage(write(null, new LogWrite(1, entries(1, 5, 1)), null));
      s.sync();
    }
    return onlySegment();
  }

  /** Where the records of entries 1..n (term 1) end in a segment. */
  private static int dataEnd(int n) {
    int end = 0;
    for (LogEntry e : entries(1, n, 1)) {
      end += new WalRecord.Entry(e).frame().length;
    }
    return end;
  }

  @Test
  void aDamagedHardStateOrSnapshotStopsTheNode() throws Exception {
    try (FileStorage s = FileStorage.open(dir)) {
      s.stage(write(new HardState(2, 1), null, new Snapshot(1, 1, SnapshotData.of(new byte[] {1, 2, 3}))));
      s.sync();
    }
    byte[] hs = Files.readAllBytes(dir.resolve("hardstate"));
    hs[3] ^= 1;
    Files.write(dir.resolve("hardstate"), hs);
    assertTrue(assertThrows(StorageException.class, () -> FileStorage.open(dir)).getMessage().contains("hardstate"));
    hs[3] ^= 1;
    Files.write(dir.resolve("hardstate"), hs);
    byte[] snap = Files.readAllBytes(dir.resolve("snapshot"));
    snap[snap.length - 1] ^= 1;
    Files.write(dir.resolve("snapshot"), snap);
    assertTrue(assertThrows(StorageException.class, () -> FileStorage.open(dir)).getMessage().contains("snapshot"));
  }

  private Path onlySegment() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("wal-")).findFirst().orElseThrow();
    }
  }

  /** Diss. §4.1: a configuration entry in the log, and the one a snapshot carries, both survive a restart. */
  @Test
  void configurationsInTheLogAndInTheSnapshotSurviveARestart() throws Exception {
    Configuration four = new Configuration(List.of(1, 2, 3), List.of(4), new java.util.TreeMap<>(java.util.Map.of(4,
        "127.0.0.1:8004")));
    Configuration five = Configuration.of(List.of(1, 2, 3, 4, 5));
    try (FileStorage s = FileStorage.open(dir)) {
      s.stage(write(null, new LogWrite(1, List.of(entry(1, 1), new LogEntry(2, 1, new Payload.Config(four)),
          entry(3, 1))), null));
      s.sync();
    }
    PersistentState p = reopen();
    assertEquals(new Payload.Config(four), p.entries().get(1).payload());

    try (FileStorage s = FileStorage.open(dir)) {
      s.stage(write(null, null, new Snapshot(3, 1, SnapshotData.of(new byte[] {1, 2, 3}), five)));
      s.sync();
    }
    Snapshot recovered = reopen().snapshot();
    assertEquals(five, recovered.configuration());
    assertEquals(3, recovered.index());
  }

  /** A snapshot written before configurations were stored (format 1) still reads, without one. */
  @Test
  void aFormatOneSnapshotStillReads() throws Exception {
    byte[] magic = "raftsim-snapshot-1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] data = {9, 8, 7};
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(magic.length + 24 + data.length);
    b.put(magic).putLong(4).putLong(2).putInt(data.length).putInt(WalRecord.crc(data, 0, data.length)).put(data);
    Files.write(dir.resolve("snapshot"), b.array());

    Snapshot s = reopen().snapshot();
    assertEquals(4, s.index());
    assertNull(s.configuration());
  }
}
