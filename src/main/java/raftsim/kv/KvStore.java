package raftsim.kv;

import java.util.SortedMap;
import java.util.TreeMap;
import raftsim.core.Payload;
import raftsim.core.SnapshotData;
import raftsim.core.StateMachine;

/**
 * The key-value state machine with client sessions (Raft dissertation §6.3). Each command carries
 * (clientId, seq); the store remembers, per client, the last sequence it applied and that result, so a
 * retried command is applied at most once and answered with its first result, and a command older than
 * the last applied one is never applied (RAFT-CHECKLIST rule 18). Sessions are part of the state, so
 * every node decides duplicates the same way.
 */
public final class KvStore implements StateMachine {
  /** Answer to a command older than the client's last applied one: it was not applied. */
  public static final String STALE = "ERR stale sequence";

  private final TreeMap<String, String> data = new TreeMap<>();
  private final TreeMap<Long, Session> sessions = new TreeMap<>();

  /** The last command a client had applied and its result; updated in place, one per client. */
  static final class Session {
    long lastSeq;
    String lastResult;

    Session copy() {
      Session s = new Session();
      s.lastSeq = lastSeq;
      s.lastResult = lastResult;
      return s;
    }
  }

  /** A command without a session (client id 0): applied every time it commits, remembered by nobody. */
  public static final long NO_SESSION = 0;

  @Override
  public String apply(Payload.Command command) {
    if (command.clientId() == NO_SESSION) {
      return execute(command.text());
    }
    Session session = sessions.get(command.clientId());
    if (session != null) {
      if (command.seq() == session.lastSeq) {
        return session.lastResult;
      }
      if (command.seq() < session.lastSeq) {
        return STALE;
      }
    } else {
      session = new Session();
      sessions.put(command.clientId(), session);
    }
    String result = execute(command.text());
    session.lastSeq = command.seq();
    session.lastResult = result;
    return result;
  }

  private String execute(String text) {
    try {
      return KvCommand.parse(text).execute(data);
    } catch (IllegalArgumentException bad) {
      return "ERR " + bad.getMessage();
    }
  }

  @Override
  public String read(String command) {
    try {
      KvCommand c = KvCommand.parse(command);
      return c.readOnly() ? c.execute(data) : "ERR not a read: " + command;
    } catch (IllegalArgumentException bad) {
      return "ERR " + bad.getMessage();
    }
  }

  @Override
  public boolean isReadOnly(String command) {
    try {
      return KvCommand.parse(command).readOnly();
    } catch (IllegalArgumentException bad) {
      return false;
    }
  }

  @Override
  public SnapshotData snapshot() {
    return new KvSnapshot(data, sessions);
  }

  /** @throws IllegalArgumentException when {@code snapshot} is not a key-value snapshot; nothing changes then */
  @Override
  public void restore(SnapshotData snapshot) {
    KvSnapshot s = snapshot instanceof KvSnapshot k ? k : KvSnapshot.decode(snapshot.bytes());
    data.clear();
    data.putAll(s.data);
    sessions.clear();
    s.sessions.forEach((id, session) -> sessions.put(id, session.copy()));
  }

  /** The current value of {@code key}, or null. */
  public String get(String key) {
    return data.get(key);
  }

  /** A read-only view of all keys and values, in key order. */
  public SortedMap<String, String> data() {
    return java.util.Collections.unmodifiableSortedMap(data);
  }

  /** How many client sessions the store remembers. */
  public int sessionCount() {
    return sessions.size();
  }
}
