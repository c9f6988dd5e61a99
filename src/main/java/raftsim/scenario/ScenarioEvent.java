package raftsim.scenario;

import java.util.List;

/**
 * One scripted event of a scenario: something done to the cluster, or checked, at {@code atMs}
 * simulated milliseconds from the start. Events at the same time apply in file order.
 *
 * <p>The records check only their own shape (for example that {@code crash} is not given
 * {@code "crashed"}); the rules that need the whole scenario, such as node ids within the cluster,
 * are checked by {@link ScenarioLoader}. To check a scenario built in code, write it with
 * {@link ScenarioWriter} and parse the result.
 */
public sealed interface ScenarioEvent {

  /** Every value of {@code "do"}, in the order the format lists them. */
  List<String> KINDS = List.of(
      "crash", "restart", "partition", "isolate", "cut", "heal", "network", "clients", "pause", "clockDrift",
      "transferLeader", "addServer", "removeServer", "expect");

  /** When the event happens, in simulated milliseconds from the start. */
  long atMs();

  /** Where the event's object starts in its file, or {@link SourcePosition#NONE}. */
  SourcePosition at();

  /** The event's {@code "do"} value, one of {@link #KINDS}. */
  String kind();

  /** The same event at another source position. */
  ScenarioEvent withPosition(SourcePosition at);

  /**
   * Stops a node: id, leader, random or the next leader. With {@code tornWrite}, its oldest pending
   * write is left half-written.
   */
  record Crash(long atMs, NodeRef node, boolean tornWrite, long afterMs, SourcePosition at) implements ScenarioEvent {
    public Crash {
      EventShape.check(atMs, at);
      EventShape.rejectCrashed(node, "crash");
      if (afterMs < 0 || (afterMs > 0 && !(node instanceof NodeRef.NextLeader))) {
        throw new IllegalArgumentException("afterMs is a non-negative delay, and only for nextLeader, got " + afterMs);
      }
    }

    /** A crash at once ({@code afterMs} 0). */
    public Crash(long atMs, NodeRef node, boolean tornWrite, SourcePosition at) {
      this(atMs, node, tornWrite, 0, at);
    }

    @Override
    public String kind() {
      return "crash";
    }

    @Override
    public Crash withPosition(SourcePosition at) {
      return new Crash(atMs, node, tornWrite, afterMs, at);
    }
  }

  /** Starts a node again from its durable state: an id, or crashed (every crashed node). */
  record Restart(long atMs, NodeRef node, SourcePosition at) implements ScenarioEvent {
    public Restart {
      EventShape.check(atMs, at);
      EventShape.requireIdOrCrashed(node, "restart");
    }

    @Override
    public String kind() {
      return "restart";
    }

    @Override
    public Restart withPosition(SourcePosition at) {
      return new Restart(atMs, node, at);
    }
  }

  /** Replaces the partition: messages pass only inside a group; a node in no group is cut off. */
  record Partition(long atMs, List<List<Integer>> groups, SourcePosition at) implements ScenarioEvent {
    public Partition {
      EventShape.check(atMs, at);
      groups = groups.stream().map(List::copyOf).toList();
      EventShape.checkGroups(groups);
    }

    @Override
    public String kind() {
      return "partition";
    }

    @Override
    public Partition withPosition(SourcePosition at) {
      return new Partition(atMs, groups, at);
    }
  }

  /** Cuts every link to and from a node (id, leader or random) until {@code heal}. */
  record Isolate(long atMs, NodeRef node, SourcePosition at) implements ScenarioEvent {
    public Isolate {
      EventShape.check(atMs, at);
      EventShape.rejectCrashed(node, "isolate");
    }

    @Override
    public String kind() {
      return "isolate";
    }

    @Override
    public Isolate withPosition(SourcePosition at) {
      return new Isolate(atMs, node, at);
    }
  }

  /** Drops messages from {@code from} to {@code to} only (one way) until {@code heal}. */
  record Cut(long atMs, int from, int to, SourcePosition at) implements ScenarioEvent {
    public Cut {
      EventShape.check(atMs, at);
      if (from < 1 || to < 1 || from == to) {
        throw new IllegalArgumentException("a cut needs two different node ids, got " + from + " and " + to);
      }
    }

    @Override
    public String kind() {
      return "cut";
    }

    @Override
    public Cut withPosition(SourcePosition at) {
      return new Cut(atMs, from, to, at);
    }
  }

  /** Clears the partition, every isolation and every cut. */
  record Heal(long atMs, SourcePosition at) implements ScenarioEvent {
    public Heal {
      EventShape.check(atMs, at);
    }

    @Override
    public String kind() {
      return "heal";
    }

    @Override
    public Heal withPosition(SourcePosition at) {
      return new Heal(atMs, at);
    }
  }

  /** Changes network settings from now on; a null field stays as it was. At least one is set. */
  record NetworkChange(long atMs, Range delayMs, Double dropRate, Double duplicateRate, SourcePosition at)
      implements ScenarioEvent {
    public NetworkChange {
      EventShape.check(atMs, at);
      if (delayMs == null && dropRate == null && duplicateRate == null) {
        throw new IllegalArgumentException("a network change needs at least one setting");
      }
      if (dropRate != null) {
        Rates.check("dropRate", dropRate);
      }
      if (duplicateRate != null) {
        Rates.check("duplicateRate", duplicateRate);
      }
    }

    @Override
    public String kind() {
      return "network";
    }

    @Override
    public NetworkChange withPosition(SourcePosition at) {
      return new NetworkChange(atMs, delayMs, dropRate, duplicateRate, at);
    }
  }

