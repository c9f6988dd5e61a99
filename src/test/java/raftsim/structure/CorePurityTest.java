package raftsim.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ARCHITECTURE.md: {@code core} depends on nothing else in the project and on no clock, thread,
 * executor, network, file or unseeded randomness; and no deterministic package iterates in an order
 * that changes between JVM starts.
 */
class CorePurityTest {

  /** What the core must not touch. */
  static final List<SourceScan.Rule> CORE_RULES = List.of(
      SourceScan.Rule.of("imports another project package", "import\\s+(static\\s+)?raftsim\\.(?!core\\.)"),
      SourceScan.Rule.of("uses another project package", "\\braftsim\\.(?!core\\b)[a-z]+\\."),
      SourceScan.Rule.of("reads a clock", "System\\s*\\.\\s*(currentTimeMillis|nanoTime)|\\bjava\\.time\\b|\\b(Instant|LocalDateTime|LocalTime|ZonedDateTime|Clock)\\s*\\.\\s*(now|system)"),
      SourceScan.Rule.of("uses threads or executors", "\\bThread\\b|\\bExecutor(s|Service)?\\b|\\bjava\\.util\\.concurrent\\b|\\bForkJoinPool\\b|\\bparallel(Stream)?\\s*\\(|\\bsynchronized\\b"),
      SourceScan.Rule.of("uses the network", "\\bjava\\.net\\b|\\b(Socket|ServerSocket|HttpClient|HttpServer|URL|URI)\\b"),
      SourceScan.Rule.of("uses files", "\\bjava\\.nio\\.file\\b|\\bjava\\.io\\.File\\w*\\b|\\bFiles\\s*\\.|\\bPaths?\\s*\\.|\\bnew\\s+File\\w*\\s*\\("),
      SourceScan.Rule.of("draws unseeded randomness", "Math\\s*\\.\\s*random|ThreadLocalRandom|SecureRandom|UUID\\s*\\.\\s*randomUUID|new\\s+(java\\.util\\.)?Random\\s*\\(\\s*\\)|new\\s+SplittableRandom\\s*\\(\\s*\\)|RandomGenerator\\s*\\.\\s*(getDefault|of)"));

  /** Iteration orders that change between JVM starts (ARCHITECTURE.md, determinism rules). */
  static final List<SourceScan.Rule> ORDER_RULES = List.of(
      SourceScan.Rule.of("hash-ordered collection", "\\bnew\\s+Hash(Map|Set)\\b|\\bHash(Map|Set)\\s*<"),
      SourceScan.Rule.of("per-JVM-randomised iteration order", "\\b(Set|Map)\\s*\\.\\s*(of|copyOf|ofEntries)\\s*\\("));

  @Test
  void coreTouchesNothingOutsideItself() {
    List<SourceScan.Finding> found = SourceScan.scan(SourceScan.javaFiles("core"), CORE_RULES);
    assertEquals(List.of(), found, "core must stay pure:\n" + String.join("\n", found.stream().map(Object::toString).toList()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"core", "sim", "kv", "trace", "learn"})
  void deterministicPackagesIterateInAStableOrder(String pkg) {
    List<SourceScan.Finding> found = SourceScan.scan(SourceScan.javaFiles(pkg), ORDER_RULES);
    assertEquals(List.of(), found, String.join("\n", found.stream().map(Object::toString).toList()));
  }

  /** The scan itself must catch what it is there to catch, or the tests above prove nothing. */
  @ParameterizedTest
  @ValueSource(strings = {
      "import raftsim.sim.Simulation;",
      "long t = System.currentTimeMillis();",
      "long t = System.nanoTime();",
      "var c = java.time.Instant.now();",
      "new Thread(() -> {}).start();",
      "import java.util.concurrent.ConcurrentHashMap;",
      "var s = new java.net.Socket();",
      "import java.nio.file.Files;",
      "var f = new java.io.File(\"x\");",
      "double d = Math.random();",
      "var r = new Random();",
      "var r = ThreadLocalRandom.current();",
      "var u = UUID.randomUUID();",
      "var x = raftsim.kv.KvStore.STALE;"})
  void theScanCatchesEachForbiddenThing(String line) {
    String source = "package raftsim.core;\nclass X {\n  void f() {\n    " + line + "\n  }\n}\n";
    assertFalse(SourceScan.scan("X.java", source, CORE_RULES).isEmpty(), "not caught: " + line);
  }

  @ParameterizedTest
  @ValueSource(strings = {"var m = new HashMap<String, Integer>();", "for (var k : Set.of(1, 2)) {}", "Map.of(\"a\", 1)"})
  void theOrderScanCatchesHashOrder(String line) {
    assertFalse(SourceScan.scan("X.java", "class X {\n" + line + "\n}\n", ORDER_RULES).isEmpty(), "not caught: " + line);
  }

  @Test
  void commentsAndStringsMayNameForbiddenThings() {
    String source = "// System.currentTimeMillis is banned here\nclass X { String s = \"new Thread\"; }\n";
    assertEquals(List.of(), SourceScan.scan("X.java", source, CORE_RULES));
  }
}
