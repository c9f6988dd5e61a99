package raftsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import raftsim.trace.TraceWriter;

/**
 * The simulator's host keeps the persistence contract, read from the trace of a cluster with a slow
 * disk: every vote and acknowledgement leaves only once what it promises is durable, while a leader's
 * AppendEntries leave as soon as they are made, its own write still in flight (diss. §10.2.1).
 */
class SendOrderSimTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void promisesWaitForTheDiskAndTheLeadersAppendsDoNot() throws Exception {
    SimOptions slowDisk = new SimOptions(3, raftsim.core.RaftConfig.defaults(), new NetworkParams(1, 5, 0, 0), 15, 15, 11,
        raftsim.kv.KvStore::new, ReadMode.READ_INDEX, Long.MAX_VALUE, 3);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TraceWriter trace = TraceWriter.to(bytes);
    Simulation sim = new Simulation(slowDisk, trace);
    ProposalLoad.start(sim, 100, 0, 3000);
    sim.runUntil(3000);
    trace.close();
    assertEquals(List.of(), sim.violations());

    long[] durableIndex = new long[4];
    long[] durableTerm = new long[4];
    int[] durableVote = new int[4];
    int votes = 0;
    int acks = 0;
    int earlyAppends = 0;
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      JsonNode e = JSON.readTree(line);
      String kind = e.path("kind").asText();
      if (kind.equals("durable") && !e.has("crashed")) {
        int n = e.get("node").asInt();
        if (e.has("term")) {
          durableTerm[n] = e.get("term").asLong();
          durableVote[n] = e.get("votedFor").asInt();
        }
        if (e.has("to")) {
          durableIndex[n] = e.get("to").asLong();
        }
      } else if (kind.equals("send")) {
        int from = e.get("from").asInt();
        switch (e.get("type").asText()) {
          case "RequestVoteReply" -> {
            if (e.get("granted").asBoolean()) {
              votes++;
              assertEquals(e.get("term").asLong(), durableTerm[from], "a vote leaves once its term is durable: " + line);
              assertEquals(e.get("to").asInt(), durableVote[from], "a vote leaves once it is durable: " + line);
            }
          }
          case "AppendEntriesReply" -> {
            if (e.get("success").asBoolean()) {
              acks++;
              assertTrue(e.get("matchIndex").asLong() <= durableIndex[from],
                  "an acknowledgement leaves once the entries are durable (" + durableIndex[from] + "): " + line);
            }
          }
          case "AppendEntries" -> {
            if (e.get("lastIndex").asLong() > durableIndex[from]) {
              earlyAppends++;
            }
          }
          default -> { }
        }
      }
    }
    assertTrue(votes >= 2 && acks > 100, "the run voted and replicated: " + votes + " votes, " + acks + " acks");
    assertTrue(earlyAppends > 100, "the leader sent entries before its own copy was durable: " + earlyAppends);
  }
}
