package raftsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import raftsim.check.history.History;

class LostWritesTest {
  private final History.Builder h = new History.Builder();
  private long time;

  private void op(long id, int client, String command, String kind, String text) {
    h.invoke(id, client, ++time, command);
    complete(id, client, kind, text);
  }

  private void complete(long id, int client, String kind, String text) {
    switch (kind) {
      case "ok" -> h.ok(id, client, ++time, text);
      case "fail" -> h.fail(id, client, ++time, text);
      default -> h.info(id, client, ++time, text);
    }
  }

  private static TreeMap<String, String> finals(String... keyValues) {
    TreeMap<String, String> m = new TreeMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  @Test
  void everyAcknowledgedAppendInTheFinalValueHolds() {
    op(1, 1, "APPEND a1 c1.1;", "ok", "OK");
    op(2, 2, "APPEND a1 c2.1;", "info", "timeout"); // unknown: may be there or not
    op(3, 1, "APPEND a1 c1.2;", "ok", "OK");
    LostWrites.Report r = LostWrites.check(h.build(), finals("a1", "c1.1;c1.2;"));
    assertTrue(r.holds(), r.problems().toString());
    assertEquals(2, r.acknowledgedAppends());
  }

  @Test
  void aMissingAcknowledgedAppendIsLost() {
    op(1, 1, "APPEND a1 c1.1;", "ok", "OK");
    op(2, 1, "APPEND a1 c1.2;", "ok", "OK");
    op(3, 2, "APPEND a1 c2.1;", "fail", "no leader known");
    List<String> problems = LostWrites.check(h.build(), finals("a1", "c1.1;")).problems();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("c1.2;") && problems.get(0).contains("op 2"), problems.get(0));
  }

  @Test
  void aTokenAppliedTwiceIsReported() {
    op(1, 1, "APPEND a1 c1.1;", "ok", "OK");
    List<String> problems = LostWrites.check(h.build(), finals("a1", "c1.1;c1.1;")).problems();
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("2 times"), problems.get(0));
  }

  @Test
  void aRegisterWriteMayBeOverwrittenByALaterOrConcurrentWrite() {
    op(1, 1, "SET r1 c1.1;", "ok", "OK");
    op(2, 2, "SET r1 c2.1;", "ok", "OK"); // after 1: it wins
    h.invoke(3, 1, ++time, "SET r1 c1.2;");
    h.invoke(4, 2, ++time, "CAS r1 c1.2; c2.2;");
    complete(3, 1, "ok", "OK");
    complete(4, 2, "ok", "TRUE"); // concurrent with 3, and it read 3's value: it came after
    LostWrites.Report r = LostWrites.check(h.build(), finals("r1", "c2.2;"));
    assertTrue(r.holds(), r.problems().toString());
    assertEquals(4, r.acknowledgedRegisterWrites());
  }

  @Test
  void aRegisterWriteOverwrittenByAnEarlierOneIsLost() {
    op(1, 1, "SET r1 c1.1;", "ok", "OK");
    op(2, 2, "SET r1 c2.1;", "ok", "OK");
    List<String> problems = LostWrites.check(h.build(), finals("r1", "c1.1;")).problems();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("op 2") && problems.get(0).contains("finished before it began"),
        problems.get(0));
  }

  @Test
  void aWriteOfUnknownOutcomeMayLandAnyTimeLater() {
    op(1, 1, "SET r1 c1.1;", "info", "timeout");
    op(2, 2, "SET r1 c2.1;", "ok", "OK");
    op(3, 2, "CAS r1 c9.9; c2.2;", "ok", "FALSE"); // wrote nothing
    assertTrue(LostWrites.check(h.build(), finals("r1", "c1.1;")).holds());
  }

  @Test
  void anAbsentRegisterLosesItsAcknowledgedWrites() {
    op(1, 1, "SET r1 c1.1;", "ok", "OK");
    List<String> problems = LostWrites.check(h.build(), finals("r1", null)).problems();
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("(absent)"), problems.get(0));
  }

  @Test
  void everyWrittenKeyNeedsAFinalValue() {
    op(1, 1, "APPEND a1 c1.1;", "ok", "OK");
    assertThrows(IllegalArgumentException.class, () -> LostWrites.check(h.build(), finals("a2", "x;")));
  }
}
