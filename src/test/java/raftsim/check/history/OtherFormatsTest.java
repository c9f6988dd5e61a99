package raftsim.check.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The porcupine-kv and jepsen-etcd readers, and format detection. */
class OtherFormatsTest {

  @Test
  void detectsTheFormatFromTheFirstNonBlankLine() throws HistoryParseException {
    assertEquals(HistoryFormat.RAFTSIM, HistoryFormat.detect("f", "\n raftsim-history 1\n"));
    assertEquals(HistoryFormat.PORCUPINE_KV, HistoryFormat.detect("f", "{:process 1, :type :invoke}"));
    assertEquals(HistoryFormat.JEPSEN_ETCD, HistoryFormat.detect("f", "INFO  jepsen.util - 2\t:invoke\t:read\tnil"));
    assertNull(HistoryFormat.detect("f", "\n\n"));
    HistoryParseException e = assertThrows(HistoryParseException.class, () -> HistoryFormat.detect("f", "\nhello"));
    assertEquals(2, e.line());
  }

  @Test
  void readsJepsenEtcdLines() throws HistoryParseException {
    History h = JepsenEtcdReader.read("e", String.join("\n",
        "INFO  jepsen.util - 2\t:invoke\t:write\t4",
        "INFO  jepsen.util - 1   :invoke :cas    [4 3]",
        "INFO  jepsen.util - 3\t:invoke\t:read\tnil",
        "INFO  jepsen.util - 2\t:info\t:write\t:timed-out",
        "INFO  jepsen.util - 1\t:fail\t:cas\t[4 3]",
        "INFO  jepsen.util - 3\t:fail\t:read\t:timed-out"));
    List<Operation> ops = h.operations();
    assertEquals(List.of("write 4", "cas 4 3", "read"), ops.stream().map(Operation::command).toList());
    assertEquals(List.of(Outcome.INFO, Outcome.OK, Outcome.INFO), ops.stream().map(Operation::outcome).toList());
    assertEquals("false", ops.get(1).completion());
  }

  @Test
  void jepsenErrorsAreLocated() {
    HistoryParseException e = assertThrows(HistoryParseException.class, () -> JepsenEtcdReader.read("e",
        "INFO  jepsen.util - 2\t:invoke\t:write\tfour"));
    assertEquals("e:1:38: expected an integer, not 'four'", e.getMessage());
    e = assertThrows(HistoryParseException.class, () -> JepsenEtcdReader.read("e",
        "INFO  jepsen.util - 2\t:ok\t:write\t4"));
    assertEquals("e:1:21: process 2 has no operation in flight", e.getMessage());
  }

  @Test
  void readsPorcupineKvLines() throws HistoryParseException {
    History h = PorcupineKvReader.read("p", String.join("\n",
        "{:process 9, :type :invoke, :f :append, :key \"0\", :value \"x 9 0 y\"}",
        "{:process 8, :type :invoke, :f :get, :key \"0\", :value nil}",
        "{:process 9, :type :ok, :f :append, :key \"0\", :value \"x 9 0 y\"}",
        "{:process 8, :type :ok, :f :get, :key \"0\", :value \"\"}"));
    assertEquals(List.of("append 0 x 9 0 y", "get 0"), h.operations().stream().map(Operation::command).toList());
    assertEquals(List.of("ok", ""), h.operations().stream().map(Operation::completion).toList());
  }

  @Test
  void porcupineErrorsAreLocated() {
    HistoryParseException e = assertThrows(HistoryParseException.class, () -> PorcupineKvReader.read("p",
        "{:process 9, :type :invoke, :f :cas, :key \"0\", :value \"x\"}"));
    assertEquals("p:1:32: unknown :f :cas (expected :get, :put or :append)", e.getMessage());
    e = assertThrows(HistoryParseException.class, () -> PorcupineKvReader.read("p",
        "{:process 9, :type :invoke, :f :get, :key \"0\", :value nil"));
    assertEquals("p:1:58: unterminated map: missing '}'", e.getMessage());
  }
}
