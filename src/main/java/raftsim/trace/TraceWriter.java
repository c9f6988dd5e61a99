package raftsim.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Writes the trace: newline-delimited JSON, one object per line, in explicit UTF-8, with integers
 * only (no floating point, whose text differs between JDKs), and keeps the SHA-256 of every byte
 * written (the run's {@code traceHash}).
 *
 * <p>Lines are encoded field by field straight into one reused byte buffer, with no String per line;
 * callers must check {@link #enabled()} before building one, so a run without a trace pays nothing for
 * it. Finished lines are hashed and passed to the stream in blocks of at least {@link #BLOCK} bytes, and
 * the rest when the hash is asked for or the writer is closed.
 */
public final class TraceWriter implements AutoCloseable {
  private static final TraceWriter DISABLED = new TraceWriter(null, false);
  /** Lines are hashed and written once this many bytes are ready: enough for a buffered stream to pass on. */
  private static final int BLOCK = 1 << 16;
  /** The tens and the units digit of each number below 100. */
  private static final byte[] TENS = new byte[100];
  private static final byte[] ONES = new byte[100];

  static {
    for (int i = 0; i < 100; i++) {
      TENS[i] = (byte) ('0' + i / 10);
      ONES[i] = (byte) ('0' + i % 10);
    }
  }

  private static final byte[] SEQ = ascii("{\"seq\":");
  private static final byte[] EV = ascii(",\"ev\":");
  private static final byte[] T = ascii(",\"t\":");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");
  private static final byte[] NULL = ascii("null");

  private final OutputStream out;
  private final MessageDigest digest;
  /** Finished lines not yet hashed and written, then the line being built. */
  private byte[] buf;
  /** End of the last finished line in {@link #buf}. */
  private int done;
  /** End of what is in {@link #buf}. */
  private int pos;
  private long seq;
  private long bytes;

  private TraceWriter(OutputStream out, boolean hash) {
    this.out = out;
    this.buf = new byte[hash ? 2 * BLOCK : 0];
    try {
      this.digest = hash ? MessageDigest.getInstance("SHA-256") : null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** A writer that records nothing. */
  public static TraceWriter disabled() {
    return DISABLED;
  }

  /** A writer that hashes every line and, when {@code out} is not null, writes it there. */
  public static TraceWriter to(OutputStream out) {
    return new TraceWriter(out, true);
  }

  public boolean enabled() {
    return digest != null;
  }

  /** Starts a line with the fields every line has (CONTRACT §6); a line begun and not ended is dropped. */
  public TraceWriter begin(long ev, long t, String kind) {
    pos = done;
    put(SEQ);
    number(seq);
    put(EV);
    number(ev);
    put(T);
    number(t);
    return field("kind", kind);
  }

  public TraceWriter field(String name, long value) {
    name(name);
    number(value);
    return this;
  }

  public TraceWriter field(String name, boolean value) {
    name(name);
    put(value ? TRUE : FALSE);
    return this;
  }

  /** A string field, JSON-escaped; null writes JSON null. */
  public TraceWriter field(String name, String value) {
    name(name);
    if (value == null) {
      put(NULL);
    } else {
      room(Json.maxBytes(value.length()));
      pos = Json.quote(value, buf, pos);
    }
    return this;
  }

  /** A field whose value is already valid JSON text (an array or object built by the caller). */
  public TraceWriter rawField(String name, CharSequence json) {
    name(name);
    room(Json.maxBytes(json.length()));
    pos = Json.utf8(json, buf, pos);
    return this;
  }

  /** Ends the line: it counts as written from now on. */
  public void end() {
    room(2);
    buf[pos++] = '}';
    buf[pos++] = '\n';
    bytes += pos - done;
    seq++;
    done = pos;
    if (done >= BLOCK) {
      drain();
    }
  }

  /** Writes {@code ,"name":}; the name is written as it is, like raw JSON. */
  private void name(String name) {
    room(Json.maxBytes(name.length()) + 2);
    buf[pos++] = ',';
    buf[pos++] = '"';
    pos = Json.utf8(name, buf, pos);
    buf[pos++] = '"';
    buf[pos++] = ':';
  }

  private void put(byte[] bytes) {
    room(bytes.length);
    System.arraycopy(bytes, 0, buf, pos, bytes.length);
    pos += bytes.length;
  }

  /** Writes {@code v} in decimal, as {@link Long#toString(long)} does. */
  private void number(long v) {
    if (v == Long.MIN_VALUE) {
      put(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
      return;
    }
    room(20);
    if (v < 0) {
      buf[pos++] = '-';
      v = -v;
    }
    int end = pos + digits(v);
    int p = end;
    // Two digits per division, and in int arithmetic, which is cheaper, once the value fits.
    while (v > Integer.MAX_VALUE) {
      long q = v / 100;
      int r = (int) (v - 100 * q);
      buf[--p] = ONES[r];
      buf[--p] = TENS[r];
      v = q;
    }
    int i = (int) v;
    while (i >= 100) {
      int q = i / 100;
      int r = i - 100 * q;
      buf[--p] = ONES[r];
      buf[--p] = TENS[r];
      i = q;
    }
    buf[--p] = ONES[i];
    if (i >= 10) {
      buf[--p] = TENS[i];
    }
    pos = end;
  }

  /** How many decimal digits {@code v}, which is not negative, has. */
  private static int digits(long v) {
    int n = 1;
    for (long bound = 10; n < 19 && v >= bound; bound *= 10) {
      n++;
    }
    return n;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Makes room for {@code n} more bytes in the buffer. */
  private void room(int n) {
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(2 * buf.length, pos + n));
    }
  }

  /** Hashes and writes the finished lines, keeping any line still being built. */
  private void drain() {
    if (done == 0) {
      return; // nothing finished: in particular, nothing to write to a stream already closed
    }
    digest.update(buf, 0, done);
    if (out != null) {
      try {
        out.write(buf, 0, done);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the trace", e);
      }
    }
    System.arraycopy(buf, done, buf, 0, pos - done);
    pos -= done;
    done = 0;
  }

  /** Lines written so far. */
  public long lines() {
    return seq;
  }

  /** Bytes written so far. */
  public long bytes() {
    return bytes;
  }

  /** The SHA-256 of every byte written so far, in lower-case hex; null when disabled. */
  public String hashHex() {
    if (digest == null) {
      return null;
    }
    drain();
    try {
      MessageDigest copy = (MessageDigest) digest.clone();
      return HexFormat.of().formatHex(copy.digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests are cloneable on every Java platform", e);
    }
  }

  @Override
  public void close() {
    if (digest != null) {
      drain();
    }
    if (out != null) {
      try {
        out.flush();
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the trace", e);
      }
    }
  }
}
