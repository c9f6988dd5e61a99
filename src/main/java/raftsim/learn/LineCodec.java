package raftsim.learn;

import java.util.ArrayList;
import java.util.List;
import raftsim.trace.TraceLine;

/**
 * The compact encoding of trace lines and their state changes, one chunk at a time. A line is its shape's
 * number, then its {@code ev} and {@code t} as differences from the line before, then its values (integers
 * as differences from the same field of the last line of the same shape, strings as numbers in a shared
 * table), then its ops, whose numbers are differences from the last of their kind for the same node. The
 * differences start afresh in every chunk, so any chunk decodes on its own. The viewer's JavaScript
 * decoder mirrors {@link #decode} step by step.
 */
final class LineCodec {
  private final List<Shape> shapes;
  private final int nodes;
  private long prevEv;
  private long prevT;
  private final List<long[]> prevInts = new ArrayList<>();
  private final long[] term;
  private final long[] commit;
  private final long[] applied;
  private final long[] logTo;
  private final long[] logTerm;
  private final long[][] next;
  private final long[][] match;

  /** @param shapes the shape table, which an encoder extends as it meets new shapes */
  LineCodec(List<Shape> shapes, int nodes) {
    this.shapes = shapes;
    this.nodes = nodes;
    term = new long[nodes + 1];
    commit = new long[nodes + 1];
    applied = new long[nodes + 1];
    logTo = new long[nodes + 1];
    logTerm = new long[nodes + 1];
    next = new long[nodes + 1][nodes + 1];
    match = new long[nodes + 1][nodes + 1];
  }

  private long[] prevInts(int shape) {
    while (prevInts.size() <= shape) {
      prevInts.add(null);
    }
    long[] p = prevInts.get(shape);
    if (p == null) {
      p = new long[shapes.get(shape).intFields()];
      prevInts.set(shape, p);
    }
    return p;
  }

  private int node(int id) {
    return id >= 0 && id <= nodes ? id : 0; // ops for ids outside the cluster keep their numbers in slot 0
  }

  // ------------------------------------------------------------------------------------ encoding

  /**
   * Writes one line. For an echo shape, {@code echoes} is the seq of the send line it repeats and the
   * line's first op (the message's arrival, drop or copy) is implied, not written.
   */
  void encode(VarBytes out, TraceLine line, int shape, List<StateOp> ops, StringTable strings, long echoes) {
    Shape s = shapes.get(shape);
    out.unsigned(shape);
    header(out, line.ev() - prevEv, line.t() - prevT);
    prevEv = line.ev();
    prevT = line.t();
    int firstField = 0;
    int firstOp = 0;
    if (s.echo()) {
      out.unsigned(line.seq() - echoes);
      firstField = line.size() - s.names().size();
      firstOp = 1;
    }
    long[] prev = prevInts(shape);
    int k = 0;
    for (int i = firstField; i < line.size(); i++) {
      int type = s.types().get(i - firstField);
      if (type == Shape.TYPE_INT) {
        long v = (Long) line.value(i);
        out.signed(v - prev[k]);
        prev[k++] = v;
      } else if (type == Shape.TYPE_STRING || type == Shape.TYPE_RAW) {
        out.unsigned(strings.id(line.value(i).toString()));
      }
    }
    out.unsigned(ops.size() - firstOp);
    for (int i = firstOp; i < ops.size(); i++) {
      encode(out, ops.get(i), line.seq(), strings);
    }
  }

  /**
   * The changes of ev and t in one number where they are small, as they mostly are: most lines share the
   * event of the line before, or start the next one.
   */
  private static void header(VarBytes out, long dEv, long dT) {
    if (dEv <= 1) {
      out.unsigned(dT << 2 | dEv);
    } else {
      out.unsigned(dT << 2 | 2);
      out.unsigned(dEv);
    }
  }

  /** A send line's own message entering the network: the commonest op, in one byte. */
  private static final int FLIGHT_ADD_SELF = 14;

