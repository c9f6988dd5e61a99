package raftsim.core;

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
    // Clusters are small: an insertion sort beats the general-purpose sort's set-up on every reply.
    for (int i = 1; i < matchIndexes.length; i++) {
      long v = matchIndexes[i];
      int j = i - 1;
      while (j >= 0 && matchIndexes[j] > v) {
        matchIndexes[j + 1] = matchIndexes[j];
        j--;
      }
      matchIndexes[j + 1] = v;
    }
    return matchIndexes[matchIndexes.length - majority(matchIndexes.length)];
  }
}
