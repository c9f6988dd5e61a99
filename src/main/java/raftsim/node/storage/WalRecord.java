package raftsim.node.storage;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import raftsim.core.Configuration;
import raftsim.core.LogEntry;
import raftsim.core.Payload;

/**
 * One record of the write-ahead log: {@code [length:int][bodyCrc:int][headerCrc:int][body]}, CRC-32C
 * checksums of the body and of the header's first eight bytes. The header has its own checksum so that
 * a damaged length is recognised as damage, not trusted to say where the next record starts. A body is
 * an entry, or a truncation ("entries from this index on are gone").
 */
sealed interface WalRecord {
  int HEADER = 12;
  byte ENTRY = 1;
  byte TRUNCATE = 2;
  byte NO_OP = 0;
  byte COMMAND = 1;
  byte CONFIG = 2;

  /** An entry appended to the log. */
  record Entry(LogEntry entry) implements WalRecord {}

  /** Every entry at {@code fromIndex} or above is deleted. */
  record Truncate(long fromIndex) implements WalRecord {}

  /** The framed bytes of this record. */
  default byte[] frame() {
    ByteArrayOutputStream body = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(body)) {
      if (this instanceof Entry e) {
        LogEntry le = e.entry();
        out.writeByte(ENTRY);
        out.writeLong(le.index());
        out.writeLong(le.term());
        if (le.payload() instanceof Payload.Command c) {
          out.writeByte(COMMAND);
          out.writeLong(c.clientId());
          out.writeLong(c.seq());
          byte[] text = c.text().getBytes(StandardCharsets.UTF_8);
          out.writeInt(text.length);
          out.write(text);
        } else if (le.payload() instanceof Payload.Config c) {
          out.writeByte(CONFIG);
          writeConfiguration(out, c.configuration());
        } else {
          out.writeByte(NO_OP);
        }
      } else {
        out.writeByte(TRUNCATE);
        out.writeLong(((Truncate) this).fromIndex());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    byte[] b = body.toByteArray();
    byte[] framed = ByteBuffer.allocate(HEADER + b.length).putInt(b.length).putInt(crc(b, 0, b.length)).putInt(0).put(b)
        .array();
    ByteBuffer.wrap(framed, 8, 4).putInt(crc(framed, 0, 8));
    return framed;
  }

  /** True when the header at {@code at} (which the array holds whole) matches its checksum. */
  static boolean headerIntact(byte[] b, int at) {
    return crc(b, at, 8) == ByteBuffer.wrap(b, at + 8, 4).getInt();
  }

  /** True when the body of {@code length} bytes after the header at {@code at} matches its checksum. */
  static boolean bodyIntact(byte[] b, int at, int length) {
    return crc(b, at + HEADER, length) == ByteBuffer.wrap(b, at + 4, 4).getInt();
  }

  /**
   * Decodes a body whose checksum matched.
   *
   * @throws IllegalArgumentException when the body is not a record (corruption with a valid checksum
   *     cannot happen by accident, but a file from elsewhere could hold anything)
   */
  static WalRecord decode(ByteBuffer body) {
    byte type = body.get();
    if (type == TRUNCATE) {
      return new Truncate(body.getLong());
    }
    if (type != ENTRY) {
      throw new IllegalArgumentException("unknown record type " + type);
    }
    long index = body.getLong();
    long term = body.getLong();
    byte kind = body.get();
    if (kind == NO_OP) {
      return new Entry(new LogEntry(index, term, Payload.NoOp.INSTANCE));
    }
    if (kind == CONFIG) {
      return new Entry(new LogEntry(index, term, new Payload.Config(readConfiguration(body))));
    }
    if (kind != COMMAND) {
      throw new IllegalArgumentException("unknown payload kind " + kind);
    }
    long clientId = body.getLong();
    long seq = body.getLong();
    int length = body.getInt();
    if (length < 0 || length > body.remaining()) {
      throw new IllegalArgumentException("command length " + length + " beyond the record");
    }
    byte[] text = new byte[length];
    body.get(text);
    return new Entry(new LogEntry(index, term, new Payload.Command(clientId, seq, new String(text, StandardCharsets.UTF_8))));
  }

  /**
   * A configuration (diss. §4.1): the voters, the learners (each a count, then the ids) and the known
   * addresses (a count, then each id and its UTF-8 address with a length).
   */
  static void writeConfiguration(DataOutputStream out, Configuration c) throws IOException {
    out.writeInt(c.voters().size());
    for (int v : c.voters()) {
      out.writeInt(v);
    }
    out.writeInt(c.learners().size());
    for (int l : c.learners()) {
      out.writeInt(l);
    }
    out.writeInt(c.addresses().size());
    for (var e : c.addresses().entrySet()) {
      out.writeInt(e.getKey());
      byte[] a = e.getValue().getBytes(StandardCharsets.UTF_8);
      out.writeInt(a.length);
      out.write(a);
    }
  }

  /** @throws IllegalArgumentException when the bytes are not a configuration */
  static Configuration readConfiguration(ByteBuffer in) {
    List<Integer> voters = readIds(in);
    List<Integer> learners = readIds(in);
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("address count " + n + " beyond the record");
    }
    TreeMap<Integer, String> addresses = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      int id = in.getInt();
      int length = in.getInt();
      if (length < 0 || length > in.remaining()) {
        throw new IllegalArgumentException("address length " + length + " beyond the record");
      }
      byte[] a = new byte[length];
      in.get(a);
      addresses.put(id, new String(a, StandardCharsets.UTF_8));
    }
    return new Configuration(voters, learners, addresses);
  }

  private static List<Integer> readIds(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining() / 4) {
      throw new IllegalArgumentException("id count " + n + " beyond the record");
    }
    List<Integer> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(in.getInt());
    }
    return ids;
  }

  static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
