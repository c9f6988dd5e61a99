package raftsim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading a trace back: every value type, and a located message for every way a line can be wrong. */
class TraceReaderTest {
  static final String BOOT = "{\"seq\":0,\"ev\":0,\"t\":0,\"kind\":\"boot\",\"nodes\":3}";

  static TraceReader reader(String text) {
    return TraceReader.of("t.ndjson", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsEveryKindOfValueAndWritesItBackAsItWas() throws Exception {
    String line = "{\"seq\":0,\"ev\":3,\"t\":17,\"kind\":\"x\",\"n\":-5,\"yes\":true,\"no\":false,\"none\":null,"
        + "\"s\":\"a \\\"q\\\" \\\\ \\n \\u00e9 é ✓ \\ud83d\\ude00\",\"groups\":[[1,2],[3,\"]\"]],\"o\":{\"a\":[1]}}";
    try (TraceReader r = reader(line + "\n\n")) {
      TraceLine l = r.next();
      assertEquals(3, l.ev());
      assertEquals(17, l.t());
      assertEquals(-5, l.num("n"));
      assertTrue(l.bool("yes"));
      assertEquals(Boolean.FALSE, l.get("no"));
      assertTrue(l.has("none"));
      assertNull(l.get("none"));
      assertEquals("a \"q\" \\ \n é é ✓ \ud83d\ude00", l.str("s"));
      assertEquals("[[1,2],[3,\"]\"]]", l.text("groups"));
      assertEquals("{\"a\":[1]}", l.text("o"));
      assertEquals(TraceLine.class, l.getClass());
      assertNull(r.next(), "a blank last line is not a line");
      TraceLine again = reader(l.toJson() + "\n").next();
      assertEquals(l, again, "toJson writes what the reader reads");
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"seq\":0,\"ev\":0,\"t\":0}|1|1|kind: missing",
      "{\"seq\":0,\"ev\":0,\"t\":0,\"kind\":\"a\",\"x\":1.5}|1|39|integers only",
      "{\"seq\":0,\"ev\":0,\"t\":0,\"kind\":\"a\",\"x\":1e3}|1|39|integers only",
      "{\"seq\":0,\"ev\":0,\"t\":0,\"kind\":\"a\",\"x\":1,\"x\":2}|1|40|x: the field appears twice",
      "{\"seq\":0,\"ev\":0,\"t\":0,\"kind\":\"a\",\"x\":\"open}|1|44|the string is not closed",
      "{\"seq\":0,\"ev\":0,\"t\":0,\"kind\":\"a\"} trailing|1|35|unexpected text after the object",
      "[1,2]|1|1|a trace line is a JSON object",
      "{\"seq\":0,\"ev\":-1,\"t\":0,\"kind\":\"a\"}|1|15|ev: expected a whole number",
      "{\"seq\":0,\"ev\":0,\"t\":0,\"kind\":\"a\",\"x\":nope}|1|38|expected a value",
      "{\"seq\":0,\"ev\":0,\"t\":0,\"kind\":\"a\",\"x\":\"\\q\"}|1|40|unknown escape \\q"})
  void aBadLineIsReportedWhereItIsWrong(String line, long lineNumber, int column, String reason) {
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> reader(line + "\n").next());
    assertEquals(lineNumber, e.line());
    assertEquals(column, e.column(), e.getMessage());
    assertTrue(e.getMessage().startsWith("t.ndjson:" + lineNumber + ":" + column + ": "), e.getMessage());
    assertTrue(e.reason().contains(reason), e.getMessage());
  }

  @Test
  void linesAreNumberedFromZeroWithoutGaps() throws Exception {
    try (TraceReader r = reader(BOOT + "\n{\"seq\":2,\"ev\":0,\"t\":0,\"kind\":\"a\"}\n")) {
      r.next();
      TraceFormatException e = assertThrows(TraceFormatException.class, r::next);
      assertEquals("t.ndjson:2:1: seq: expected 1, got 2; a trace's lines are numbered from 0, one by one, without gaps "
          + "or blank lines", e.getMessage());
    }
  }

  @Test
  void emptyMissingAndNonUtf8Files(@TempDir Path dir) throws Exception {
    assertEquals("t.ndjson:1:1: the trace is empty", assertThrows(TraceFormatException.class, () -> reader("").next())
        .getMessage());
    Path missing = dir.resolve("none.ndjson");
    assertEquals(missing + ":1:1: cannot read: no such file",
        assertThrows(TraceFormatException.class, () -> TraceReader.open(missing)).getMessage());
    Path latin1 = dir.resolve("latin1.ndjson");
    Files.write(latin1, ("{\"seq\":0,\"ev\":0,\"t\":0,\"kind\":\"caf" + (char) 0xe9 + "\"}\n").getBytes(StandardCharsets.ISO_8859_1));
    try (TraceReader r = TraceReader.open(latin1)) {
      assertEquals(latin1 + ":1:1: the line is not valid UTF-8", assertThrows(TraceFormatException.class, r::next).getMessage());
    }
  }
}
