package raftsim.scenario;

/**
 * The bounds a scenario file's numbers must stay within. Times and counts are capped at
 * {@link #MAX_TIME_MS} so that adding two of them, or scaling one by a clock drift of
 * {@link #MAX_PPM}, can never overflow a {@code long}.
 */
public final class Limits {

  /** The largest cluster. */
  public static final int MAX_NODES = 15;
  /** The largest time in milliseconds, about 31 years. */
  public static final long MAX_TIME_MS = 1_000_000_000_000L;
  /** The largest count an expectation or snapshot setting may name. */
  public static final long MAX_COUNT = 1_000_000_000_000L;
  /** The most simulated clients. */
  public static final int MAX_CLIENTS = 1000;
  /** The most distinct keys the clients use. */
  public static final int MAX_KEYS = 100_000;
  /** The most entries one AppendEntries may carry. */
  public static final long MAX_ENTRIES_PER_APPEND = 1_000_000;
  /** The largest snapshot chunk, 16 MiB. */
  public static final int MAX_CHUNK_BYTES = 16 * 1024 * 1024;
  /** The largest weight of one operation in a mix. */
  public static final long MAX_MIX_WEIGHT = 1_000_000;
  /** The largest clock drift either way, in parts per million: a clock at half or one and a half speed. */
  public static final long MAX_PPM = 500_000;

  private Limits() {}
}
