package raftsim.check.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads history files: strict UTF-8, the format named or detected, every line checked. */
public final class HistoryFiles {
  private HistoryFiles() {}

  /**
   * A loaded history.
   *
   * @param format the format it was read in, or null when auto-detection found an empty file (no operations)
   * @param history the history
   */
  public record Loaded(HistoryFormat format, History history) {}

  /**
   * Reads {@code path}; {@code format} null means detect it from the content. Every problem, including an unreadable
   * file or bytes that are not UTF-8, is a {@link HistoryParseException} whose message starts {@code FILE:LINE:COLUMN:}.
   */
  public static Loaded load(Path path, HistoryFormat format) throws HistoryParseException {
    String source = path.toString();
    String content = decode(source, readBytes(source, path));
    HistoryFormat chosen = format != null ? format : HistoryFormat.detect(source, content);
    if (chosen == null) {
      return new Loaded(null, new History.Builder().build());
    }
    return new Loaded(chosen, chosen.read(source, content));
  }

  private static byte[] readBytes(String source, Path path) throws HistoryParseException {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new HistoryParseException(source, 1, 1, "cannot read the file: no such file");
    } catch (IOException e) {
      throw new HistoryParseException(source, 1, 1, "cannot read the file: " + e.getMessage());
    }
  }

  /** Decodes UTF-8, reporting the line and column of the first malformed byte. */
  private static String decode(String source, byte[] bytes) throws HistoryParseException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int bad = firstMalformedByte(bytes);
      String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
      throw new HistoryParseException(source, line, column, "the file is not valid UTF-8");
    }
  }

  private static int firstMalformedByte(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    return in.position();
  }
}
