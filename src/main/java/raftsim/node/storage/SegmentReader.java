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
  /**
   * The records read; where they end (the next record goes there); and where a torn tail was cut off
   * (-1 when none), with how many bytes it held.
   */
  record Result(List<WalRecord> records, long end, long cutOffAt, long cutOffBytes) {}

  private SegmentReader() {}

  /**
   * Reads {@code file}. Records end where the rest of the file is zeros (space allocated ahead) or at
   * its end. A crash tears only the write in progress, so in the last segment ({@code last}) a bad
   * record with nothing but zeros after it is torn: the file is cut there and reading stops. Any other
   * bad record is corruption, and the node must not start.
   */
  static Result read(Path file, boolean last) throws IOException, StorageException {
    byte[] b = Files.readAllBytes(file);
    List<WalRecord> records = new ArrayList<>();
    int at = 0;
    while (at < b.length && !zeros(b, at)) {
      String problem = null;
      int after = b.length; // where the bad record's bytes end, if there is one
      if (b.length - at < WalRecord.HEADER) {
        problem = "an incomplete record header";
      } else if (!WalRecord.headerIntact(b, at)) {
        problem = "a record header whose checksum does not match";
        after = at + WalRecord.HEADER; // its length cannot be trusted: nothing after the header may be written
      } else {
        int length = ByteBuffer.wrap(b, at, 4).getInt();
        if (length < 1) {
          problem = "a record of length " + length;
        } else if (length > b.length - at - WalRecord.HEADER) {
          problem = "a record of length " + length + " that the file does not hold";
        } else if (!WalRecord.bodyIntact(b, at, length)) {
          problem = "a record whose checksum does not match";
          after = at + WalRecord.HEADER + length;
        } else {
          try {
            records.add(WalRecord.decode(ByteBuffer.wrap(b, at + WalRecord.HEADER, length)));
          } catch (RuntimeException e) {
            throw new StorageException(file, at, "a record that passes its checksum but cannot be decoded: " + e.getMessage());
          }
          at += WalRecord.HEADER + length;
          continue;
        }
      }
      if (last && zeros(b, after)) {
        cut(file, at);
        return new Result(records, at, at, b.length - at);
      }
      throw new StorageException(file, at, problem + "; the log is corrupt, and starting would lose acknowledged"
          + " entries (restore this node's data, or remove its directory to rejoin as an empty node)");
    }
    return new Result(records, at, -1, 0);
  }

  /** True when every byte from {@code from} on is zero (true when there is none). */
  private static boolean zeros(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static void cut(Path file, long at) throws IOException {
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
      c.truncate(at);
      c.force(true);
    }
  }
}
