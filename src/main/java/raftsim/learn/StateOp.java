package raftsim.learn;

/**
 * One change to the cluster's state that a trace line implies. The meaning of each line (what a vote or an
 * append does to a node) is decided once, when the trace is read; replaying the changes is then plain
 * assignment, the same in Java (the stepper) and in JavaScript (the HTML viewer), which applies the very
 * same changes in the same encoding.
 */
public sealed interface StateOp {
  /** The op's number in the encoding both sides share. */
  int code();

  record Role(int node, NodeRole role) implements StateOp {
    public int code() {
      return 0;
    }
  }

  record Term(int node, long term) implements StateOp {
    public int code() {
      return 1;
    }
  }

  record Vote(int node, int votedFor) implements StateOp {
    public int code() {
      return 2;
    }
  }

  record Commit(int node, long commitIndex) implements StateOp {
    public int code() {
      return 3;
    }
  }

  record Applied(int node, long lastApplied) implements StateOp {
    public int code() {
      return 4;
    }
  }

  /** Deletes the node's entries from {@code from} on, then appends {@code from..to}, all of {@code term}. */
  record LogAppend(int node, long from, long to, long term) implements StateOp {
    public int code() {
      return 5;
    }
  }

  /** Moves the node's entries up to {@code index} into its compacted prefix. */
  record LogCompact(int node, long index, long term) implements StateOp {
    public int code() {
      return 6;
    }
  }

  /** Replaces the node's log by a compacted prefix up to {@code index}, with no entries after it. */
  record LogReset(int node, long index, long term) implements StateOp {
    public int code() {
      return 7;
    }
  }

  /** Deletes the node's entries from {@code from} on. */
  record LogTruncate(int node, long from) implements StateOp {
    public int code() {
      return 8;
    }
  }

  /** A leader's view of one follower. */
  record Progress(int leader, int follower, long nextIndex, long matchIndex, ProgressMode mode) implements StateOp {
    public int code() {
      return 9;
    }
  }

  /** A copy of the message sent at line {@code sendSeq} is now in flight. */
  record FlightAdd(long sendSeq) implements StateOp {
    public int code() {
      return 10;
    }
  }

  /** A copy of the message sent at line {@code sendSeq} arrived or was dropped. */
  record FlightDel(long sendSeq) implements StateOp {
    public int code() {
      return 11;
    }
  }

  record Paused(int node, long until) implements StateOp {
    public int code() {
      return 12;
    }
  }

  /**
   * The configuration in force on the node (diss. §4.1): its voters and its learners, as bit sets of node
   * ids (bit i for node i).
   */
  record Config(int node, int voters, int learners) implements StateOp {
    public int code() {
      return 15;
    }
  }

  /** The node, a leader, is handing office to {@code target} (diss. §3.10); 0 when it is not. */
  record Transfer(int node, int target) implements StateOp {
    public int code() {
      return 16;
    }
  }

  /** What the network's links look like now, in words ("" when every link is open). */
  record Links(String description) implements StateOp {
    public int code() {
      return 13;
    }
  }
}
