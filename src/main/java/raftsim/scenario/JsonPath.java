package raftsim.scenario;

import java.util.regex.Pattern;

/**
 * Builds the JSON paths error messages name fields by: {@code timing.heartbeatMs},
 * {@code events[3].groups[0][1]}. Indexes count from 0, in file order.
 */
final class JsonPath {

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private JsonPath() {}

  /** The path of field {@code name} inside the object at {@code parent} ("" is the top level). */
  static String member(String parent, String name) {
    if (PLAIN_NAME.matcher(name).matches()) {
      return parent.isEmpty() ? name : parent + "." + name;
    }
    // A name that is not a plain identifier (only an unknown field can be one) is quoted, so the
    // path stays unambiguous: timing["heartbeat ms"].
    return parent + "[" + ScenarioWriter.quote(name) + "]";
  }

  /** The path of item {@code index} of the array at {@code parent}. */
  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
