package raftsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.Map;
import java.util.TreeMap;
import raftsim.core.AppendEntries;
import raftsim.core.Configuration;
import raftsim.core.InstallSnapshot;
import raftsim.core.LogEntry;
import raftsim.core.Message;
import raftsim.core.Payload;
import raftsim.core.PreVote;
import raftsim.core.PreVoteReply;
import raftsim.core.RequestVote;
import raftsim.core.RequestVoteReply;
import raftsim.core.TimeoutNow;
import raftsim.core.VoteRefusal;

/** Every peer message survives the wire: encoded as JSON and decoded at its endpoint, it is the same message. */
class MessageCodecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Message> messages() {
    return Stream.of(
        new RequestVote(2, 1, 5, 7, 4),
        RequestVoteReply.refuse(1, 2, 5, VoteRefusal.LEADER_HEARD),
        new RequestVote(2, 1, 5, 7, 4, true),
        new TimeoutNow(1, 2, 5),
        new PreVote(3, 1, 6, 10, 5),
        PreVoteReply.grant(1, 3, 6),
        PreVoteReply.refuse(1, 3, 5, VoteRefusal.CANDIDATE_LOG_BEHIND),
        new AppendEntries(1, 2, 3, 4, 2, List.of(new LogEntry(5, 3, Payload.NoOp.INSTANCE),
            new LogEntry(6, 3, new Payload.Command(7, 8, "SET a 1")),
            new LogEntry(7, 3, new Payload.Config(new Configuration(List.of(1, 2, 3), List.of(4),
                new TreeMap<>(Map.of(4, "127.0.0.1:8004")))))), 4, 9),
        new InstallSnapshot(1, 2, 3, 10, 3, 0, new byte[] {1, 2}, true, Configuration.of(List.of(1, 2, 5))),
        new InstallSnapshot(1, 2, 3, 10, 3, 2, new byte[] {3}, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void roundTrips(Message m) throws Exception {
    String endpoint = MessageCodec.endpoint(m);
    Message back = MessageCodec.decode(endpoint, JSON.readTree(MessageCodec.encode(m)));
    assertEquals(m, back);
    // A batch travels as a JSON array of encoded messages, as PeerLink posts it.
    String one = new String(MessageCodec.encode(m), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(List.of(m, m), MessageCodec.decodeAll(endpoint, JSON.readTree("[" + one + "," + one + "]")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void isRefusedAtAnotherEndpoint(Message m) throws Exception {
    String elsewhere = MessageCodec.endpoint(m).equals("/raft/read_index") ? "/raft/append_entries" : "/raft/read_index";
    assertThrows(BadRequest.class, () -> MessageCodec.decode(elsewhere, JSON.readTree(MessageCodec.encode(m))));
  }
}
