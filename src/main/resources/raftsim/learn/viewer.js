// raftsim's trace viewer. Everything it shows comes from the JSON block in this page: the trace in compact
// chunks, each with a checkpoint of the cluster's state, and the state changes (ops) each line implies.
// The meaning of every line was settled when the page was made (raftsim.learn.StateFold); this script only
// decodes lines and replays ops, exactly as the Java stepper does (LineCodec, ClusterState, TermRuns).
'use strict';
(function () {
  const D = JSON.parse(document.getElementById('raftsim-data').textContent);
  const N = D.nodes;
  const CHUNK = D.chunk;
  const LINES = D.lines;
  const ROLES = ['follower', 'candidate', 'leader', 'crashed'];
  const MODES = ['probe', 'replicate', 'snapshot'];
  const T_INT = 0, T_TRUE = 1, T_FALSE = 2, T_NULL = 3, T_STRING = 4;
  const shapes = D.shapes.map(s => ({ kind: s[0], names: s[1], types: s[2], sentence: s[3], echo: s[4] === 1,
    ints: s[2].filter(t => t === T_INT).length }));
  const $ = id => document.getElementById(id);

  // ------------------------------------------------------------------------------------ numbers
  // Varints as raftsim.learn.VarBytes writes them. Values past 2^49 (a 64-bit seed, say) become BigInt so
  // that no digit is lost; everything else stays a plain number.
  function reader(bytes) { return { b: bytes, p: 0 }; }
  function uv(r) {
    let v = 0, mul = 1, b, n = 0;
    const start = r.p;
    do { b = r.b[r.p++]; v += (b & 0x7f) * mul; mul *= 128; n++; } while (b & 0x80);
    if (n <= 7) return v;
    let big = 0n, shift = 0n;
    for (let i = start; i < r.p; i++) { big |= BigInt(r.b[i] & 0x7f) << shift; shift += 7n; }
    return BigInt.asUintN(64, big);
  }
  function sv(r) {
    const u = uv(r);
    if (typeof u === 'bigint') return BigInt.asIntN(64, (u >> 1n) ^ -(u & 1n));
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }
  function add(a, b) {
    if (typeof a !== 'bigint' && typeof b !== 'bigint') return a + b;
    const r = BigInt.asIntN(64, BigInt(a) + BigInt(b));
    return (r >= -9007199254740991n && r <= 9007199254740991n) ? Number(r) : r;
  }
  function base64(s) {
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  const fmt = v => typeof v === 'number' ? v.toLocaleString('en-US') : String(v);

  // ------------------------------------------------------------------------------------ decoding
  const cache = new Map();
  function chunk(c) {
    let ch = cache.get(c);
    if (ch) { cache.delete(c); cache.set(c, ch); return ch; }
    ch = decodeChunk(c);
    cache.set(c, ch);
    if (cache.size > 24) cache.delete(cache.keys().next().value);
    return ch;
  }
  function line(i) { return chunk(Math.floor(i / CHUNK)).lines[i % CHUNK]; }
  function opsOf(i) { return chunk(Math.floor(i / CHUNK)).ops[i % CHUNK]; }

  function decodeChunk(c) {
    const first = c * CHUNK;
    const count = Math.min(CHUNK, LINES - first);
    const r = reader(base64(D.chunks[c][2]));
    const lines = new Array(count), ops = new Array(count);
    const st = { ev: 0, t: 0, ints: [], term: new Array(N + 1).fill(0), commit: new Array(N + 1).fill(0),
      applied: new Array(N + 1).fill(0), logTo: new Array(N + 1).fill(0), logTerm: new Array(N + 1).fill(0),
      next: [], match: [] };
    for (let l = 0; l <= N; l++) { st.next.push(new Array(N + 1).fill(0)); st.match.push(new Array(N + 1).fill(0)); }
    for (let k = 0; k < count; k++) {
      const seq = first + k;
      const shapeId = uv(r), s = shapes[shapeId];
      const h = uv(r);
      const evCode = h % 4;
      const ev = st.ev + (evCode === 2 ? uv(r) : evCode);
      const t = st.t + Math.floor(h / 4);
      st.ev = ev; st.t = t;
      const o = [];
      let names = s.names, values = [];
      if (s.echo) {
        const ref = seq - uv(r);
        const e = lines[ref - first]; // an echo repeats a line of its own chunk
        names = e.names.concat(s.names);
        values = e.values.slice();
        o.push(s.kind === 'duplicate' ? [10, ref] : [11, ref]);
      }
      let prev = st.ints[shapeId];
      if (!prev) { prev = new Array(s.ints).fill(0); st.ints[shapeId] = prev; }
      let q = 0;
      for (let f = 0; f < s.types.length; f++) {
        const type = s.types[f];
        if (type === T_INT) { const v = add(prev[q], sv(r)); prev[q++] = v; values.push(v); }
        else if (type === T_TRUE) values.push(true);
        else if (type === T_FALSE) values.push(false);
        else if (type === T_NULL) values.push(null);
        else values.push({ raw: type !== T_STRING, text: D.strings[uv(r)] });
      }
      const n = uv(r);
      for (let x = 0; x < n; x++) o.push(decodeOp(r, seq, st));
      lines[k] = { seq, ev, t, kind: s.kind, shape: shapeId, names, values };
      ops[k] = o;
    }
    return { lines, ops };
  }

  // Ops as arrays [code, ...], as LineCodec decodes them: numbers are differences from the last of their kind.
  function decodeOp(r, seq, st) {
    const code = uv(r);
    let n, l, f;
    switch (code) {
      case 0: n = uv(r); return [0, n, uv(r)];
      case 1: n = uv(r); st.term[n] += sv(r); return [1, n, st.term[n]];
      case 2: n = uv(r); return [2, n, uv(r)];
      case 3: n = uv(r); st.commit[n] += sv(r); return [3, n, st.commit[n]];
      case 4: n = uv(r); st.applied[n] += sv(r); return [4, n, st.applied[n]];
      case 5: {
        n = uv(r);
        const from = st.logTo[n] + 1 + sv(r);
        const to = from + sv(r);
        const term = st.logTerm[n] + sv(r);
        st.logTo[n] = to; st.logTerm[n] = term;
        return [5, n, from, to, term];
      }
      case 6: n = uv(r); return [6, n, uv(r), uv(r)];
      case 7: n = uv(r); return [7, n, uv(r), uv(r)];
      case 8: n = uv(r); return [8, n, uv(r)];
      case 9:
        l = uv(r); f = uv(r);
        st.next[l][f] += sv(r); st.match[l][f] += sv(r);
        return [9, l, f, st.next[l][f], st.match[l][f], uv(r)];
      case 10: return [10, seq - uv(r)];
      case 11: return [11, seq - uv(r)];
      case 12: n = uv(r); return [12, n, uv(r)];
      case 13: return [13, D.strings[uv(r)]];
      case 15: { n = uv(r); const v = uv(r); return [15, n, v, uv(r)]; }
      case 16: n = uv(r); return [16, n, uv(r)];
      case 14: return [10, seq];
      default: throw new Error('unknown op ' + code + ' in line ' + seq);
    }
  }

  function field(ln, name) {
    const i = ln.names.indexOf(name);
    if (i < 0) return undefined;
    const v = ln.values[i];
    return v !== null && typeof v === 'object' ? v.text : v;
  }
  function text(v) { return v === undefined ? '?' : v === null ? 'null' : String(v); }
  function explain(ln) {
    const tpl = D.sentences[shapes[ln.shape].sentence];
    return tpl.replace(/\{([A-Za-z]+)\}/g, (m, name) => text(field(ln, name)));
  }
  function json(ln) {
    const parts = ['"seq":' + ln.seq, '"ev":' + ln.ev, '"t":' + ln.t, '"kind":' + JSON.stringify(ln.kind)];
    ln.names.forEach((name, i) => {
      const v = ln.values[i];
      const s = v === null ? 'null' : typeof v === 'object' ? (v.raw ? v.text : JSON.stringify(v.text)) : String(v);
      parts.push(JSON.stringify(name) + ':' + s);
    });
    return '{' + parts.join(',') + '}';
  }

  // ------------------------------------------------------------------------------------ state
  // The cluster's state, mirroring raftsim.learn.ClusterState; logs as runs of equal terms (TermRuns).
  function fromCheckpoint(cp) {
    const nodes = [null];
    cp[0].forEach(a => {
      const runs = a[9], prog = a[10];
      const node = { role: a[0], term: a[1], vote: a[2], commit: a[3], applied: a[4], paused: a[5],
        voters: a[11], learners: a[12], transfer: a[13],
        log: { base: a[6], baseTerm: a[7], last: a[8], starts: [], terms: [] },
        next: new Array(N + 1).fill(0), match: new Array(N + 1).fill(0), mode: new Array(N + 1).fill(0) };
      for (let k = 0; k < runs.length; k += 2) { node.log.starts.push(runs[k]); node.log.terms.push(runs[k + 1]); }
      for (let f = 1; f <= N; f++) {
        node.next[f] = prog[3 * (f - 1)]; node.match[f] = prog[3 * (f - 1) + 1]; node.mode[f] = prog[3 * (f - 1) + 2];
      }
      node.id = nodes.length;
      nodes.push(node);
    });
    const flight = new Map();
    for (let k = 0; k < cp[1].length; k += 2) flight.set(cp[1][k], cp[1][k + 1]);
    return { nodes, flight, links: cp[2] };
  }

  function termAt(log, i) {
    if (i === log.base) return log.baseTerm;
    if (i < log.base || i > log.last) return -1;
    let lo = 0, hi = log.starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (log.starts[mid] <= i) lo = mid; else hi = mid - 1; }
    return log.terms[lo];
  }
  function truncateFrom(log, from) {
    if (from > log.last) return;
    if (from <= log.base + 1) { log.starts.length = 0; log.terms.length = 0; log.last = log.base; return; }
    while (log.starts.length > 0 && log.starts[log.starts.length - 1] >= from) { log.starts.pop(); log.terms.pop(); }
    log.last = from - 1;
  }
  function append(log, from, to, term) {
    truncateFrom(log, from);
    if (to < from || from !== log.last + 1) return;
    if (log.terms.length > 0 && log.terms[log.terms.length - 1] === term) { log.last = to; return; }
    log.starts.push(from); log.terms.push(term); log.last = to;
  }
  function reset(log, index, term) { log.base = index; log.baseTerm = term; log.last = index; log.starts = []; log.terms = []; }
  function compact(log, index, term) {
    if (index <= log.base) return;
    if (index >= log.last) { reset(log, index, term); return; }
    let k = 0;
    while (k + 1 < log.starts.length && log.starts[k + 1] <= index + 1) k++;
    log.starts = log.starts.slice(k); log.terms = log.terms.slice(k);
    log.starts[0] = index + 1; log.base = index; log.baseTerm = term;
  }
  const isNode = id => id >= 1 && id <= N;
  // Configurations (diss. §4.1) as bit sets of node ids, as raftsim.learn.NodeState keeps them.
  const has = (set, id) => ((set >>> id) & 1) === 1;
  const ALL = ((1 << (N + 1)) - 1) & ~1;
  const ids = set => { const a = []; for (let i = 1; i <= 30; i++) if (has(set, i)) a.push(i); return a.length ? a.join(', ') : 'none'; };
  const membershipVaries = s => s.nodes.some(n => n && (n.voters !== ALL || n.learners !== 0));
  const memberOf = n => has(n.voters, n.id) ? 'voter' : has(n.learners, n.id) ? 'learner' : 'outside';
  function apply(s, op) {
    const n = isNode(op[1]) ? s.nodes[op[1]] : null;
    switch (op[0]) {
      case 0: if (n) { n.role = op[2]; if (op[2] === 3) { n.commit = 0; n.applied = 0; } } break;
      case 1: if (n) n.term = op[2]; break;
      case 2: if (n) n.vote = op[2]; break;
      case 3: if (n) n.commit = op[2]; break;
      case 4: if (n) n.applied = op[2]; break;
      case 5: if (n) append(n.log, op[2], op[3], op[4]); break;
      case 6: if (n) compact(n.log, op[2], op[3]); break;
      case 7: if (n) reset(n.log, op[2], op[3]); break;
      case 8: if (n) truncateFrom(n.log, op[2]); break;
      case 9: if (n && isNode(op[2])) { n.next[op[2]] = op[3]; n.match[op[2]] = op[4]; n.mode[op[2]] = op[5]; } break;
      case 10: s.flight.set(op[1], (s.flight.get(op[1]) || 0) + 1); break;
      case 11: { const c = s.flight.get(op[1]); if (c > 1) s.flight.set(op[1], c - 1); else if (c) s.flight.delete(op[1]); break; }
      case 12: if (n) n.paused = op[2]; break;
      case 13: s.links = op[1]; break;
      case 15: if (n) { n.voters = op[2]; n.learners = op[3]; } break;
      case 16: if (n) n.transfer = op[2]; break;
    }
  }
  function stateAfter(i) {
    const c = Math.floor(i / CHUNK);
    const s = fromCheckpoint(D.checkpoints[c]);
    const ch = chunk(c);
    for (let k = 0; k <= i % CHUNK; k++) for (const op of ch.ops[k]) apply(s, op);
    return s;
  }

  // ------------------------------------------------------------------------------------ search
  const DECISIONS = ['boot', 'role', 'term', 'election', 'vote', 'vote-counted', 'append', 'append-refused', 'commit',
    'backoff', 'snapshot-taken', 'snapshot-chunk', 'snapshot-installed', 'snapshot-declined', 'crash', 'restart',
    'torn-write', 'partition', 'isolate', 'cut', 'heal', 'pause', 'resume', 'network', 'clock-drift', 'leader',
    'expect', 'violation', 'skip', 'armed', 'clients', 'pre-election', 'pre-vote', 'pre-vote-counted', 'quorum-lost',
    'transfer', 'timeout-now', 'configuration', 'configuration-proposed', 'learner-caught-up', 'leader-removed',
    'transfer-request', 'membership-request', 'membership-done'];
  const MESSAGES = DECISIONS.concat(['send', 'deliver', 'drop', 'duplicate', 'apply', 'ignored', 'read-forwarded',
    'read-index', 'read-served', 'read-lease', 'client-invoke', 'client-complete']);
  function visible(kind) {
    const d = +$('detail').value;
    return d === 3 || (d === 2 ? MESSAGES : DECISIONS).includes(kind);
  }
  // Scans at most `limit` lines, so that a search with nothing ahead stays quick in a huge trace.
  function scan(from, dir, test, limit) {
    for (let i = from + dir, seen = 0; i >= 0 && i < LINES && seen < limit; i += dir, seen++) if (test(line(i))) return i;
    return -1;
  }
  const MARK = ['leader', 'election', 'crash', 'restart', 'fault', 'heal', 'violation', 'failed-expectation', 'pause',
    'snapshot-installed'];
  function nextMarker(from, name) {
    const code = MARK.indexOf(name);
    for (const m of D.markers) if (m[0] > from && m[2] === code) return m[0];
    return -1;
  }
  function firstAtOrAfter(t) {
    let c = 0;
    while (c < D.chunks.length - 1 && D.chunks[c][1] < t) c++;
    const ch = chunk(c);
    for (let k = 0; k < ch.lines.length; k++) if (ch.lines[k].t >= t) return c * CHUNK + k;
    return LINES - 1;
  }

  // ------------------------------------------------------------------------------------ rendering
  const hue = term => (term * 67 + 210) % 360;
  const termColor = term => term <= 0 ? '#999' : 'hsl(' + hue(term) + ',62%,46%)';
  const el = (tag, cls, txt) => { const e = document.createElement(tag); if (cls) e.className = cls; if (txt !== undefined) e.textContent = txt; return e; };
  let cursor = 0, state = null;

  function summary(ln) {
    const g = name => field(ln, name);
    let s = g('type') + ' ' + g('from') + '→' + g('to') + ' term ' + g('term');
    switch (g('type')) {
      case 'RequestVote': case 'PreVote': s += ', last ' + g('lastLogIndex') + '/' + g('lastLogTerm') + (g('transfer') ? ', transfer' : ''); break;
      case 'RequestVoteReply': case 'PreVoteReply': s += g('granted') ? ', granted' : ', refused (' + g('refusal') + ')'; break;
      case 'AppendEntries': s += g('entries') > 0 ? ', ' + g('entries') + (g('entries') === 1 ? ' entry' : ' entries') + ' to '
        + g('lastIndex') + '/' + g('lastTerm') : ', heartbeat';
        s += ', commit ' + g('leaderCommit'); break;
      case 'AppendEntriesReply': s += g('success') ? ', match ' + g('matchIndex') : ', refused (' + g('rejection') + ')'; break;
      case 'InstallSnapshot': s += ', snapshot ' + g('lastIncludedIndex') + ', bytes ' + g('offset') + '+' + g('length'); break;
      case 'InstallSnapshotReply': s += g('installed') ? ', installed' : ', next offset ' + g('nextOffset'); break;
      default: break;
    }
    return s;
  }
  function brief(ln) {
    if (field(ln, 'type') !== undefined && field(ln, 'from') !== undefined) return ln.kind + ' ' + summary(ln);
    return ln.kind + ' ' + ln.names.map((n, i) => n + '=' + text(field(ln, n))).join(' ');
  }

  function renderNodes(ln) {
    const box = $('nodes');
    box.textContent = '';
    let hi = 1;
    for (let id = 1; id <= N; id++) if (state.nodes[id].role !== 3) hi = Math.max(hi, state.nodes[id].log.last);
    const cells = Math.max(8, Math.min(48, Math.floor((box.clientWidth - 250) / 23) || 32));
    const lo = Math.max(1, hi - cells + 1);
    box.dataset.lo = lo; box.dataset.hi = hi;
    const members = membershipVaries(state);
    for (let id = 1; id <= N; id++) {
      const n = state.nodes[id];
      const d = el('div', 'node');
      d.dataset.node = id; d.dataset.role = ROLES[n.role]; d.dataset.term = n.term; d.dataset.voted = n.vote;
      d.dataset.commit = n.commit; d.dataset.applied = n.applied; d.dataset.member = memberOf(n);
      const head = el('div', 'head');
      const member = members && n.role !== 3 && memberOf(n) !== 'voter' ? ' (' + memberOf(n) + ')' : '';
      const role = el('span', 'role', ROLES[n.role] + member + (n.paused > ln.t ? ' (paused)' : ''));
      if (member) role.title = memberOf(n) === 'learner' ? 'a learner: it receives entries but neither votes nor counts (diss. §4.2.1)'
        : 'outside its own configuration: a spare not yet added, or a removed server (diss. §4.1)';
      head.append(el('b', null, String(id)), ' ', role);
      const facts = el('div', 'facts');
      facts.textContent = n.role === 3 ? 'down' : 'term ' + n.term + ' · voted ' + (n.vote || '–') + ' · commit ' +
        fmt(n.commit) + ' · applied ' + fmt(n.applied);
      head.append(facts);
      const log = el('div', 'log');
      if (n.role !== 3) {
        for (let i = lo; i <= hi; i++) {
          if (i <= n.log.base) { const c = el('span', 'cell snap', '#'); c.title = 'compacted into the snapshot (§7)'; log.append(c); }
          else if (i <= n.log.last) {
            const term = termAt(n.log, i);
            const c = el('span', 'cell' + (i <= n.commit ? ' committed' : ''), String(term));
            c.dataset.index = i; c.dataset.term = term; c.style.background = termColor(term);
            c.title = 'index ' + i + ', term ' + term + (i <= n.commit ? ', committed' : ', not committed');
            log.append(c);
          } else log.append(el('span', 'cell gap'));
          if (i === n.commit && i >= lo) { const m = el('span', 'commit-mark'); m.title = 'commitIndex ' + n.commit; log.append(m); }
        }
      }
      if (n.role !== 3 && n.log.last < lo) {
        log.append(el('span', 'logend', n.log.last === 0 ? 'empty log' : 'log ends at ' + fmt(n.log.last)));
      }
      const right = el('div');
      right.append(log);
      if (id === N) { const sc = el('div', 'logscale'); sc.append(el('span', null, 'index ' + fmt(lo)), el('span', null, fmt(hi))); right.append(sc); }
      d.append(head, right);
      box.append(d);
    }
  }

  function renderProgress() {
    const box = $('progress');
    box.textContent = '';
    for (let id = 1; id <= N; id++) {
      const n = state.nodes[id];
      if (n.role !== 2) continue;
      const t = el('table');
      t.dataset.leader = id;
      const cap = el('caption', null, 'leader ' + id + ' (term ' + n.term + '): its view of each follower (Figure 2)' +
        (n.transfer ? ' · handing office to ' + n.transfer + ' (diss. §3.10)' : ''));
      t.dataset.transfer = n.transfer;
      t.append(cap);
      const members = membershipVaries(state);
      const hr = el('tr'); ['follower', 'nextIndex', 'matchIndex', 'mode'].forEach(h => hr.append(el('th', null, h))); t.append(hr);
      for (let f = 1; f <= N; f++) {
        if (f === id || (members && n.next[f] === 0)) continue; // a leader replicates to members only (diss. §4.1)
        const tr = el('tr'); tr.dataset.follower = f;
        [members && has(n.learners, f) ? f + ' (learner)' : f, fmt(n.next[f]), fmt(n.match[f]), MODES[n.mode[f]]]
          .forEach(v => tr.append(el('td', null, String(v))));
        t.append(tr);
      }
      box.append(t);
    }
  }

  function renderFlight() {
    const ul = $('flight');
    ul.textContent = '';
    let count = 0, shown = 0;
    for (const [seq, copies] of state.flight) {
      count += copies;
      if (shown++ >= 200) continue;
      const send = line(seq);
      const li = el('li', null, summary(send) + (copies > 1 ? ' (' + copies + ' copies)' : '') + ' · sent at ' + fmt(send.t) + ' ms');
      li.dataset.seq = seq;
      ul.append(li);
    }
    $('flight-count').textContent = '(' + count + ')';
  }

  function renderEvent(ln) {
    $('event-line').textContent = 'line ' + fmt(ln.seq) + ' · event ' + fmt(ln.ev) + ' · t = ' + fmt(ln.t) + ' ms · ' + ln.kind;
    $('explain').textContent = explain(ln);
    $('raw').textContent = json(ln);
    const ol = $('event-lines');
    ol.textContent = '';
    let first = cursor, last = cursor;
    while (first > 0 && cursor - first < 12 && line(first - 1).ev === ln.ev) first--;
    while (last + 1 < LINES && last - cursor < 12 && line(last + 1).ev === ln.ev) last++;
    for (let i = first; i <= last; i++) {
      const li = el('li', i === cursor ? 'current' : null, 'line ' + fmt(i) + '  ' + brief(line(i)));
      li.dataset.seq = i;
      ol.append(li);
    }
  }

  function fitCanvas(cv) {
    const w = cv.clientWidth || 600, h = cv.clientHeight || +cv.getAttribute('height');
    const r = window.devicePixelRatio || 1;
    if (cv.width !== Math.round(w * r) || cv.height !== Math.round(h * r)) { cv.width = Math.round(w * r); cv.height = Math.round(h * r); }
    const g = cv.getContext('2d');
    g.setTransform(r, 0, 0, r, 0, 0);
    g.clearRect(0, 0, w, h);
    return { g, w, h };
  }
  const TYPE_COLOR = { RequestVote: '#d97706', RequestVoteReply: '#f59e0b', AppendEntries: '#2563eb', AppendEntriesReply: '#16a34a',
    InstallSnapshot: '#9333ea', InstallSnapshotReply: '#a855f7', ReadIndex: '#64748b', ReadIndexReply: '#94a3b8',
    PreVote: '#b45309', PreVoteReply: '#fbbf24', TimeoutNow: '#dc2626' };

  // Messages as lines from (time sent, sender) to (time delivered or dropped, receiver), within a time window.
  function renderSpacetime(ln) {
    const { g, w, h } = fitCanvas($('spacetime'));
    const span = +$('window').value, t0 = ln.t - span / 2, t1 = ln.t + span / 2;
    const left = 36, right = w - 8, top = 14, bottom = h - 18;
    const x = t => left + (t - t0) / (t1 - t0) * (right - left);
    const y = id => top + (id - 1) * (bottom - top) / Math.max(1, N - 1);
    g.font = '11px system-ui, sans-serif'; g.fillStyle = '#687085';
    for (let id = 1; id <= N; id++) {
      g.strokeStyle = '#d8dce6'; g.beginPath(); g.moveTo(left, y(id)); g.lineTo(right, y(id)); g.stroke();
      g.fillText(String(id), 8, y(id) + 4);
    }
    g.fillText(fmt(Math.round(t0)) + ' ms', left, h - 4);
    g.fillText(fmt(Math.round(t1)) + ' ms', right - 60, h - 4);
    const sends = new Map();
    // Lines from the window's start on; a message sent earlier is found from its arrival (line(ref)).
    const c0 = chunkAt(t0), c1 = chunkAt(t1);
    let drawn = 0;
    for (let c = c0; c <= c1 && drawn < 4000; c++) {
      const ch = chunk(c);
      for (let k = 0; k < ch.lines.length; k++) {
        const l = ch.lines[k];
        if (l.t > t1) break;
        if (l.kind === 'send') { sends.set(l.seq, l); continue; }
        if (l.kind !== 'deliver' && l.kind !== 'drop') {
          if (l.t >= t0 && (l.kind === 'role' || l.kind === 'crash' || l.kind === 'restart')) {
            const id = field(l, 'node');
            g.fillStyle = l.kind === 'crash' ? '#a3122a' : l.kind === 'restart' ? '#687085'
              : field(l, 'role') === 'leader' ? '#1f7a3b' : field(l, 'role') === 'candidate' ? '#d49a00' : '#687085';
            g.beginPath(); g.arc(x(l.t), y(id), 4, 0, 7); g.fill();
          }
          continue;
        }
        const op = ch.ops[k][0];
        const ref = op && op[0] === 11 ? op[1] : -1;
        const s = ref >= 0 ? (sends.get(ref) || line(ref)) : null;
        if (!s || (l.t < t0 && s.t < t0)) continue;
        sends.delete(ref);
        drawn++;
        const from = field(s, 'from'), to = field(s, 'to');
        g.globalAlpha = l.seq > cursor ? 0.25 : 0.9;
        g.strokeStyle = TYPE_COLOR[field(s, 'type')] || '#555';
        g.lineWidth = field(s, 'type') === 'AppendEntries' && field(s, 'entries') === 0 ? 0.7 : 1.4;
        const x1 = x(s.t), y1 = y(from);
        const x2 = x(l.t), y2 = l.kind === 'drop' ? (y(from) + y(to)) / 2 : y(to);
        g.beginPath(); g.moveTo(x1, y1); g.lineTo(x2, y2); g.stroke();
        if (l.kind === 'drop') { g.beginPath(); g.moveTo(x2 - 4, y2 - 4); g.lineTo(x2 + 4, y2 + 4); g.moveTo(x2 + 4, y2 - 4); g.lineTo(x2 - 4, y2 + 4); g.stroke(); }
        else { g.beginPath(); g.arc(x2, y2, 2, 0, 7); g.fillStyle = g.strokeStyle; g.fill(); }
      }
    }
    // Still travelling at the window's end: a dashed line to the edge. So is a message in flight now that
    // was sent before the window and arrives after it.
    g.setLineDash([3, 3]);
    for (const seq of state.flight.keys()) if (!sends.has(seq) && line(seq).t < t0) sends.set(seq, line(seq));
    for (const s of sends.values()) {
      if (!state.flight.has(s.seq) && (s.t < t0 || s.seq <= cursor)) continue;
      g.globalAlpha = s.seq > cursor ? 0.25 : 0.9;
      g.strokeStyle = TYPE_COLOR[field(s, 'type')] || '#555'; g.lineWidth = 1;
      const from = field(s, 'from'), to = field(s, 'to');
      g.beginPath(); g.moveTo(Math.max(left, x(s.t)), y(from)); g.lineTo(right, y(from) + (y(to) - y(from)) * 0.5); g.stroke();
    }
    g.setLineDash([]); g.globalAlpha = 1; g.lineWidth = 1;
    g.strokeStyle = '#a3122a'; g.beginPath(); g.moveTo(x(ln.t), top - 10); g.lineTo(x(ln.t), bottom + 6); g.stroke();
  }
  function chunkAt(t) {
    let lo = 0, hi = D.chunks.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (D.chunks[mid][0] <= t) lo = mid; else hi = mid - 1; }
    return lo;
  }

  // Client operations as bars from invocation to completion; those a violation involves are outlined.
  const C = D.clients;
  const violating = new Set(D.verdict.ops);
  let maxLatency = 0;
  for (let i = 0; i < C.op.length; i++) maxLatency = Math.max(maxLatency, (C.end[i] < 0 ? Infinity : C.end[i] - C.start[i]));
  function renderHistory(ln) {
    const { g, w, h } = fitCanvas($('history'));
    const span = Math.max(+$('window').value * 5, 1000), t0 = ln.t - span / 2, t1 = ln.t + span / 2;
    const left = 36, right = w - 8, top = 8, bottom = h - 18;
    const x = t => left + (t - t0) / (t1 - t0) * (right - left);
    const lanes = Math.max(1, C.count), laneH = (bottom - top) / lanes;
    g.font = '11px system-ui, sans-serif'; g.fillStyle = '#687085';
    if (C.op.length === 0) { g.fillText('no client operations', left, h / 2); return; }
    for (let c = 1; c <= lanes; c++) g.fillText('c' + c, 4, top + (c - 0.5) * laneH + 4);
    g.fillText(fmt(Math.round(t0)) + ' ms', left, h - 4);
    g.fillText(fmt(Math.round(t1)) + ' ms', right - 60, h - 4);
    const lastT = D.chunks[D.chunks.length - 1][1];
    // Operations are in invocation order: start where they may still overlap the window.
    let lo = 0, hi = C.op.length;
    const from = isFinite(maxLatency) ? t0 - maxLatency : -Infinity;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (C.start[mid] < from) lo = mid + 1; else hi = mid; }
    const colors = ['#16a34a', '#dc2626', '#94a3b8', '#cbd5e1'];
    for (let i = isFinite(from) ? lo : 0; i < C.op.length && C.start[i] <= t1; i++) {
      const end = C.end[i] < 0 ? lastT : C.end[i];
      if (end < t0) continue;
      const yy = top + (C.client[i] - 1) * laneH + 2, hh = Math.max(3, laneH - 4);
      g.globalAlpha = C.start[i] > ln.t ? 0.3 : 1;
      g.fillStyle = colors[C.outcome[i]] || '#999';
      const xa = x(C.start[i]), xb = Math.max(x(end), xa + 2);
      g.fillRect(xa, yy, xb - xa, hh);
      if (violating.has(C.op[i])) { g.globalAlpha = 1; g.strokeStyle = '#c026d3'; g.lineWidth = 3; g.strokeRect(xa - 1.5, yy - 1.5, xb - xa + 3, hh + 3); g.lineWidth = 1; }
    }
    g.globalAlpha = 1;
    g.strokeStyle = '#a3122a'; g.beginPath(); g.moveTo(x(ln.t), 0); g.lineTo(x(ln.t), h); g.stroke();
  }

  function renderMarkers() {
    const { g, w, h } = fitCanvas($('markers'));
    const lastT = Math.max(1, D.chunks[D.chunks.length - 1][1]);
    const colors = ['#1f7a3b', '#d49a00', '#a3122a', '#687085', '#ea580c', '#0ea5e9', '#c026d3', '#c026d3', '#64748b', '#9333ea'];
    for (const m of D.markers) { g.fillStyle = colors[m[2]] || '#999'; g.fillRect(m[1] / lastT * (w - 2), m[2] === 6 || m[2] === 7 ? 0 : 3, 2, h - 3); }
  }

  function renderVerdict() {
    const v = $('verdict');
    v.className = 'verdict ' + D.verdict.word;
    v.textContent = { linearizable: 'linearizable ✓', 'not-linearizable': 'NOT linearizable', undecided: 'linearizability undecided',
      none: 'no client operations' }[D.verdict.word] || D.verdict.word;
    v.title = D.verdict.detail;
    const ul = $('violations');
    ul.textContent = '';
    for (let i = 0; i < C.op.length; i++) {
      if (!violating.has(C.op[i])) continue;
      const li = el('li', null, 'operation #' + C.op[i] + ', client ' + C.client[i] + ': ' + D.strings[C.command[i]] + ' → ' +
        (D.strings[C.result[i]] || '(no result)') + ', ' + fmt(C.start[i]) + '–' + (C.end[i] < 0 ? '…' : fmt(C.end[i])) + ' ms: cannot be linearized');
      li.dataset.op = C.op[i];
      li.addEventListener('click', () => seek(firstAtOrAfter(C.start[i])));
      ul.append(li);
    }
  }

  // The configuration in force (diss. §4.1) as the leader of the highest term has it; as Screen.configuration.
  function configuration(s) {
    let leader = 0;
    for (let id = 1; id <= N; id++) {
      if (s.nodes[id].role === 2 && (leader === 0 || s.nodes[id].term > s.nodes[leader].term)) leader = id;
    }
    if (leader === 0) return 'configuration: no leader; each node says whether it is a learner or outside its own configuration';
    const n = s.nodes[leader];
    return 'configuration (leader ' + leader + '\'s): voters ' + ids(n.voters) + '; learners ' + ids(n.learners);
  }

  let pending = false;
  function render() {
    pending = false;
    const ln = line(cursor);
    state = stateAfter(cursor);
    $('scrub').value = cursor;
    $('position').textContent = 'line ' + fmt(cursor) + ' of ' + fmt(LINES - 1) + ' · t = ' + fmt(ln.t) + ' ms';
    $('links').textContent = state.links ? 'network: ' + state.links : '';
    $('configuration').textContent = membershipVaries(state) ? configuration(state) : '';
    renderNodes(ln);
    renderProgress();
    renderFlight();
    renderEvent(ln);
    renderSpacetime(ln);
    renderHistory(ln);
  }
  function seek(i) {
    cursor = Math.max(0, Math.min(LINES - 1, i | 0));
    $('status').textContent = '';
    render();
  }
  function say(msg) { $('status').textContent = msg; }

  // ------------------------------------------------------------------------------------ controls
  function step(dir) {
    const i = scan(cursor, dir, l => visible(l.kind), LINES);
    if (i < 0) say(dir > 0 ? 'this is the last line at this detail' : 'this is the first line at this detail'); else seek(i);
  }
  let playing = false, clock = 0, lastFrame = 0;
  function frame(now) {
    if (!playing) return;
    const dt = Math.min(250, now - lastFrame);
    lastFrame = now;
    clock += dt / 1000 * +$('speed').value;
    let i = cursor;
    while (i + 1 < LINES && line(i + 1).t <= clock) i++;
    if (i !== cursor) seek(i);
    if (cursor >= LINES - 1) { togglePlay(); return; }
    requestAnimationFrame(frame);
  }
  function togglePlay() {
    playing = !playing;
    $('play').textContent = playing ? '❚❚' : '▶';
    if (playing) { clock = line(cursor).t; lastFrame = performance.now(); requestAnimationFrame(frame); }
  }
  $('start').addEventListener('click', () => seek(0));
  $('end').addEventListener('click', () => seek(LINES - 1));
  $('next').addEventListener('click', () => step(1));
  $('back').addEventListener('click', () => step(-1));
  $('play').addEventListener('click', togglePlay);
  $('next-election').addEventListener('click', () => { const i = nextMarker(cursor, 'election'); if (i < 0) say('no election after this line'); else seek(i); });
  $('next-violation').addEventListener('click', () => {
    const i = D.markers.find(m => m[0] > cursor && (m[2] === 6 || m[2] === 7));
    if (!i) say('no violation or failed expectation after this line'); else seek(i[0]);
  });
  $('next-commit').addEventListener('click', () => { const i = scan(cursor, 1, l => l.kind === 'commit', 200000); if (i < 0) say('no commit in the next 200,000 lines'); else seek(i); });
  $('scrub').addEventListener('input', e => { cursor = +e.target.value; if (!pending) { pending = true; requestAnimationFrame(render); } });
  $('jump-t').addEventListener('change', e => { if (e.target.value !== '') seek(firstAtOrAfter(+e.target.value)); });
  $('window').addEventListener('change', render);
  $('detail').addEventListener('change', render);
  window.addEventListener('resize', () => { render(); renderMarkers(); });
  document.addEventListener('keydown', e => {
    if (e.target.tagName === 'INPUT' && e.target.type === 'number') return;
    const k = e.key;
    if (k === 'ArrowRight' || k === 'n') step(1);
    else if (k === 'ArrowLeft' || k === 'b') step(-1);
    else if (k === ' ') { togglePlay(); e.preventDefault(); }
    else if (k === 'Home' || k === 'g') seek(0);
    else if (k === 'End' || k === 'G') seek(LINES - 1);
    else if (k === 'e') $('next-election').click();
    else if (k === 'c') $('next-commit').click();
    else if (k === 'v') $('next-violation').click();
    else return;
    e.preventDefault();
  });

  // Canvases as tall as their lanes need: one per node, one per client.
  $('spacetime').style.height = Math.max(120, 34 * N + 40) + 'px';
  $('history').style.height = Math.max(70, 20 * Math.max(1, D.clients.count) + 30) + 'px';
  $('seed').textContent = D.seed;
  $('scrub').max = LINES - 1;
  renderVerdict();
  renderMarkers();
  const hash = /^#line=(\d+)$/.exec(location.hash);
  seek(hash ? +hash[1] : 0);

  // For tests and scripting: where the viewer stands and what state it shows.
  window.raftsimViewer = {
    ready: true,
    openedAt: performance.now(),
    lines: LINES,
    index: () => cursor,
    seek,
    time: () => line(cursor).t,
    explanation: () => explain(line(cursor)),
  };
})();
