package raftsim.learn;

import java.util.List;

/**
 * A hand-written trace whose clients' history is not linearizable: a read returns nothing after another
 * read already saw a completed write. The simulator never produces one (its core is correct), so tests of
 * how a violation is shown write it themselves.
 */
final class StaleRead {
  private StaleRead() {}

  static final List<String> LINES = List.of(
      "{\"seq\":0,\"ev\":0,\"t\":0,\"kind\":\"boot\",\"nodes\":3,\"seed\":5,\"electionTimeoutMin\":150,\"electionTimeoutMax\":300,\"heartbeat\":50}",
      "{\"seq\":1,\"ev\":1,\"t\":5,\"kind\":\"role\",\"node\":1,\"role\":\"candidate\",\"was\":\"follower\",\"term\":1,\"leader\":0}",
      "{\"seq\":2,\"ev\":1,\"t\":5,\"kind\":\"election\",\"node\":1,\"term\":1,\"lastLogIndex\":0,\"lastLogTerm\":0}",
      "{\"seq\":3,\"ev\":2,\"t\":8,\"kind\":\"role\",\"node\":1,\"role\":\"leader\",\"was\":\"candidate\",\"term\":1,\"leader\":1}",
      "{\"seq\":4,\"ev\":2,\"t\":8,\"kind\":\"append\",\"node\":1,\"from\":1,\"to\":1,\"term\":1,\"truncatedFrom\":0}",
      "{\"seq\":5,\"ev\":3,\"t\":10,\"kind\":\"client-invoke\",\"client\":1,\"op\":1,\"clientSeq\":1,\"command\":\"SET k0 1.1;\"}",
      "{\"seq\":6,\"ev\":4,\"t\":20,\"kind\":\"client-complete\",\"client\":1,\"op\":1,\"clientSeq\":1,\"outcome\":\"ok\",\"result\":\"OK\",\"latency\":10}",
      "{\"seq\":7,\"ev\":5,\"t\":30,\"kind\":\"client-invoke\",\"client\":2,\"op\":2,\"clientSeq\":1,\"command\":\"GET k0\"}",
      "{\"seq\":8,\"ev\":6,\"t\":40,\"kind\":\"client-complete\",\"client\":2,\"op\":2,\"clientSeq\":1,\"outcome\":\"ok\",\"result\":\"VALUE 1.1;\",\"latency\":10}",
      "{\"seq\":9,\"ev\":7,\"t\":50,\"kind\":\"client-invoke\",\"client\":3,\"op\":3,\"clientSeq\":1,\"command\":\"GET k0\"}",
      "{\"seq\":10,\"ev\":8,\"t\":60,\"kind\":\"client-complete\",\"client\":3,\"op\":3,\"clientSeq\":1,\"outcome\":\"ok\",\"result\":\"NIL\",\"latency\":10}",
      "{\"seq\":11,\"ev\":9,\"t\":70,\"kind\":\"violation\",\"invariant\":\"StateMachineSafety\",\"nodes\":[1,2],\"index\":1,\"term\":1,\"detail\":\"a planted example\"}");
}
