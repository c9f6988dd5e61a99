package raftsim.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The writer encodes lines straight into bytes; they must be exactly the bytes of the line built as
 * text with {@link Json#quote(String, StringBuilder)} and encoded with {@link String#getBytes}.
 */
class TraceWriterTest {
  /** The line as text, field by field, the plain way: what the bytes must encode. */
  private static final class TextLine {
    final StringBuilder text = new StringBuilder();

    TextLine(long seq, long ev, long t, String kind) {
      text.append("{\"seq\":").append(seq).append(",\"ev\":").append(ev).append(",\"t\":").append(t);
      string("kind", kind);
    }

    void number(String name, long v) {
      text.append(",\"").append(name).append("\":").append(v);
    }

    void bool(String name, boolean v) {
      text.append(",\"").append(name).append("\":").append(v);
    }

    void string(String name, String v) {
      text.append(",\"").append(name).append("\":");
      if (v == null) {
        text.append("null");
      } else {
        Json.quote(v, text);
      }
    }

    void raw(String name, String json) {
      text.append(",\"").append(name).append("\":").append(json);
    }

    byte[] bytes() {
      return text.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  private static final String[] AWKWARD = {
      "", "plain", "quote \" and \\ backslash", "tab\tnew\nline\rreturn", "\u0000\u0001\u001f\u007f",
      "caf\u00e9 \u20ac \uffff", "pair \ud83d\ude00 emoji", "lone high \ud83d", "\ude00 lone low", "\ud83d\ud83d\ude00",
      "\ude00\ud83d", "\ud800"};

  private static String randomString(SplittableRandom random) {
    if (random.nextInt(4) == 0) {
      return AWKWARD[random.nextInt(AWKWARD.length)];
    }
    int n = random.nextInt(random.nextInt(1000) == 0 ? 100_000 : 40);
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(switch (random.nextInt(6)) {
        case 0 -> (char) random.nextInt(0x20);
        case 1 -> (char) (0xd800 + random.nextInt(0x800)); // surrogates, paired or not by chance
        case 2 -> (char) random.nextInt(0x10000);
        default -> (char) (0x20 + random.nextInt(0x60));
      });
    }
    return b.toString();
  }

  private static long randomNumber(SplittableRandom random) {
    return switch (random.nextInt(5)) {
      case 0 -> Long.MIN_VALUE + random.nextInt(2);
      case 1 -> Long.MAX_VALUE - random.nextInt(2);
      case 2 -> random.nextLong();
      case 3 -> -random.nextInt(1000);
      default -> (long) Math.pow(10, random.nextInt(19)) - random.nextInt(2);
    };
  }

  @Test
  void linesAreTheUtf8OfTheirTextAndTheHashCoversEveryByteWritten() throws Exception {
    SplittableRandom random = new SplittableRandom(17);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    TraceWriter w = TraceWriter.to(written);
    for (int line = 0; line < 6_000; line++) {
      long ev = randomNumber(random);
      long t = randomNumber(random);
      String kind = randomString(random);
      TextLine text = new TextLine(line, ev, t, kind);
      w.begin(ev, t, kind);
      int fields = random.nextInt(8);
      for (int f = 0; f < fields; f++) {
        String name = random.nextInt(10) == 0 ? randomString(random) : "field" + f;
        switch (random.nextInt(4)) {
          case 0 -> {
            long v = randomNumber(random);
            text.number(name, v);
            w.field(name, v);
          }
          case 1 -> {
            boolean v = random.nextBoolean();
            text.bool(name, v);
            w.field(name, v);
          }
          case 2 -> {
            String v = random.nextInt(10) == 0 ? null : randomString(random);
            text.string(name, v);
            w.field(name, v);
          }
          default -> {
            String json = "[" + random.nextInt(9) + "," + Json.quote(randomString(random)) + "]";
            text.raw(name, json);
            w.rawField(name, new StringBuilder(json));
          }
        }
      }
      w.end();
      expected.write(text.bytes());
      assertEquals(expected.size(), w.bytes());
      assertEquals(line + 1, w.lines());
      if (line % 2000 == 0) {
        assertEquals(sha256(expected.toByteArray()), w.hashHex(), "the hash of every line so far, at line " + line);
      }
    }
    w.begin(1, 2, "left unfinished").field("x", 1);
    assertEquals(sha256(expected.toByteArray()), w.hashHex());
    w.close();
    assertArrayEquals(expected.toByteArray(), written.toByteArray());
  }

  @Test
  void aHashOnlyWriterHashesWhatItWouldHaveWritten() throws Exception {
    TraceWriter w = TraceWriter.to(null);
    w.begin(0, 0, "boot").field("nodes", 5).end();
    w.begin(1, 50, "vote").field("granted", true).field("reason", "x\ty").end();
    byte[] text = ("{\"seq\":0,\"ev\":0,\"t\":0,\"kind\":\"boot\",\"nodes\":5}\n"
        + "{\"seq\":1,\"ev\":1,\"t\":50,\"kind\":\"vote\",\"granted\":true,\"reason\":\"x\\ty\"}\n")
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(sha256(text), w.hashHex());
    assertEquals(text.length, w.bytes());
    w.close();
  }

  @Test
  void everyCharIsQuotedAsTheTextFormEncodes() {
    byte[] to = new byte[Json.maxBytes(2)];
    for (int c = 0; c <= 0xffff; c++) {
      String s = String.valueOf((char) c);
      int end = Json.quote(s, to, 0);
      assertArrayEquals(Json.quote(s).getBytes(StandardCharsets.UTF_8), java.util.Arrays.copyOf(to, end), "char " + c);
      end = Json.utf8(s, to, 0);
      assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), java.util.Arrays.copyOf(to, end), "char " + c);
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
