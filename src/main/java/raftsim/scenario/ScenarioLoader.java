package raftsim.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads and checks scenario files (format version 1, described in {@code src/docs/scenario-format.md}).
 *
 * <p>The first problem found stops the reading, and the exception says where it is and what would be
 * valid. The order is fixed, so the same file always gives the same message: first the JSON syntax of
 * the whole file, then the top-level fields in the order the format lists them; in each object, an
 * unknown field is reported before the values are checked.
 */
public final class ScenarioLoader {

  private static final List<String> TOP_LEVEL_FIELDS = List.of(
      "name", "description", "seed", "nodes", "durationMs", "timing", "network", "disk", "snapshot", "cluster", "clients",
      "events", "expect");

  private ScenarioLoader() {}

  /** Reads a scenario file as UTF-8 text; its name in messages is {@code file} as given. */
  public static Scenario load(Path file) throws ScenarioException {
    String fileName = file.toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new ScenarioException(fileName, 1, 1, "", "cannot read: it is a directory");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ScenarioException(fileName, 1, 1, "", "cannot read: " + reason(e));
    }
    return parse(decodeUtf8(bytes, fileName), fileName);
  }

  /** Reads a scenario from text; {@code fileName} is what messages and event positions name. */
  public static Scenario parse(String json, String fileName) throws ScenarioException {
    // A byte order mark is not JSON, but some editors write one; skipping it keeps the columns
    // of the first line as the editor shows them.
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    SourceText source = new SourceText(fileName, text);
    LocatedJson root = LocatedJsonParser.parse(source);
    return scenario(new ValueReader(source), root, fileName);
  }

  private static Scenario scenario(ValueReader values, LocatedJson root, String fileName) throws ScenarioException {
    if (!(root instanceof LocatedJson.Obj)) {
      throw values.error(root, "", "expected a JSON object at the top level, got " + root.describe());
    }
    ObjectReader top = values.object(root, "").allowOnly(TOP_LEVEL_FIELDS);
    String name = top.requiredString("name");
    if (name.isEmpty()) {
      throw top.error("name", "must not be empty");
    }
    String description = top.string("description", "");
    long seed = top.wholeNumber("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    int nodes = (int) top.requiredWholeNumber("nodes", 1, Limits.MAX_NODES);
    long durationMs = top.requiredWholeNumber("durationMs", 1, Limits.MAX_TIME_MS);
    Timing timing = timing(top);
    NetworkSettings network = network(top);
    DiskSettings disk = disk(top);
    SnapshotSettings snapshot = snapshot(top);
    ClusterSettings cluster = cluster(top, nodes);
    ClientSettings clients = clients(top);
    List<ScenarioEvent> events = events(top, new EventReader(values, nodes, durationMs));
    Expectations expect = expectations(top);
    return new Scenario(name, description, seed, nodes, durationMs, timing, network, disk, snapshot, cluster, clients,
        events, expect, fileName);
  }

  private static Timing timing(ObjectReader top) throws ScenarioException {
    ObjectReader t = top.object("timing", List.of("electionTimeoutMs", "heartbeatMs"));
    if (t == null) {
      return Timing.DEFAULT;
    }
    return new Timing(
        t.range("electionTimeoutMs", Timing.DEFAULT.electionTimeoutMs(), 1),
        t.wholeNumber("heartbeatMs", Timing.DEFAULT.heartbeatMs(), 1, Limits.MAX_TIME_MS));
  }

  private static NetworkSettings network(ObjectReader top) throws ScenarioException {
    ObjectReader n = top.object("network", List.of("delayMs", "dropRate", "duplicateRate"));
    if (n == null) {
      return NetworkSettings.DEFAULT;
    }
    NetworkSettings d = NetworkSettings.DEFAULT;
    return new NetworkSettings(
        n.range("delayMs", d.delayMs(), 0),
        n.number("dropRate", d.dropRate(), 0, 1),
        n.number("duplicateRate", d.duplicateRate(), 0, 1));
  }

  private static DiskSettings disk(ObjectReader top) throws ScenarioException {
    ObjectReader d = top.object("disk", List.of("syncMs"));
    if (d == null) {
      return DiskSettings.DEFAULT;
    }
    return new DiskSettings(d.range("syncMs", DiskSettings.DEFAULT.syncMs(), 0));
  }

  private static SnapshotSettings snapshot(ObjectReader top) throws ScenarioException {
    ObjectReader s = top.object("snapshot", List.of("everyEntries", "chunkBytes"));
    if (s == null) {
      return SnapshotSettings.DEFAULT;
    }
    SnapshotSettings d = SnapshotSettings.DEFAULT;
    return new SnapshotSettings(
        s.wholeNumber("everyEntries", d.everyEntries(), 0, Limits.MAX_COUNT),
        (int) s.wholeNumber("chunkBytes", d.chunkBytes(), 1, Limits.MAX_CHUNK_BYTES));
  }

  private static ClusterSettings cluster(ObjectReader top, int nodes) throws ScenarioException {
    ObjectReader c = top.object("cluster",
        List.of("reads", "maxEntriesPerAppend", "preVote", "checkQuorum", "maxClockDriftPpm", "initialMembers"));
    if (c == null) {
      return ClusterSettings.DEFAULT;
    }
    String reads = c.string("reads", ClusterSettings.DEFAULT.reads().jsonName());
    ClusterSettings.Reads mode = ClusterSettings.Reads.of(reads);
    if (mode == null) {
      List<String> names = ClusterSettings.Reads.jsonNames().stream().map(n -> "\"" + n + "\"").toList();
      throw c.error("reads", "\"" + reads + "\" is not a read mode; valid: "
          + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1));
    }
    int maxEntries = (int) c.wholeNumber("maxEntriesPerAppend", ClusterSettings.DEFAULT.maxEntriesPerAppend(), 1,
        Limits.MAX_ENTRIES_PER_APPEND);
    boolean preVote = c.bool("preVote", ClusterSettings.DEFAULT.preVote());
    boolean checkQuorum = c.bool("checkQuorum", ClusterSettings.DEFAULT.checkQuorum());
    if (mode == ClusterSettings.Reads.LEASE && !checkQuorum) {
      throw c.error("reads", "\"lease\" needs \"checkQuorum\": true (a lease holds only while followers that hear"
          + " the leader refuse to vote, Raft dissertation 6.4.1); valid: \"readIndex\", \"log\", or \"lease\" with"
          + " checkQuorum");
    }
    long drift = c.wholeNumber("maxClockDriftPpm", ClusterSettings.DEFAULT.maxClockDriftPpm(), 0, Limits.MAX_PPM);
    int initialMembers = (int) c.wholeNumber("initialMembers", nodes, 1, nodes);
    return new ClusterSettings(mode, maxEntries, preVote, checkQuorum, drift, initialMembers);
  }

  /** The client load, or null when the file has no {@code clients} object. */
  private static ClientSettings clients(ObjectReader top) throws ScenarioException {
    ObjectReader c = top.object("clients", List.of("count", "keys", "opIntervalMs", "retryMs", "timeoutMs", "mix"));
    if (c == null) {
      return null;
    }
    ClientSettings d = ClientSettings.DEFAULT;
    int count = (int) c.wholeNumber("count", d.count(), 1, Limits.MAX_CLIENTS);
    int keys = (int) c.wholeNumber("keys", d.keys(), 1, Limits.MAX_KEYS);
    long opIntervalMs = c.wholeNumber("opIntervalMs", d.opIntervalMs(), 0, Limits.MAX_TIME_MS);
    long retryMs = c.wholeNumber("retryMs", d.retryMs(), 1, Limits.MAX_TIME_MS);
    long timeoutMs = c.wholeNumber("timeoutMs", d.timeoutMs(), 1, Limits.MAX_TIME_MS);
    if (timeoutMs < retryMs) {
      // The defaults satisfy the rule, so at least one of the two was written; blame that one.
      String blamed = c.has("timeoutMs") ? "timeoutMs" : "retryMs";
      String timeout = "timeoutMs " + timeoutMs + (c.has("timeoutMs") ? "" : " (the default)");
      throw c.error(blamed, timeout + " is less than retryMs " + retryMs
          + "; a client must be able to resend at least once before it gives up, so timeoutMs >= retryMs");
    }
    return new ClientSettings(count, keys, opIntervalMs, retryMs, timeoutMs, mix(c));
  }

  /** The operation mix; a weight the {@code mix} object leaves out is 0. */
  private static Mix mix(ObjectReader clients) throws ScenarioException {
    List<String> operations = List.of("put", "get", "append", "delete", "cas");
    ObjectReader m = clients.object("mix", operations);
    if (m == null) {
      return Mix.DEFAULT;
    }
    double[] weights = new double[operations.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = m.number(operations.get(i), 0.0, 0, Limits.MAX_MIX_WEIGHT);
    }
    if (weights[0] + weights[1] + weights[2] + weights[3] + weights[4] <= 0.0) {
      throw m.error("the weights sum to 0; give at least one of " + String.join(", ", operations)
          + " a positive weight");
    }
    return new Mix(weights[0], weights[1], weights[2], weights[3], weights[4]);
  }

  /** The events in file order; the Scenario record sorts them by time. */
  private static List<ScenarioEvent> events(ObjectReader top, EventReader reader) throws ScenarioException {
    List<LocatedJson> items = top.array("events", "an array of event objects");
    List<ScenarioEvent> events = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      events.add(reader.read(items.get(i), JsonPath.index(top.pathOf("events"), i)));
    }
    return events;
  }

  private static Expectations expectations(ObjectReader top) throws ScenarioException {
    ObjectReader e = top.object("expect",
        List.of("linearizable", "leaderAtEnd", "minOkOps", "maxLeaderChanges", "maxTerm"));
    if (e == null) {
      return Expectations.NONE;
    }
    return new Expectations(
        e.has("linearizable") ? linearizable(e) : null,
        e.optionalBool("leaderAtEnd"),
        e.optionalWholeNumber("minOkOps", 0, Limits.MAX_COUNT),
        e.optionalWholeNumber("maxLeaderChanges", 0, Limits.MAX_COUNT),
        e.optionalWholeNumber("maxTerm", 0, Limits.MAX_COUNT));
  }

  private static LinearizableExpectation linearizable(ObjectReader expect) throws ScenarioException {
    LocatedJson value = expect.get("linearizable");
    if (value instanceof LocatedJson.Bool bool) {
      return bool.value() ? LinearizableExpectation.TRUE : LinearizableExpectation.FALSE;
    }
    if (value instanceof LocatedJson.Str string && string.value().equals("skip")) {
      return LinearizableExpectation.SKIP;
    }
    throw expect.error("linearizable", "expected true, false or \"skip\", got " + value.describe());
  }

  /**
   * Decodes UTF-8 strictly: a byte sequence that is not UTF-8 is reported at its line and column
   * rather than silently replaced.
   */
  private static String decodeUtf8(byte[] bytes, String fileName) throws ScenarioException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never decodes to more chars than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int bad = in.position();
      String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
      // Count columns the way parse() does, which skips a byte order mark.
      String text = before.startsWith("\uFEFF") ? before.substring(1) : before;
      SourcePosition at = new SourceText(fileName, text).position(text.length());
      throw new ScenarioException(fileName, at.line(), at.column(), "",
          String.format(Locale.ROOT, "not UTF-8 text: byte 0x%02X cannot appear here", bytes[bad] & 0xFF));
    }
    return out.flip().toString();
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
  }
}
