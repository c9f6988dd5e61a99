package raftsim.learn;

import java.util.Arrays;

/**
 * A growable byte buffer of variable-length integers (7 bits a byte, low bits first, as in Protocol
 * Buffers) and zigzag-coded signed ones, and the reading side. The HTML viewer reads the same encoding.
 */
final class VarBytes {
  private byte[] buf;
  private int len;

  VarBytes(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  int length() {
    return len;
  }

  byte[] toArray() {
    return Arrays.copyOf(buf, len);
  }

  /** Bytes {@code from..to} of what was written. */
  byte[] slice(int from, int to) {
    return Arrays.copyOfRange(buf, from, to);
  }

  /** Writes {@code v}, which must not be negative. */
  void unsigned(long v) {
    if (len + 10 > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(2 * buf.length, len + 10));
    }
    while ((v & ~0x7fL) != 0) {
      buf[len++] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    buf[len++] = (byte) v;
  }

  /** Writes any {@code v}: small magnitudes, negative or not, take few bytes. */
  void signed(long v) {
    unsigned((v << 1) ^ (v >> 63));
  }

  /** Reads what {@link VarBytes} wrote, from a position on. */
  static final class Reader {
    private final byte[] buf;
    private int pos;

    Reader(byte[] buf, int pos) {
      this.buf = buf;
      this.pos = pos;
    }

    int position() {
      return pos;
    }

    long unsigned() {
      long v = 0;
      int shift = 0;
      while (true) {
        byte b = buf[pos++];
        v |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return v;
        }
        shift += 7;
      }
    }

    long signed() {
      long u = unsigned();
      return (u >>> 1) ^ -(u & 1);
    }
  }
}
