package raftsim.node.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Reads one log segment back, record by record, telling a torn tail from corruption. */
final class SegmentReader {
  /** The records read, and where a torn tail was cut off (-1 when none). */
  record Result(List<WalRecord> records, long cutOffAt, long cutOffBytes) {}

  private SegmentReader() {}

  /**
   * Reads {@code file}. In the last segment ({@code last}), a final record that is incomplete or fails
   * its checksum is torn: the file is cut there and reading stops. Any other bad record is corruption.
   */
  static Result read(Path file, boolean last) throws IOException, StorageException {
    byte[] b = Files.readAllBytes(file);
    List<WalRecord> records = new ArrayList<>();
    int at = 0;
    while (at < b.length) {
      String problem = null;
      int length = -1;
      if (b.length - at < WalRecord.HEADER) {
        problem = "an incomplete record header";
      } else {
        length = ByteBuffer.wrap(b, at, 4).getInt();
        if (length < 1 || length > b.length - at - WalRecord.HEADER) {
          problem = "a record of length " + length + " that the file does not hold";
        } else if (WalRecord.crc(b, at + WalRecord.HEADER, length) != ByteBuffer.wrap(b, at + 4, 4).getInt()) {
          problem = "a record whose checksum does not match";
        }
      }
      if (problem != null) {
        // A crash tears only the write in progress: the last record of the last segment, reaching
        // the end of the file. Anything else lost data that had been acknowledged.
        boolean reachesEnd = length < 1 || at + WalRecord.HEADER + length >= b.length;
        if (last && reachesEnd) {
          cut(file, at);
          return new Result(records, at, b.length - at);
        }
        throw new StorageException(file, at, problem + "; the log is corrupt, and starting would lose acknowledged"
            + " entries (restore this node's data, or remove its directory to rejoin as an empty node)");
      }
      try {
        records.add(WalRecord.decode(ByteBuffer.wrap(b, at + WalRecord.HEADER, length)));
      } catch (RuntimeException e) {
        throw new StorageException(file, at, "a record that passes its checksum but cannot be decoded: " + e.getMessage());
      }
      at += WalRecord.HEADER + length;
    }
    return new Result(records, -1, 0);
  }

  private static void cut(Path file, long at) throws IOException {
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
      c.truncate(at);
      c.force(true);
    }
  }
}
