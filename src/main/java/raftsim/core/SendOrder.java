package raftsim.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which messages of a {@link Ready} may leave before that Ready's own writes are durable.
 *
 * <p>"Persist before send" protects promises: a vote and an acknowledgement of entries must never
 * outrun the disk. A leader's AppendEntries and snapshot chunks promise nothing about its own disk,
 * so it may send them while it writes the same entries itself, in parallel (diss. §10.2.1): it counts
 * itself toward a commit only once {@link RaftCore#persisted} says its copy is durable, so an entry a
 * crash takes from the leader is committed only if a majority of followers hold it. This is what takes
 * the leader's fsync off the critical path of every write.
 *
 * <p>The leader's term and vote must already be durable, since every message carries the term: a
 * driver sends early only when no hard-state write is pending (one always is until a new candidate's
 * RequestVotes can go, so by the time it leads it is durable — except in a cluster where it is the only
 * voter, hence the check).
 */
public final class SendOrder {
  private SendOrder() {}

  /** True when {@code m} may be sent before the sender's pending writes are durable. */
  public static boolean mayPrecedeOwnWrites(Message m) {
    return m instanceof AppendEntries || m instanceof InstallSnapshot;
  }

  /**
   * Hands {@code early}, in order, the messages that may leave before the sender's writes are durable,
   * and returns the others, in order, which must wait for them. Both drivers split a Ready this way.
   */
  public static List<Message> sendEarly(List<Message> messages, Consumer<Message> early) {
    List<Message> wait = null;
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      if (mayPrecedeOwnWrites(m)) {
        early.accept(m);
      } else {
        if (wait == null) {
          wait = new ArrayList<>(messages.size() - i);
        }
        wait.add(m);
      }
    }
    return wait == null ? List.of() : wait;
  }
}
