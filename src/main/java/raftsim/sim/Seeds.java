package raftsim.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * One seed, a tree of independent random streams. Each stream is derived from the run's seed and a
 * stable label ("network", "node-3-timeouts", ...), so adding a draw to one stream never shifts the
 * draws of another, and the same label always gives the same stream.
 */
public final class Seeds {
  private Seeds() {}

  /** The stream named {@code label} of the run seeded with {@code seed}. */
  public static SplittableRandom stream(long seed, String label) {
    return new SplittableRandom(derive(seed, label));
  }

  /** A 64-bit seed for {@code label}: FNV-1a of the label's UTF-8 bytes, mixed with the run's seed. */
  public static long derive(long seed, String label) {
    long h = 0xcbf29ce484222325L;
    for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(seed ^ mix(h));
  }

  /** Stafford's variant 13 of the MurmurHash3 finaliser: every input bit affects every output bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
