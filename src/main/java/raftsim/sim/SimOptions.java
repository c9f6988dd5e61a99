package raftsim.sim;

import java.util.function.Supplier;
import raftsim.core.RaftConfig;
import raftsim.core.StateMachine;
import raftsim.kv.KvStore;

/**
 * Everything that shapes one simulated run besides the events played into it.
 *
 * @param nodes cluster size; node ids are 1..nodes
 * @param raft every node's timing and flow control
 * @param network the network at the start
 * @param diskSyncMinMs a write becomes durable a delay drawn from [diskSyncMinMs, diskSyncMaxMs] after it is issued
 * @param seed the one seed every random stream derives from
 * @param stateMachines makes each node's state machine, at boot and at every restart
 * @param reads how nodes serve read-only commands
 * @param eventLimit a run stops after this many events, as a runaway (Long.MAX_VALUE: no limit)
 * @param initialMembers nodes 1..initialMembers are the first configuration's voters; the others run as
 *     spares outside it until added (diss. §4.1)
 */
public record SimOptions(
    int nodes,
    RaftConfig raft,
    NetworkParams network,
    long diskSyncMinMs,
    long diskSyncMaxMs,
    long seed,
    Supplier<StateMachine> stateMachines,
    ReadMode reads,
    long eventLimit,
    int initialMembers) {

  public SimOptions {
    if (nodes < 1) {
      throw new IllegalArgumentException("a cluster needs at least one node");
    }
    if (initialMembers < 1 || initialMembers > nodes) {
      throw new IllegalArgumentException("initialMembers must be 1.." + nodes + ", got " + initialMembers);
    }
    if (diskSyncMinMs < 0 || diskSyncMaxMs < diskSyncMinMs) {
      throw new IllegalArgumentException("disk sync must be 0 <= min <= max");
    }
  }

  /** The contract's defaults for everything but size and seed, with the key-value store. */
  public static SimOptions defaults(int nodes, long seed) {
    return new SimOptions(nodes, RaftConfig.defaults(), new NetworkParams(1, 10, 0, 0), 0, 2, seed, KvStore::new,
        ReadMode.READ_INDEX, Long.MAX_VALUE, nodes);
  }

  public SimOptions withNetwork(NetworkParams n) {
    return new SimOptions(nodes, raft, n, diskSyncMinMs, diskSyncMaxMs, seed,
        stateMachines, reads, eventLimit, initialMembers);
  }

  public SimOptions withSeed(long s) {
    return new SimOptions(nodes, raft, network, diskSyncMinMs, diskSyncMaxMs, s,
        stateMachines, reads, eventLimit, initialMembers);
  }

  public SimOptions withRaft(RaftConfig r) {
    return new SimOptions(nodes, r, network, diskSyncMinMs, diskSyncMaxMs, seed,
        stateMachines, reads, eventLimit, initialMembers);
  }

  public SimOptions withReads(ReadMode r) {
    return new SimOptions(nodes, raft, network, diskSyncMinMs, diskSyncMaxMs, seed,
        stateMachines, r, eventLimit, initialMembers);
  }

  public SimOptions withEventLimit(long limit) {
    return new SimOptions(nodes, raft, network, diskSyncMinMs, diskSyncMaxMs, seed,
        stateMachines, reads, limit, initialMembers);
  }

  public SimOptions withInitialMembers(int n) {
    return new SimOptions(nodes, raft, network, diskSyncMinMs, diskSyncMaxMs, seed,
        stateMachines, reads, eventLimit, n);
  }

  public SimOptions withStateMachines(Supplier<StateMachine> s) {
    return new SimOptions(nodes, raft, network, diskSyncMinMs, diskSyncMaxMs, seed,
        s, reads, eventLimit, initialMembers);
  }
}
