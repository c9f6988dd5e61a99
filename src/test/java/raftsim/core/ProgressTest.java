package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * A leader's view of one follower on its own (rule 13: matchIndex &lt; nextIndex, and nextIndex is at least
 * 1). The flow control it drives is tested through the leader, in {@link LeaderReplicationTest}.
 */
class ProgressTest {

  /** Rule 13: index 0 is the empty prefix, never an entry to send: a view starting there is refused at once. */
  @Test
  void rule13_progressCannotStartBeforeTheFirstIndex() {
    assertThrows(IllegalStateException.class, () -> new Progress(2, 0, 4, 0));

    Progress p = new Progress(2, 1, 4, 0);

    assertEquals(1, p.nextIndex());
    assertEquals(0, p.matchIndex());
    assertFalse(p.replicating());
  }
}
