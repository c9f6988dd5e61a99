package raftsim.kv;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import raftsim.core.SnapshotData;

/**
 * The key-value store frozen at one moment: its keys and values and its client sessions (RAFT-CHECKLIST
 * rule 23). Taking one copies two small sorted maps; the bytes are made only when asked for, and are
 * the same on every node for the same state.
 *
 * <p>Format: {@code "raftsim-kv 1"}; the number of keys, then each key and value; the number of
 * sessions, then each client id, last sequence and last result. Strings are a 4-byte length and UTF-8.
 */
final class KvSnapshot implements SnapshotData {
  private static final String MAGIC = "raftsim-kv 1";

  final SortedMap<String, String> data;
  final SortedMap<Long, KvStore.Session> sessions;
  private byte[] bytes;

  KvSnapshot(SortedMap<String, String> data, SortedMap<Long, KvStore.Session> sessions) {
    this.data = new TreeMap<>(data);
    this.sessions = new TreeMap<>();
    sessions.forEach((id, s) -> this.sessions.put(id, s.copy()));
  }

  @Override
  public synchronized byte[] bytes() {
    if (bytes == null) {
      bytes = encode();
    }
    return bytes.clone();
  }

  private byte[] encode() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      writeString(out, MAGIC);
      out.writeInt(data.size());
      for (Map.Entry<String, String> e : data.entrySet()) {
        writeString(out, e.getKey());
        writeString(out, e.getValue());
      }
      out.writeInt(sessions.size());
      for (Map.Entry<Long, KvStore.Session> e : sessions.entrySet()) {
        out.writeLong(e.getKey());
        out.writeLong(e.getValue().lastSeq);
        writeString(out, e.getValue().lastResult);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return buffer.toByteArray();
  }

  /**
   * Reads snapshot bytes back.
   *
   * @throws IllegalArgumentException when the bytes are not a key-value snapshot
   */
  static KvSnapshot decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (!MAGIC.equals(readString(in, bytes.length))) {
        throw new IllegalArgumentException("not a key-value snapshot");
      }
      TreeMap<String, String> data = new TreeMap<>();
      int keys = count(in, bytes.length);
      for (int i = 0; i < keys; i++) {
        data.put(readString(in, bytes.length), readString(in, bytes.length));
      }
      TreeMap<Long, KvStore.Session> sessions = new TreeMap<>();
      int clients = count(in, bytes.length);
      for (int i = 0; i < clients; i++) {
        long id = in.readLong();
        KvStore.Session s = new KvStore.Session();
        s.lastSeq = in.readLong();
        s.lastResult = readString(in, bytes.length);
        sessions.put(id, s);
      }
      if (in.available() != 0) {
        throw new IllegalArgumentException("trailing bytes after the snapshot");
      }
      return new KvSnapshot(data, sessions);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated key-value snapshot", e);
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static int count(DataInputStream in, int limit) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > limit) {
      throw new IllegalArgumentException("impossible count " + n + " in a snapshot of " + limit + " bytes");
    }
    return n;
  }

  private static String readString(DataInputStream in, int limit) throws IOException {
    byte[] b = new byte[count(in, limit)];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SnapshotData other && Arrays.equals(bytes(), other.bytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes());
  }

  @Override
  public String toString() {
    return "KvSnapshot[" + data.size() + " keys, " + sessions.size() + " sessions]";
  }
}