  private void encode(VarBytes out, StateOp op, long seq, StringTable strings) {
    if (op instanceof StateOp.FlightAdd f && f.sendSeq() == seq) {
      out.unsigned(FLIGHT_ADD_SELF);
      return;
    }
    out.unsigned(op.code());
    if (op instanceof StateOp.Role r) {
      out.unsigned(node(r.node()));
      out.unsigned(r.role().ordinal());
    } else if (op instanceof StateOp.Term t) {
      int n = node(t.node());
      out.unsigned(n);
      out.signed(t.term() - term[n]);
      term[n] = t.term();
    } else if (op instanceof StateOp.Vote v) {
      out.unsigned(node(v.node()));
      out.unsigned(v.votedFor());
    } else if (op instanceof StateOp.Commit c) {
      int n = node(c.node());
      out.unsigned(n);
      out.signed(c.commitIndex() - commit[n]);
      commit[n] = c.commitIndex();
    } else if (op instanceof StateOp.Applied a) {
      int n = node(a.node());
      out.unsigned(n);
      out.signed(a.lastApplied() - applied[n]);
      applied[n] = a.lastApplied();
    } else if (op instanceof StateOp.LogAppend a) {
      int n = node(a.node());
      out.unsigned(n);
      out.signed(a.from() - logTo[n] - 1);
      out.signed(a.to() - a.from());
      out.signed(a.term() - logTerm[n]);
      logTo[n] = a.to();
      logTerm[n] = a.term();
    } else if (op instanceof StateOp.LogCompact c) {
      out.unsigned(node(c.node()));
      out.unsigned(c.index());
      out.unsigned(c.term());
    } else if (op instanceof StateOp.LogReset r) {
      out.unsigned(node(r.node()));
      out.unsigned(r.index());
      out.unsigned(r.term());
    } else if (op instanceof StateOp.LogTruncate t) {
      out.unsigned(node(t.node()));
      out.unsigned(t.from());
    } else if (op instanceof StateOp.Progress p) {
      int l = node(p.leader());
      int f = node(p.follower());
      out.unsigned(l);
      out.unsigned(f);
      out.signed(p.nextIndex() - next[l][f]);
      out.signed(p.matchIndex() - match[l][f]);
      out.unsigned(p.mode().ordinal());
      next[l][f] = p.nextIndex();
      match[l][f] = p.matchIndex();
    } else if (op instanceof StateOp.FlightAdd f) {
      out.unsigned(seq - f.sendSeq());
    } else if (op instanceof StateOp.FlightDel f) {
      out.unsigned(seq - f.sendSeq());
    } else if (op instanceof StateOp.Paused p) {
      out.unsigned(node(p.node()));
      out.unsigned(p.until());
    } else if (op instanceof StateOp.Links l) {
      out.unsigned(strings.id(l.description()));
    } else if (op instanceof StateOp.Config c) {
      out.unsigned(node(c.node()));
      out.unsigned(c.voters());
      out.unsigned(c.learners());
    } else if (op instanceof StateOp.Transfer t) {
      out.unsigned(node(t.node()));
      out.unsigned(t.target());
    } else {
      throw new IllegalArgumentException("no encoding for " + op);
    }
  }

  // ------------------------------------------------------------------------------------ decoding

  /** One line read back, with its shape and ops. */
  record Decoded(TraceLine line, int shape, List<StateOp> ops) {}

