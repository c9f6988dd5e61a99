package raftsim.learn;

import java.util.Locale;

/**
 * How a leader replicates to one follower, after etcd-io/raft's tracker: probing for where the logs match,
 * streaming once they do, or sending its snapshot because the follower needs compacted entries (§5.3, §7).
 */
public enum ProgressMode {
  PROBE,
  REPLICATE,
  SNAPSHOT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