  /** Pauses ({@code active} false) or resumes the client load. */
  record ClientsActive(long atMs, boolean active, SourcePosition at) implements ScenarioEvent {
    public ClientsActive {
      EventShape.check(atMs, at);
    }

    @Override
    public String kind() {
      return "clients";
    }

    @Override
    public ClientsActive withPosition(SourcePosition at) {
      return new ClientsActive(atMs, active, at);
    }
  }

  /** A node (id, leader or random) processes nothing for {@code forMs}, then resumes with its state intact. */
  record Pause(long atMs, NodeRef node, long forMs, SourcePosition at) implements ScenarioEvent {
    public Pause {
      EventShape.check(atMs, at);
      EventShape.requireLive(node, "pause");
      if (forMs < 1) {
        throw new IllegalArgumentException("a pause lasts at least 1 ms, got " + forMs);
      }
    }

    @Override
    public String kind() {
      return "pause";
    }

    @Override
    public Pause withPosition(SourcePosition at) {
      return new Pause(atMs, node, forMs, at);
    }
  }

  /** From now on the node's local clock runs fast (positive) or slow (negative) by {@code ppm} parts per million. */
  record ClockDrift(long atMs, int node, long ppm, SourcePosition at) implements ScenarioEvent {
    public ClockDrift {
      EventShape.check(atMs, at);
      if (node < 1 || Math.abs(ppm) > Limits.MAX_PPM) {
        throw new IllegalArgumentException("clock drift needs a node id and |ppm| <= " + Limits.MAX_PPM);
      }
    }

    @Override
    public String kind() {
      return "clockDrift";
    }

    @Override
    public ClockDrift withPosition(SourcePosition at) {
      return new ClockDrift(atMs, node, ppm, at);
    }
  }

  /**
   * The leader at this moment is asked to hand over office to node {@code to} (Raft dissertation §3.10),
   * as an operator would; skipped (and traced) when there is no leader or it refuses.
   */
  record TransferLeader(long atMs, int to, SourcePosition at) implements ScenarioEvent {
    public TransferLeader {
      EventShape.check(atMs, at);
      if (to < 1) {
        throw new IllegalArgumentException("a transfer needs a node id to hand office to, got " + to);
      }
    }

    @Override
    public String kind() {
      return "transferLeader";
    }

    @Override
    public TransferLeader withPosition(SourcePosition at) {
      return new TransferLeader(atMs, to, at);
    }
  }

  /**
   * Node {@code node}, a spare or a removed server, is to join the cluster (Raft dissertation §4.1): as an
   * operator would, the simulator asks the leader at each moment until the node is a member, first as a
   * learner; the leader makes it a voter once it has caught up (§4.2.1).
   */
  record AddServer(long atMs, int node, SourcePosition at) implements ScenarioEvent {
    public AddServer {
      EventShape.check(atMs, at);
      if (node < 1) {
        throw new IllegalArgumentException("addServer needs a node id, got " + node);
      }
    }

    @Override
    public String kind() {
      return "addServer";
    }

    @Override
    public AddServer withPosition(SourcePosition at) {
      return new AddServer(atMs, node, at);
    }
  }

  /**
   * Node {@code node} (an id, or the leader at that moment) is to leave the configuration (diss. §4.1,
   * §4.2.2); the simulator asks the leader at each moment until it is no member any more.
   */
  record RemoveServer(long atMs, NodeRef node, SourcePosition at) implements ScenarioEvent {
    public RemoveServer {
      EventShape.check(atMs, at);
      if (!(node instanceof NodeRef.Id || node instanceof NodeRef.Leader)) {
        throw new IllegalArgumentException("removeServer takes a node id or leader, not " + node);
      }
    }

    @Override
    public String kind() {
      return "removeServer";
    }

    @Override
    public RemoveServer withPosition(SourcePosition at) {
      return new RemoveServer(atMs, node, at);
    }
  }

  /**
   * A check at this moment. A null field is not checked; at least one is set, and {@code node} and
   * {@code role} are set together. {@code voters} holds when the leader at this moment has committed a
   * configuration with exactly these voters. {@code progressSinceMs} T0 holds when an operation invoked at or
   * after T0 has completed ok by now; {@code noProgressSinceMs} T0 when none has.
   */
  record Expect(
      long atMs,
      LeaderExpectation leader,
      Integer node,
      Role role,
      Long progressSinceMs,
      Long noProgressSinceMs,
      List<Integer> voters,
      SourcePosition at)
      implements ScenarioEvent {
    public Expect {
      EventShape.check(atMs, at);
      if ((node == null) != (role == null)) {
        throw new IllegalArgumentException("an expectation's node and role come together");
      }
      if (voters != null) {
        voters = List.copyOf(new java.util.TreeSet<>(voters));
        if (voters.isEmpty() || voters.get(0) < 1) {
          throw new IllegalArgumentException("expected voters are node ids, at least one: " + voters);
        }
      }
      if (leader == null && node == null && progressSinceMs == null && noProgressSinceMs == null && voters == null) {
        throw new IllegalArgumentException("an expect event needs at least one check");
      }
    }

    /** An expectation without a {@code voters} check. */
    public Expect(long atMs, LeaderExpectation leader, Integer node, Role role, Long progressSinceMs,
        Long noProgressSinceMs, SourcePosition at) {
      this(atMs, leader, node, role, progressSinceMs, noProgressSinceMs, null, at);
    }

    @Override
    public String kind() {
      return "expect";
    }

    @Override
    public Expect withPosition(SourcePosition at) {
      return new Expect(atMs, leader, node, role, progressSinceMs, noProgressSinceMs, voters, at);
    }
  }
}
