package raftsim.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The nemesis's plan, drawn from a seed before the run: when to kill which kind of node, and when to start it
 * again. Faults never overlap so much that more than a minority is down at once. Which node "the leader" is
 * can only be known when the moment comes; the plan fixes everything else.
 *
 * @param faults the faults in the order they start
 */
public record NemesisSchedule(List<Fault> faults) {
  /** Quiet time at the start, so the clients are under way before the first kill. */
  static final long WARM_UP_MS = 1000;
  /** A node stays down for 0.5 to 3 s. */
  static final long MIN_DOWN_MS = 500;
  static final long MAX_DOWN_MS = 3000;
  /** Between one fault and the next, 0.2 to 1.5 s. */
  static final long MIN_GAP_MS = 200;
  static final long MAX_GAP_MS = 1500;

  /** Which node a fault kills. */
  public enum Target {
    /** Any running node, the leader included. */
    RANDOM_NODE,
    /** The current leader. */
    LEADER,
    /** The current leader, right after a burst of concurrent writes to it. */
    LEADER_AFTER_BURST
  }

  /**
   * One fault: kill a node at {@code killAtMs} after the run started, start it again at {@code restartAtMs}.
   *
   * @param pick a random number that chooses among the running nodes when the target is a random node, or when
   *     no leader is known at the time
   */
  public record Fault(long killAtMs, long restartAtMs, Target target, int pick) {}

  public NemesisSchedule {
    faults = List.copyOf(faults);
  }

  /** The plan for a run of {@code durationMs} on {@code nodes} nodes; every node is back up by the end. */
  public static NemesisSchedule plan(long seed, long durationMs, int nodes) {
    SplittableRandom random = new SplittableRandom(seed);
    int maxDown = (nodes - 1) / 2;
    List<Fault> faults = new ArrayList<>();
    long latestKill = durationMs - MIN_DOWN_MS;
    long t = WARM_UP_MS;
    while (maxDown > 0 && t < latestKill) {
      if (downAt(faults, t) >= maxDown) {
        t = firstRestartAfter(faults, t) + random.nextLong(MIN_GAP_MS, MAX_GAP_MS + 1);
        continue;
      }
      long down = random.nextLong(MIN_DOWN_MS, MAX_DOWN_MS + 1);
      faults.add(new Fault(t, Math.min(t + down, durationMs), target(random), random.nextInt(Integer.MAX_VALUE)));
      t += random.nextLong(MIN_GAP_MS, MAX_GAP_MS + 1);
    }
    return new NemesisSchedule(faults);
  }

  /** The most nodes the plan has down at any one moment. */
  public int mostDownAtOnce() {
    int most = 0;
    for (Fault f : faults) {
      most = Math.max(most, downAt(faults, f.killAtMs()));
    }
    return most;
  }

  /** 40% a random node, 35% the leader, 25% the leader right after a write burst. */
  private static Target target(SplittableRandom random) {
    int roll = random.nextInt(100);
    return roll < 40 ? Target.RANDOM_NODE : roll < 75 ? Target.LEADER : Target.LEADER_AFTER_BURST;
  }

  /** How many faults have their node down at {@code t}: killed at or before it, not yet restarted. */
  private static int downAt(List<Fault> faults, long t) {
    int down = 0;
    for (Fault f : faults) {
      if (f.killAtMs() <= t && t < f.restartAtMs()) {
        down++;
      }
    }
    return down;
  }

  private static long firstRestartAfter(List<Fault> faults, long t) {
    long first = Long.MAX_VALUE;
    for (Fault f : faults) {
      if (f.restartAtMs() > t) {
        first = Math.min(first, f.restartAtMs());
      }
    }
    return first;
  }
}
