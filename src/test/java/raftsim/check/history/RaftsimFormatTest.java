package raftsim.check.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The raftsim history format: what the writer writes the reader reads back, and bad lines are located. */
class RaftsimFormatTest {

  @Test
  void writerOutputReadsBackToTheSameHistory() throws HistoryParseException {
    StringBuilder text = new StringBuilder();
    HistoryWriter w = new HistoryWriter(text);
    w.comment("scenario leader-crash seed 42");
    w.invoke(1, 3, 10, "SET k1 a").invoke(2, 4, 11, "GET k1").ok(1, 3, 12, "OK");
    w.invoke(3, 3, 13, "CAS k1 a b").info(3, 3, 20, "timeout after 1000 ms").ok(2, 4, 21, "VALUE a");
    w.invoke(4, 5, 22, "APPEND k2 x").fail(4, 5, 23, "not leader").invoke(5, 5, 24, "DELETE k2");
    assertEquals(String.join("\n",
        "raftsim-history 1",
        "# scenario leader-crash seed 42",
        "invoke 1 3 10 SET k1 a",
        "invoke 2 4 11 GET k1",
        "ok 1 3 12 OK",
        "invoke 3 3 13 CAS k1 a b",
        "info 3 3 20 timeout after 1000 ms",
        "ok 2 4 21 VALUE a",
        "invoke 4 5 22 APPEND k2 x",
        "fail 4 5 23 not leader",
        "invoke 5 5 24 DELETE k2",
        ""), text.toString());

    History h = RaftsimHistoryReader.read("h", text.toString());
    assertEquals(List.of(new History.Comment(0, "scenario leader-crash seed 42")), h.comments());
    assertEquals(List.of(Outcome.OK, Outcome.OK, Outcome.INFO, Outcome.FAIL, Outcome.PENDING),
        h.operations().stream().map(Operation::outcome).toList());
    assertEquals(new Operation(2, 4, "GET k1", Outcome.OK, "VALUE a", 1, 5, 4, 8), h.operations().get(1));

    StringBuilder again = new StringBuilder();
    h.writeTo(new HistoryWriter(again));
    assertEquals(text.toString(), again.toString());
  }

  @Test
  void builderLinesMatchTheWrittenFile() {
    History h = new History.Builder().comment("c").invoke(7, 1, 0, "GET x").ok(7, 1, 1, "NIL").build();
    assertEquals(3, h.operations().get(0).invokeLine());
    assertEquals(4, h.operations().get(0).completeLine());
  }

  @Test
  void writerRejectsWhatTheReaderWouldReject() {
    HistoryWriter w = new HistoryWriter(new StringBuilder());
    assertThrows(InvalidEventException.class, () -> w.invoke(1, 1, 0, "PUT x 1"));
    w.invoke(1, 1, 0, "GET x");
    assertThrows(InvalidEventException.class, () -> w.ok(1, 1, 1, "OK"));
    assertThrows(InvalidEventException.class, () -> w.ok(2, 1, 1, "NIL"));
    assertThrows(InvalidEventException.class, () -> w.info(1, 1, 1, "two\nlines"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "raftsim-history 2| h:1:17: unsupported format version '2' (expected 1)",
      "hello| h:1:1: expected the header 'raftsim-history 1'",
      "raftsim-history 1\\ninvoke 1 1 0 PUT x 1| h:2:14: unknown command 'PUT' (expected SET, GET, DELETE, APPEND or CAS)",
      "raftsim-history 1\\ninvoke 1 1 0 SET x| h:2:19: too few arguments: expected 'SET k v'",
      "raftsim-history 1\\ninvoke 1 1 0 GET x y| h:2:20: too many arguments: expected 'GET k'",
      "raftsim-history 1\\ninvoke x 1 0 GET x| h:2:8: operation id must be a non-negative integer, not 'x'",
      "raftsim-history 1\\ninvoke 1 1| h:2:11: missing time in ms",
      "raftsim-history 1\\nstart 1 1 0 GET x| h:2:1: unknown event 'start' (expected invoke, ok, fail or info, or '#' for a comment)",
      "raftsim-history 1\\ninvoke 1 1 0 GET x\\nok 1 1 1 OK| h:3:10: GET results in 'VALUE v' or 'NIL', not 'OK'",
      "raftsim-history 1\\ninvoke 1 1 0 GET x\\nok 1 2 1 NIL| h:3:6: operation 1 was invoked by client 1, not 2",
      "raftsim-history 1\\nok 9 1 1 NIL| h:2:4: operation 9 was never invoked",
      "raftsim-history 1\\ninvoke 1 1 0 GET x\\nok 1 1 1 NIL\\nok 1 1 2 NIL| h:4:4: operation 1 has already completed",
      "raftsim-history 1\\ninvoke 1 1 5 GET x\\nok 1 1 4 NIL| h:3:8: time goes backwards: 4 ms after an event at 5 ms",
      "raftsim-history 1\\ninvoke 1 1 0 GET x\\ninvoke 1 2 1 GET y| h:3:8: operation 1 was already invoked",
      "raftsim-history 1\\ninvoke 1 1 0 GET x\\nok 1 1 1| h:3:9: missing result",
  })
  void badLinesAreLocated(String content, String message) {
    HistoryParseException e = assertThrows(HistoryParseException.class,
        () -> RaftsimHistoryReader.read("h", content.replace("\\n", "\n")));
    assertEquals(message.strip(), e.getMessage());
  }

  @Test
  void commentsBlankLinesAndCrlfAreFine() throws HistoryParseException {
    History h = RaftsimHistoryReader.read("h", "raftsim-history 1\r\n\r\n# note\r\ninvoke 1 1 0 GET x\r\nok 1 1 1 NIL\r\n");
    assertEquals(1, h.operations().size());
    assertEquals(5, h.operations().get(0).completeLine());
  }
}
