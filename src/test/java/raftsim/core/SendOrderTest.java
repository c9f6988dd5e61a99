package raftsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Persist before send (Figure 2: "respond to RPCs" only after updating stable storage), with the one
 * exception of diss. §10.2.1: a leader's own appends may leave before its write is durable.
 */
class SendOrderTest {
  @Test
  void onlyALeadersAppendsAndSnapshotChunksMayOutrunItsDisk() {
    List<Message> early = List.of(
        new AppendEntries(1, 2, 3, 0, 0, List.of(), 0, 1),
        new InstallSnapshot(1, 2, 3, 10, 2, 0, new byte[] {1}, true));
    List<Message> wait = List.of(
        new RequestVote(1, 2, 3, 0, 0),
        RequestVoteReply.grant(2, 1, 3),
        AppendEntriesReply.accept(2, 1, 3, 5, 1),
        new InstallSnapshotReply(2, 1, 3, 10, 1, true),
        new ReadIndex(2, 1, 3, 7),
        new ReadIndexReply(1, 2, 3, 7, true, 4, 1));
    for (Message m : early) {
      assertEquals(true, SendOrder.mayPrecedeOwnWrites(m), m.type());
    }
    for (Message m : wait) {
      assertEquals(false, SendOrder.mayPrecedeOwnWrites(m), m.type() + " promises what the disk must hold first");
    }
  }

  @Test
  void aReadyIsSplitInOrderIntoWhatGoesNowAndWhatWaitsForTheDisk() {
    Message append1 = new AppendEntries(1, 2, 3, 0, 0, List.of(), 0, 1);
    Message vote = RequestVoteReply.grant(1, 3, 3);
    Message append2 = new AppendEntries(1, 3, 3, 0, 0, List.of(), 0, 2);
    Message ack = AppendEntriesReply.accept(1, 2, 3, 5, 1);
    List<Message> sent = new ArrayList<>();
    List<Message> wait = SendOrder.sendEarly(List.of(append1, vote, append2, ack), sent::add);
    assertEquals(List.of(append1, append2), sent);
    assertEquals(List.of(vote, ack), wait);
    assertEquals(List.of(), SendOrder.sendEarly(List.of(append1), m -> {}));
  }
}
