package raftsim.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads a trace back, one line at a time, in UTF-8, checking that its lines are numbered from 0 without
 * gaps. Errors are {@code FILE:LINE:COLUMN: REASON}. Lines are read as bytes and decoded one by one, so a
 * trace of hundreds of megabytes streams through in little memory.
 */
public final class TraceReader implements AutoCloseable {
  private final String name;
  private final InputStream in;
  private byte[] line = new byte[256];
  private final byte[] buf = new byte[1 << 16];
  private int bufPos;
  private int bufEnd;
  private long lineNumber;
  private boolean ended;
  private final NameCache names = new NameCache();

  private TraceReader(String name, InputStream in) {
    this.name = name;
    this.in = in;
  }

  /** Opens {@code file}; its name in messages is the path as given. */
  public static TraceReader open(Path file) throws TraceFormatException {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new TraceFormatException(name, 1, 1, "cannot read: it is a directory");
    }
    try {
      return new TraceReader(name, Files.newInputStream(file));
    } catch (NoSuchFileException e) {
      throw new TraceFormatException(name, 1, 1, "cannot read: no such file");
    } catch (IOException e) {
      throw new TraceFormatException(name, 1, 1, "cannot read: " + e.getMessage());
    }
  }

  /** Reads from {@code in}, named {@code name} in messages. */
  public static TraceReader of(String name, InputStream in) {
    return new TraceReader(name, in);
  }

  /** The next line, or null at the end of the trace. */
  public TraceLine next() throws TraceFormatException {
    while (!ended) {
      int length = readLine();
      if (length < 0) {
        ended = true;
        break;
      }
      lineNumber++;
      if (length == 0 || isBlank(length)) {
        continue; // a blank line (the last newline, say) is not a line of the trace
      }
      TraceLine l = parse(name, lineNumber, line, length, names);
      long expected = lineNumber - 1;
      if (l.seq() != expected) {
        throw new TraceFormatException(name, lineNumber, 1, "seq: expected " + expected + ", got " + l.seq()
            + "; a trace's lines are numbered from 0, one by one, without gaps or blank lines");
      }
      return l;
    }
    if (lineNumber == 0) {
      throw new TraceFormatException(name, 1, 1, "the trace is empty");
    }
    return null;
  }

  /** Lines read so far, blank ones included. */
  public long lineNumber() {
    return lineNumber;
  }

  public String name() {
    return name;
  }

  private boolean isBlank(int length) {
    for (int k = 0; k < length; k++) {
      if (line[k] != ' ' && line[k] != '\t' && line[k] != '\r') {
        return false;
      }
    }
    return true;
  }

  /** Reads bytes up to the next newline into {@link #line}; returns how many, or -1 at the end. */
  private int readLine() throws TraceFormatException {
    int n = 0;
    try {
      while (true) {
        if (bufPos == bufEnd) {
          bufEnd = in.read(buf, 0, buf.length);
          bufPos = 0;
          if (bufEnd <= 0) {
            bufEnd = 0;
            return n == 0 ? -1 : n;
          }
        }
        int start = bufPos;
        while (bufPos < bufEnd && buf[bufPos] != '\n') {
          bufPos++;
        }
        int len = bufPos - start;
        if (n + len > line.length) {
          line = Arrays.copyOf(line, Math.max(2 * line.length, n + len));
        }
        System.arraycopy(buf, start, line, n, len);
        n += len;
        if (bufPos < bufEnd) {
          bufPos++; // the newline
          return n;
        }
      }
    } catch (IOException e) {
      throw new TraceFormatException(name, lineNumber + 1, 1, "cannot read: " + e.getMessage());
    }
  }

  /** Parses one line's bytes. */
  static TraceLine parse(String name, long lineNumber, byte[] bytes, int length, NameCache names)
      throws TraceFormatException {
    String text;
    if (ascii(bytes, length)) {
      text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    } else {
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
      } catch (CharacterCodingException e) {
        throw new TraceFormatException(name, lineNumber, 1, "the line is not valid UTF-8");
      }
    }
    try {
      return TraceLineParser.parse(text, names);
    } catch (TraceLineParser.Problem p) {
      throw new TraceFormatException(name, lineNumber, p.column, p.getMessage());
    }
  }

  private static boolean ascii(byte[] bytes, int length) {
    for (int k = 0; k < length; k++) {
      if (bytes[k] < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * A stream to hand a {@link TraceWriter}: it cuts what it is written into lines and passes each, parsed,
   * to {@code sink}, so a run can be read as it is traced without a file in between.
   */
  public static OutputStream parsing(Consumer<TraceLine> sink) {
    return new OutputStream() {
      private byte[] buf = new byte[1 << 12];
      private int n;
      private long lines;
      private final NameCache names = new NameCache();

      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        for (int k = off; k < off + len; k++) {
          if (b[k] == '\n') {
            lines++;
            try {
              sink.accept(parse("trace", lines, buf, n, names));
            } catch (TraceFormatException e) {
              throw new IllegalStateException("the simulator wrote a line it cannot read back: " + e.getMessage(), e);
            }
            n = 0;
          } else {
            if (n == buf.length) {
              buf = Arrays.copyOf(buf, 2 * n);
            }
            buf[n++] = b[k];
          }
        }
      }
    };
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // Nothing was written: a failure to close a file we only read loses nothing.
    }
  }
}
