package raftsim.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import raftsim.trace.Explanations;
import raftsim.trace.Sentence;
import raftsim.trace.TraceLine;

/**
 * A whole trace, read once and kept small: every line in the compact encoding of {@link LineCodec}, with
 * the state changes it implies and the sentence that explains it, cut into chunks of {@link #CHUNK} lines
 * that each start with a checkpoint of the cluster's state. Any moment is then a checkpoint plus at most
 * one chunk of changes away, so stepping back and jumping anywhere cost the same small amount however long
 * the trace is. A ten-minute run of five nodes (two million lines, 300 MB of NDJSON) takes about a tenth of
 * that here.
 */
public final class CompactTrace {
  /** Lines per chunk: a jump replays at most this many lines' changes. */
  public static final int CHUNK = 4096;

  private final int nodes;
  private final List<Shape> shapes;
  private final List<String> strings;
  private final byte[] data;
  private final int[] chunkStart;
  private final long[] chunkFirstT;
  private final long[] chunkLastT;
  private final ClusterState[] checkpoints;
  private final char[] shapeOfLine;
  private final int size;
  private List<String> wantedKinds;
  private boolean[] wantedShapes;
  /** Decoded chunks, the most recently used last; a few are enough to step and look around. */
  private final LinkedHashMap<Integer, Chunk> cache = new LinkedHashMap<>(8, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, Chunk> eldest) {
      return size() > 6;
    }
  };

  /** One chunk decoded. */
  private record Chunk(TraceLine[] lines, List<List<StateOp>> ops) {}

  private CompactTrace(Builder b) {
    nodes = b.nodes;
    shapes = List.copyOf(b.shapes);
    strings = List.copyOf(b.strings.list());
    data = b.out.toArray();
    chunkStart = Arrays.copyOf(b.chunkStart, b.chunks);
    chunkFirstT = Arrays.copyOf(b.chunkFirstT, b.chunks);
    chunkLastT = Arrays.copyOf(b.chunkLastT, b.chunks);
    checkpoints = b.checkpoints.toArray(ClusterState[]::new);
    shapeOfLine = Arrays.copyOf(b.shapeOfLine, b.size);
    size = b.size;
  }

  public int size() {
    return size;
  }

  public int nodes() {
    return nodes;
  }

  public int chunks() {
    return checkpoints.length;
  }

  /** Bytes of the encoded lines. */
  public int encodedBytes() {
    return data.length;
  }

  public TraceLine line(int i) {
    return chunk(i / CHUNK).lines[i % CHUNK];
  }

  public List<StateOp> ops(int i) {
    return chunk(i / CHUNK).ops.get(i % CHUNK);
  }

  public String kind(int i) {
    return shapes.get(shapeOfLine[i]).kind();
  }

  public Sentence sentence(int i) {
    return Explanations.all().get(shapes.get(shapeOfLine[i]).sentence());
  }

  /** The explanation of line {@code i}. */
  public String explain(int i) {
    return sentence(i).fill(line(i));
  }

  /** The state after line {@code i}; after -1, the state at boot. */
  public ClusterState stateAfter(int i) {
    if (i < 0) {
      return checkpoints[0].copy();
    }
    int c = i / CHUNK;
    ClusterState s = checkpoints[c].copy();
    Chunk chunk = chunk(c);
    for (int k = 0; k <= i % CHUNK; k++) {
      for (StateOp op : chunk.ops.get(k)) {
        s.apply(op);
      }
    }
    return s;
  }

  /** The first line at or after simulated time {@code t}, or the last line when there is none. */
  public int firstAtOrAfter(long t) {
    int c = 0;
    while (c < chunkLastT.length - 1 && chunkLastT[c] < t) {
      c++;
    }
    Chunk chunk = chunk(c);
    for (int k = 0; k < chunk.lines.length; k++) {
      if (chunk.lines[k].t() >= t) {
        return c * CHUNK + k;
      }
    }
    return size - 1;
  }

  /** The next line after {@code from} whose kind is one of {@code kinds} (null: any kind); -1 when none. */
  public int nextOfKind(int from, List<String> kinds) {
    boolean[] wanted = wanted(kinds);
    for (int i = from + 1; i < size; i++) {
      if (wanted[shapeOfLine[i]]) {
        return i;
      }
    }
    return -1;
  }

  /** The last line before {@code from} whose kind is one of {@code kinds} (null: any kind); -1 when none. */
  public int previousOfKind(int from, List<String> kinds) {
    boolean[] wanted = wanted(kinds);
    for (int i = Math.min(from, size) - 1; i >= 0; i--) {
      if (wanted[shapeOfLine[i]]) {
        return i;
      }
    }
    return -1;
  }

  /** Which shapes have one of {@code kinds}; the last answer is kept, since searches repeat the same kinds. */
  private boolean[] wanted(List<String> kinds) {
    if (wantedShapes != null && java.util.Objects.equals(kinds, wantedKinds)) {
      return wantedShapes;
    }
    boolean[] wanted = new boolean[shapes.size()];
    for (int s = 0; s < shapes.size(); s++) {
      wanted[s] = kinds == null || kinds.contains(shapes.get(s).kind());
    }
    wantedKinds = kinds == null ? null : List.copyOf(kinds);
    wantedShapes = wanted;
    return wanted;
  }

  /** The simulated time of the first line of chunk {@code c}. */
  long chunkFirstT(int c) {
    return chunkFirstT[c];
  }

  /** The simulated time of the last line of chunk {@code c}. */
  long chunkLastT(int c) {
    return chunkLastT[c];
  }

  List<Shape> shapes() {
    return shapes;
  }

  List<String> strings() {
    return strings;
  }

  ClusterState checkpoint(int c) {
    return checkpoints[c];
  }

  /** The encoded bytes of chunk {@code c}. */
  byte[] chunkBytes(int c) {
    int end = c + 1 < chunkStart.length ? chunkStart[c + 1] : data.length;
    return Arrays.copyOfRange(data, chunkStart[c], end);
  }

  private Chunk chunk(int c) {
    Chunk chunk = cache.get(c);
    if (chunk == null) {
      chunk = decode(c);
      cache.put(c, chunk);
    }
    return chunk;
  }

  private Chunk decode(int c) {
    int first = c * CHUNK;
    int n = Math.min(CHUNK, size - first);
    LineCodec codec = new LineCodec(shapes, nodes);
    VarBytes.Reader in = new VarBytes.Reader(data, chunkStart[c]);
    TraceLine[] lines = new TraceLine[n];
    List<List<StateOp>> ops = new ArrayList<>(n);
    // An echo repeats an earlier line of the same chunk, already decoded.
    java.util.function.LongFunction<TraceLine> earlier = seq -> lines[(int) (seq - first)];
    for (int k = 0; k < n; k++) {
      LineCodec.Decoded d = codec.decode(in, first + k, strings, earlier);
      lines[k] = d.line();
      ops.add(d.ops());
    }
    return new Chunk(lines, ops);
  }

  /** Reads a trace line by line: folds each into the state, explains it, encodes it. */
  public static final class Builder {
    private int nodes;
    private StateFold fold;
    private final List<Shape> shapes = new ArrayList<>();
    private final LinkedHashMap<String, Integer> shapeIds = new LinkedHashMap<>();
    private final StringTable strings = new StringTable();
    private final VarBytes out = new VarBytes(1 << 16);
    private LineCodec codec;
    private int[] chunkStart = new int[16];
    private long[] chunkFirstT = new long[16];
    private long[] chunkLastT = new long[16];
    private int chunks;
    private final List<ClusterState> checkpoints = new ArrayList<>();
    private char[] shapeOfLine = new char[1 << 12];
    private int size;
    /** Send lines whose message still travels: deliver, drop and duplicate lines echo them. */
    private final java.util.TreeMap<Long, TraceLine> sends = new java.util.TreeMap<>();

    /**
     * Adds the next line. The first must be the boot line, which says how many nodes there are.
     *
     * @throws IllegalArgumentException when the first line is not a boot line of 1..15 nodes
     */
    public List<StateOp> add(TraceLine line) {
      if (fold == null) {
        long n = line.num("nodes", -1);
        if (!line.kind().equals("boot") || n < 1 || n > 15) {
          throw new IllegalArgumentException("a trace starts with a boot line naming 1..15 nodes");
        }
        nodes = (int) n;
        fold = new StateFold(nodes);
      }
      if (size % CHUNK == 0) {
        startChunk(line.t());
      }
      Sentence sentence = raftsim.trace.Explanations.choose(line, fold.state());
      List<StateOp> ops = fold.apply(line);
      long echoes = echoes(line, ops);
      int shape = shapeOf(line, sentence, echoes >= 0 ? sends.get(echoes).size() : 0);
      if (size == shapeOfLine.length) {
        shapeOfLine = Arrays.copyOf(shapeOfLine, 2 * size);
      }
      shapeOfLine[size++] = (char) shape;
      codec.encode(out, line, shape, ops, strings, echoes);
      chunkLastT[chunks - 1] = line.t();
      forget(line, ops);
      return ops;
    }

    /** The send line {@code line} repeats field for field, when it is a deliver, drop or duplicate line; else -1. */
    private long echoes(TraceLine line, List<StateOp> ops) {
      String k = line.kind();
      if (!(k.equals("deliver") || k.equals("drop") || k.equals("duplicate")) || ops.isEmpty()) {
        return -1;
      }
      long ref = ops.get(0) instanceof StateOp.FlightDel d ? d.sendSeq()
          : ops.get(0) instanceof StateOp.FlightAdd a && k.equals("duplicate") ? a.sendSeq() : -1;
      // Only within the chunk: then any chunk decodes by itself, never pulling in the chunks before it.
      TraceLine send = ref < (long) (size / CHUNK) * CHUNK ? null : sends.get(ref);
      if (send == null || send.size() > line.size()) {
        return -1;
      }
      for (int i = 0; i < send.size(); i++) {
        if (!send.name(i).equals(line.name(i)) || !java.util.Objects.equals(send.value(i), line.value(i))) {
          return -1;
        }
      }
      return ref;
    }

    /** Keeps send lines while their messages travel, and only then. */
    private void forget(TraceLine line, List<StateOp> ops) {
      if (line.kind().equals("send")) {
        sends.put(line.seq(), line);
      }
      for (StateOp op : ops) {
        if (op instanceof StateOp.FlightDel d && !fold.state().inFlight().containsKey(d.sendSeq())) {
          sends.remove(d.sendSeq());
        }
      }
    }

    /** The state after every line added so far. */
    public ClusterState state() {
      return fold == null ? null : fold.state();
    }

    public int size() {
      return size;
    }

    private void startChunk(long t) {
      if (chunks == chunkStart.length) {
        chunkStart = Arrays.copyOf(chunkStart, 2 * chunks);
        chunkFirstT = Arrays.copyOf(chunkFirstT, 2 * chunks);
        chunkLastT = Arrays.copyOf(chunkLastT, 2 * chunks);
      }
      chunkStart[chunks] = out.length();
      chunkFirstT[chunks] = t;
      chunks++;
      checkpoints.add(fold.state().copy());
      codec = new LineCodec(shapes, nodes);
    }

    /** The shape of {@code line}; an echo shape when it repeats the first {@code echoed} fields of a send line. */
    private int shapeOf(TraceLine line, Sentence sentence, int echoed) {
      int sentenceIndex = SentenceIndex.of(sentence);
      boolean echo = echoed > 0;
      StringBuilder key = new StringBuilder(line.kind()).append('|').append(sentenceIndex).append(echo ? "|echo" : "");
      List<Integer> types = new ArrayList<>(line.size());
      List<String> names = new ArrayList<>(line.size());
      for (int i = echoed; i < line.size(); i++) {
        int type = typeOf(line.value(i));
        types.add(type);
        names.add(line.name(i));
        key.append('|').append(line.name(i)).append(':').append(type);
      }
      Integer id = shapeIds.get(key.toString());
      if (id == null) {
        if (shapes.size() == Character.MAX_VALUE) {
          throw new IllegalArgumentException("the trace has more than 65535 forms of line");
        }
        id = shapes.size();
        shapes.add(new Shape(line.kind(), names, types, sentenceIndex, echo));
        shapeIds.put(key.toString(), id);
      }
      return id;
    }

    private static int typeOf(Object v) {
      if (v instanceof Long) {
        return Shape.TYPE_INT;
      } else if (Boolean.TRUE.equals(v)) {
        return Shape.TYPE_TRUE;
      } else if (Boolean.FALSE.equals(v)) {
        return Shape.TYPE_FALSE;
      } else if (v == null) {
        return Shape.TYPE_NULL;
      } else if (v instanceof String) {
        return Shape.TYPE_STRING;
      }
      return Shape.TYPE_RAW;
    }

    public CompactTrace build() {
      if (size == 0) {
        throw new IllegalArgumentException("the trace has no lines");
      }
      return new CompactTrace(this);
    }
  }
}
