package raftsim.property;

import java.util.ArrayList;
import java.util.List;

/**
 * Which seeds a property runs on: a fixed list derived from the property's name, so CI always runs the
 * same cases; {@code -Draftsim.runs=N} widens it; {@code -Draftsim.seed=S} replays exactly one.
 */
final class Seeds {
  private Seeds() {}

  static List<Long> forProperty(String name, int defaultRuns) {
    String one = setting("raftsim.seed");
    if (one != null) {
      return List.of(Long.parseLong(one));
    }
    String runs = setting("raftsim.runs");
    int count = runs == null ? defaultRuns : Integer.parseInt(runs);
    List<Long> seeds = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      seeds.add(raftsim.sim.Seeds.derive(name.hashCode(), "case-" + i));
    }
    return seeds;
  }

  /** A system property, or null when unset (Maven passes an unset property through as "${...}"). */
  private static String setting(String key) {
    String v = System.getProperty(key);
    return v == null || v.isBlank() || v.startsWith("${") || v.equals("null") ? null : v.strip();
  }
}
