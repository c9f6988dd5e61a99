package raftsim.core;

import java.util.Arrays;

/** Majority arithmetic over the voting members (§5.2, §5.3). */
final class Quorum {
  private Quorum() {}

  /** Votes needed to win among {@code voters} members: a strict majority. */
  static int majority(int voters) {
    return voters / 2 + 1;
  }

  /**
   * The highest index that a majority holds, given each voter's durable match index: sorted
   * descending, the value at position majority - 1.
   */
  static long majorityMatch(long[] matchIndexes) {
    long[] sorted = matchIndexes.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length - majority(sorted.length)];
  }
}
