package raftsim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A whole scenario file: the cluster, its settings, the scripted events and the final expectations.
 *
 * <p>{@code events} are sorted by {@code atMs}; the sort is stable, so events at the same time keep
 * the order they were given in, which is the order they apply in. {@code clients} is null when there
 * is no client load. {@code file} is the name the scenario was read from ("" when built in code); it
 * is not part of the file format.
 */
public record Scenario(
    String name,
    String description,
    long seed,
    int nodes,
    long durationMs,
    Timing timing,
    NetworkSettings network,
    DiskSettings disk,
    SnapshotSettings snapshot,
    ClusterSettings cluster,
    ClientSettings clients,
    List<ScenarioEvent> events,
    Expectations expect,
    String file) {

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(disk, "disk");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(expect, "expect");
    Objects.requireNonNull(file, "file");
    if (nodes < 1 || durationMs < 1) {
      throw new IllegalArgumentException(
          "a scenario needs at least 1 node and 1 ms, got " + nodes + " and " + durationMs);
    }
    if (cluster.initialMembers() == 0) {
      cluster = cluster.withInitialMembers(nodes); // every node is a member from the start
    }
    if (cluster.initialMembers() > nodes) {
      throw new IllegalArgumentException("initialMembers " + cluster.initialMembers() + " exceeds the " + nodes + " nodes");
    }
    events = sortedByTime(events);
  }

  /** A scenario with every optional field at its default: seed 1, no clients, no events, no expectations. */
  public static Scenario minimal(String name, int nodes, long durationMs) {
    return new Scenario(name, "", 1, nodes, durationMs, Timing.DEFAULT, NetworkSettings.DEFAULT,
        DiskSettings.DEFAULT, SnapshotSettings.DEFAULT, ClusterSettings.DEFAULT, null, List.of(), Expectations.NONE, "");
  }

  /** The same scenario run with another seed (as {@code run --seed} does). */
  public Scenario withSeed(long newSeed) {
    return new Scenario(name, description, newSeed, nodes, durationMs, timing, network, disk, snapshot, cluster, clients,
        events, expect, file);
  }

  /** The same scenario with another description. */
  public Scenario withDescription(String newDescription) {
    return new Scenario(name, newDescription, seed, nodes, durationMs, timing, network, disk, snapshot, cluster, clients,
        events, expect, file);
  }

  /** The same scenario with other cluster settings. */
  public Scenario withCluster(ClusterSettings newCluster) {
    return new Scenario(name, description, seed, nodes, durationMs, timing, network, disk, snapshot, newCluster, clients,
        events, expect, file);
  }

  /** The same scenario with other events, which are sorted as the constructor does. */
  public Scenario withEvents(List<ScenarioEvent> newEvents) {
    return new Scenario(name, description, seed, nodes, durationMs, timing, network, disk, snapshot, cluster, clients,
        newEvents, expect, file);
  }

  /** The same scenario with another client load, or none when {@code newClients} is null. */
  public Scenario withClients(ClientSettings newClients) {
    return new Scenario(name, description, seed, nodes, durationMs, timing, network, disk, snapshot, cluster, newClients,
        events, expect, file);
  }

  /** The same scenario with other final expectations. */
  public Scenario withExpect(Expectations newExpect) {
    return new Scenario(name, description, seed, nodes, durationMs, timing, network, disk, snapshot, cluster, clients,
        events, newExpect, file);
  }

  /**
   * The same scenario with every event at {@link SourcePosition#NONE} and no file name, so that two
   * scenarios can be compared for what they say rather than where they were written.
   */
  public Scenario withoutPositions() {
    List<ScenarioEvent> unplaced = events.stream().map(e -> e.withPosition(SourcePosition.NONE)).toList();
    return new Scenario(name, description, seed, nodes, durationMs, timing, network, disk, snapshot, cluster, clients,
        unplaced, expect, "");
  }

  private static List<ScenarioEvent> sortedByTime(List<ScenarioEvent> events) {
    List<ScenarioEvent> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingLong(ScenarioEvent::atMs)); // List.sort is stable
    return List.copyOf(sorted);
  }
}