  /** Reads one line; {@code lines} gives the send line an echo repeats (an earlier line). */
  Decoded decode(VarBytes.Reader in, long seq, List<String> strings, java.util.function.LongFunction<TraceLine> lines) {
    int shape = (int) in.unsigned();
    Shape s = shapes.get(shape);
    long h = in.unsigned();
    long ev = prevEv + ((h & 3) == 2 ? in.unsigned() : (h & 3));
    long t = prevT + (h >>> 2);
    prevEv = ev;
    prevT = t;
    TraceLine echoed = null;
    List<StateOp> ops = new ArrayList<>(2);
    if (s.echo()) {
      long ref = seq - in.unsigned();
      echoed = lines.apply(ref);
      ops.add(s.kind().equals("duplicate") ? new StateOp.FlightAdd(ref) : new StateOp.FlightDel(ref));
    }
    int own = s.names().size();
    int base = echoed == null ? 0 : echoed.size();
    String[] names = new String[base + own];
    Object[] values = new Object[base + own];
    for (int i = 0; i < base; i++) {
      names[i] = echoed.name(i);
      values[i] = echoed.value(i);
    }
    long[] prev = prevInts(shape);
    int k = 0;
    for (int i = 0; i < own; i++) {
      names[base + i] = s.names().get(i);
      values[base + i] = switch (s.types().get(i)) {
        case Shape.TYPE_INT -> {
          long v = prev[k] + in.signed();
          prev[k++] = v;
          yield v;
        }
        case Shape.TYPE_TRUE -> Boolean.TRUE;
        case Shape.TYPE_FALSE -> Boolean.FALSE;
        case Shape.TYPE_NULL -> null;
        case Shape.TYPE_STRING -> strings.get((int) in.unsigned());
        default -> new TraceLine.RawJson(strings.get((int) in.unsigned()));
      };
    }
    TraceLine line = new TraceLine(seq, ev, t, s.kind(), names, values);
    int count = (int) in.unsigned();
    for (int i = 0; i < count; i++) {
      ops.add(decodeOp(in, seq, strings));
    }
    return new Decoded(line, shape, ops.isEmpty() ? List.of() : ops);
  }

  private StateOp decodeOp(VarBytes.Reader in, long seq, List<String> strings) {
    int code = (int) in.unsigned();
    switch (code) {
      case 0: {
        int nd = (int) in.unsigned();
        return new StateOp.Role(nd, NodeRole.values()[(int) in.unsigned()]);
      }
      case 1: {
        int nd = (int) in.unsigned();
        term[nd] += in.signed();
        return new StateOp.Term(nd, term[nd]);
      }
      case 2: {
        int nd = (int) in.unsigned();
        return new StateOp.Vote(nd, (int) in.unsigned());
      }
      case 3: {
        int nd = (int) in.unsigned();
        commit[nd] += in.signed();
        return new StateOp.Commit(nd, commit[nd]);
      }
      case 4: {
        int nd = (int) in.unsigned();
        applied[nd] += in.signed();
        return new StateOp.Applied(nd, applied[nd]);
      }
      case 5: {
        int nd = (int) in.unsigned();
        long from = logTo[nd] + 1 + in.signed();
        long to = from + in.signed();
        long tm = logTerm[nd] + in.signed();
        logTo[nd] = to;
        logTerm[nd] = tm;
        return new StateOp.LogAppend(nd, from, to, tm);
      }
      case 6: {
        int nd = (int) in.unsigned();
        return new StateOp.LogCompact(nd, in.unsigned(), in.unsigned());
      }
      case 7: {
        int nd = (int) in.unsigned();
        return new StateOp.LogReset(nd, in.unsigned(), in.unsigned());
      }
      case 8: {
        int nd = (int) in.unsigned();
        return new StateOp.LogTruncate(nd, in.unsigned());
      }
      case 9: {
        int l = (int) in.unsigned();
        int f = (int) in.unsigned();
        next[l][f] += in.signed();
        match[l][f] += in.signed();
        return new StateOp.Progress(l, f, next[l][f], match[l][f], ProgressMode.values()[(int) in.unsigned()]);
      }
      case 10:
        return new StateOp.FlightAdd(seq - in.unsigned());
      case 11:
        return new StateOp.FlightDel(seq - in.unsigned());
      case 12: {
        int nd = (int) in.unsigned();
        return new StateOp.Paused(nd, in.unsigned());
      }
      case 13:
        return new StateOp.Links(strings.get((int) in.unsigned()));
      case FLIGHT_ADD_SELF:
        return new StateOp.FlightAdd(seq);
      case 15: {
        int nd = (int) in.unsigned();
        int v = (int) in.unsigned();
        return new StateOp.Config(nd, v, (int) in.unsigned());
      }
      case 16: {
        int nd = (int) in.unsigned();
        return new StateOp.Transfer(nd, (int) in.unsigned());
      }
      default:
        throw new IllegalStateException("unknown op " + code + " in the compact trace");
    }
  }
}
