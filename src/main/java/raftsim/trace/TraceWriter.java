package raftsim.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes the trace: newline-delimited JSON, one object per line, in explicit UTF-8, with integers
 * only (no floating point, whose text differs between JDKs), and keeps the SHA-256 of every byte
 * written (the run's {@code traceHash}).
 *
 * <p>Lines are built field by field into one reused buffer; callers must check {@link #enabled()}
 * before building one, so a run without a trace pays nothing for it.
 */
public final class TraceWriter implements AutoCloseable {
  private static final TraceWriter DISABLED = new TraceWriter(null, false);

  private final OutputStream out;
  private final MessageDigest digest;
  private final StringBuilder line = new StringBuilder(256);
  private long seq;
  private long bytes;

  private TraceWriter(OutputStream out, boolean hash) {
    this.out = out;
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

  /** Starts a line with the fields every line has (CONTRACT §6). */
  public TraceWriter begin(long ev, long t, String kind) {
    line.setLength(0);
    line.append("{\"seq\":").append(seq).append(",\"ev\":").append(ev).append(",\"t\":").append(t);
    return field("kind", kind);
  }

  public TraceWriter field(String name, long value) {
    line.append(",\"").append(name).append("\":").append(value);
    return this;
  }

  public TraceWriter field(String name, boolean value) {
    line.append(",\"").append(name).append("\":").append(value);
    return this;
  }

  /** A string field, JSON-escaped; null writes JSON null. */
  public TraceWriter field(String name, String value) {
    line.append(",\"").append(name).append("\":");
    if (value == null) {
      line.append("null");
    } else {
      Json.quote(value, line);
    }
    return this;
  }

  /** A field whose value is already valid JSON text (an array or object built by the caller). */
  public TraceWriter rawField(String name, CharSequence json) {
    line.append(",\"").append(name).append("\":").append(json);
    return this;
  }

  /** Ends the line and writes it. */
  public void end() {
    line.append("}\n");
    byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
    digest.update(b);
    bytes += b.length;
    seq++;
    if (out != null) {
      try {
        out.write(b);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the trace", e);
      }
    }
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
    try {
      MessageDigest copy = (MessageDigest) digest.clone();
      return HexFormat.of().formatHex(copy.digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests are cloneable on every Java platform", e);
    }
  }

  @Override
  public void close() {
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
