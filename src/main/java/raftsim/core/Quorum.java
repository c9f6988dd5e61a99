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
   * descending, the value at position majority - 1. Sorts {@code matchIndexes} in place.
   */
  static long majorityMatch(long[] matchIndexes) {
    Arrays.sort(matchIndexes);
    return matchIndexes[matchIndexes.length - majority(matchIndexes.length)];
  }
}
