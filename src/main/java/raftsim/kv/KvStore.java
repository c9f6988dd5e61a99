package raftsim.kv;

import java.util.SortedMap;
import java.util.TreeMap;
import raftsim.core.Payload;
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
  private static final class Session {
    long lastSeq;
    String lastResult;
  }

  @Override
  public String apply(Payload.Command command) {
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
    String result;
    try {
      result = KvCommand.parse(command.text()).execute(data);
    } catch (IllegalArgumentException bad) {
      result = "ERR " + bad.getMessage();
    }
    session.lastSeq = command.seq();
    session.lastResult = result;
    return result;
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
