package raftsim.sim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A disk write as a framed record — length, CRC-32, payload — the way a write-ahead log stores it, so
 * that a write torn by a crash can be told from a whole one the way a real recovery does: by its
 * length and its checksum.
 */
final class TornWrite {
  private static final int HEADER = 8;

  private TornWrite() {}

  /** The record for {@code w}: its length, the CRC-32 of its payload, then the payload. */
  static byte[] frame(DiskWrite w) {
    StringBuilder text = new StringBuilder();
    if (w.hardState != null) {
      text.append("hardState ").append(w.hardState.term()).append(' ').append(w.hardState.votedFor()).append('\n');
    }
    if (w.snapshot != null) {
      text.append("snapshot ").append(w.snapshot.index()).append(' ').append(w.snapshot.term()).append('\n');
    }
    if (w.logWrite != null) {
      text.append("log from ").append(w.logWrite.fromIndex()).append('\n');
      w.logWrite.entries().forEach(e -> text.append(e).append('\n'));
    }
    byte[] payload = text.toString().getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(payload);
    return ByteBuffer.allocate(HEADER + payload.length).putInt(payload.length).putInt((int) crc.getValue())
        .put(payload).array();
  }

  /** The first half of {@code record}: what a crash in the middle of writing it leaves. */
  static byte[] tear(byte[] record) {
    return Arrays.copyOf(record, record.length / 2);
  }

  /** Whether {@code bytes} hold one whole record: the length it announces is there and the checksum matches. */
  static boolean whole(byte[] bytes) {
    if (bytes.length < HEADER) {
      return false;
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int length = b.getInt();
    int checksum = b.getInt();
    if (length < 0 || length != bytes.length - HEADER) {
      return false;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, HEADER, length);
    return (int) crc.getValue() == checksum;
  }
}
