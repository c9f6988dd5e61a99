package raftsim.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A cluster configuration (Raft dissertation §4.1): the voters, whose majorities elect leaders and
 * commit entries, and the learners, non-voting members that receive entries (a new server catches up
 * as one before it votes, §4.2.1). It travels in the log as a {@link Payload.Config} entry and takes
 * effect on each node as soon as that entry is appended; a snapshot carries the configuration in
 * force at its index.
 *
 * @param voters ascending, at least one
 * @param learners ascending, none of them a voter
 * @param addresses where members added at run time listen ("host:port"), for servers that must learn
 *     of new peers; a member absent here is reached as the server was configured to
 */
public record Configuration(List<Integer> voters, List<Integer> learners, SortedMap<Integer, String> addresses) {

  public Configuration {
    voters = sortedIds(voters, "voters");
    learners = sortedIds(learners, "learners");
    if (voters.isEmpty()) {
      throw new IllegalArgumentException("a configuration needs at least one voter");
    }
    for (int l : learners) {
      if (Collections.binarySearch(voters, l) >= 0) {
        throw new IllegalArgumentException("node " + l + " is both a voter and a learner");
      }
    }
    TreeMap<Integer, String> known = new TreeMap<>(addresses);
    for (var e : known.entrySet()) {
      if (Collections.binarySearch(voters, e.getKey()) < 0 && Collections.binarySearch(learners, e.getKey()) < 0) {
        throw new IllegalArgumentException("an address for node " + e.getKey() + ", which is not a member");
      }
      if (e.getValue() == null || e.getValue().isEmpty()) {
        throw new IllegalArgumentException("an empty address for node " + e.getKey());
      }
    }
    addresses = Collections.unmodifiableSortedMap(known);
  }

  /** The configuration of a cluster that starts with these voters, no learners and no addresses. */
  public static Configuration of(Collection<Integer> voters) {
    return new Configuration(List.copyOf(voters), List.of(), new TreeMap<>());
  }

  private static List<Integer> sortedIds(List<Integer> ids, String what) {
    TreeSet<Integer> sorted = new TreeSet<>();
    for (Integer id : ids) {
      if (id == null || id < 1 || !sorted.add(id)) {
        throw new IllegalArgumentException(what + " must be distinct positive ids, got " + ids);
      }
    }
    return List.copyOf(sorted);
  }

  public boolean isVoter(int id) {
    return Collections.binarySearch(voters, id) >= 0;
  }

  public boolean isLearner(int id) {
    return Collections.binarySearch(learners, id) >= 0;
  }

  /** A voter or a learner. */
  public boolean isMember(int id) {
    return isVoter(id) || isLearner(id);
  }

  /** This configuration with {@code id} added as a learner, reachable at {@code address} (empty: unknown). */
  public Configuration withLearner(int id, String address) {
    List<Integer> l = new ArrayList<>(learners);
    l.add(id);
    TreeMap<Integer, String> a = new TreeMap<>(addresses);
    if (address != null && !address.isEmpty()) {
      a.put(id, address);
    }
    return new Configuration(voters, l, a);
  }

  /** This configuration with learner {@code id} made a voter. */
  public Configuration promoted(int id) {
    List<Integer> v = new ArrayList<>(voters);
    v.add(id);
    List<Integer> l = new ArrayList<>(learners);
    l.remove(Integer.valueOf(id));
    return new Configuration(v, l, addresses);
  }

  /** This configuration without member {@code id}. */
  public Configuration without(int id) {
    List<Integer> v = new ArrayList<>(voters);
    v.remove(Integer.valueOf(id));
    List<Integer> l = new ArrayList<>(learners);
    l.remove(Integer.valueOf(id));
    TreeMap<Integer, String> a = new TreeMap<>(addresses);
    a.remove(id);
    return new Configuration(v, l, a);
  }

  @Override
  public String toString() {
    return "voters " + voters + (learners.isEmpty() ? "" : ", learners " + learners);
  }
}
