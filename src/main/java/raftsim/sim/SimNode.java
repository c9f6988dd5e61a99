package raftsim.sim;

import java.util.List;
import java.util.SplittableRandom;
import raftsim.core.AdminRefusal;
import raftsim.core.AdminResult;
import raftsim.core.AppliedEntry;
import raftsim.core.ClientReply;
import raftsim.core.ClientRequest;
import raftsim.core.CoreEvent;
import raftsim.core.CoreStats;
import raftsim.core.LogWrite;
import raftsim.core.Message;
import raftsim.core.RaftCore;
import raftsim.core.Ready;
import raftsim.core.Role;
import raftsim.core.SendOrder;
import raftsim.core.StateMachine;
import raftsim.trace.CoreEventLines;
import raftsim.trace.TraceWriter;

/**
 * The simulator's host for one node: it owns the node's disk and clock, feeds its core one input at a
 * time, and carries out each {@link Ready} — persist, then send (ARCHITECTURE.md, "persist before send"),
 * except for a leader's AppendEntries, which go out while its own write is in flight ({@link SendOrder}).
 */
final class SimNode {
  final int id;
  private final Simulation sim;
  private final SplittableRandom timeouts;
  private final SplittableRandom diskDelays;
  final SimDisk disk = new SimDisk();
  final LocalClock clock = new LocalClock();
  private final TimerEvent timer;
  /** Null while crashed. */
  private RaftCore core;
  private StateMachine stateMachine;
  /** What earlier incarnations of this node did, before their crashes. */
  private CoreStats pastStats = CoreStats.ZERO;
  /** The most entries this node's log held after its compacted prefix. */
  private long maxLogEntries;
  /** Simulated time until which the node is paused (processes nothing); 0 when running. */
  private long pausedUntil;
  /** Role and term after the last step, to notice the steps that change who leads. */
  private Role lastRole;
  private long lastTerm;

  SimNode(int id, Simulation sim) {
    this.id = id;
    this.sim = sim;
    this.timeouts = Seeds.stream(sim.options().seed(), "node-" + id + "-timeouts");
    this.diskDelays = Seeds.stream(sim.options().seed(), "node-" + id + "-disk");
    this.timer = new TimerEvent(id);
  }

  RaftCore core() {
    return core;
  }

  /** The node's state machine; null while crashed. */
  StateMachine stateMachine() {
    return stateMachine;
  }

  /** Everything this node did, over all its incarnations. */
  CoreStats stats() {
    return core == null ? pastStats : pastStats.plus(core.stats());
  }

  long maxLogEntries() {
    return maxLogEntries;
  }

  boolean crashed() {
    return core == null;
  }

  boolean paused() {
    return pausedUntil > sim.now();
  }

  /** Live nodes are neither crashed nor paused (CONTRACT §4). */
  boolean live() {
    return core != null && !paused();
  }

  long pausedUntil() {
    return pausedUntil;
  }

  /** The node stops processing until {@code until}; what reaches it meanwhile waits (a long GC pause). */
  void pause(long until) {
    pausedUntil = Math.max(pausedUntil, until);
  }

  /** From now on the node's clock runs {@code ppm} parts per million fast (or slow, when negative). */
  void setDrift(long ppm) {
    clock.setDrift(sim.now(), ppm);
    if (core != null) {
      armTimer(core.nextDeadline());
    }
  }

  long localNow() {
    return clock.local(sim.now());
  }

  /** Starts the node from what its disk holds durably (all of it is, at boot: nothing). */
  void start() {
    SimOptions o = sim.options();
    stateMachine = o.stateMachines().get();
    core = new RaftCore(id, sim.memberIds(), o.raft(), timeouts, stateMachine, disk.durable(), localNow());
    core.reportEvents(sim.trace().enabled());
    sim.invariants().nodeStarted(id, core);
    lastRole = core.role();
    lastTerm = core.currentTerm();
    armTimer(core.nextDeadline());
  }

  /** The node stops: volatile state and every write not yet durable are lost, and so are held messages. */
  void crash(boolean tearOldestWrite) {
    pastStats = pastStats.plus(core.stats());
    core = null;
    stateMachine = null;
    pausedUntil = 0;
    sim.queue().remove(timer);
    for (DiskWrite lost : disk.crash(tearOldestWrite)) {
      sim.queue().remove(lost);
    }
    sim.invariants().nodeCrashed(id);
  }

  void deliver(Message m) {
    handle(core.step(m, localNow()));
  }

  void timerFired() {
    if (paused()) {
      sim.defer(timer, pausedUntil, id, "timer");
      return;
    }
    TraceWriter w = sim.trace();
    if (w.enabled()) {
      w.begin(sim.currentEvent(), sim.now(), "timer").field("node", id).field("role", core.role().wireName())
          .field("term", core.currentTerm()).end();
    }
    handle(core.tick(localNow()));
  }

  /** A client request arrived: a write goes through the log; a read too, or through ReadIndex. */
  void clientRequest(ClientRequest request) {
    if (sim.options().reads() == ReadMode.READ_INDEX && stateMachine.isReadOnly(request.command())) {
      handle(core.read(request, localNow()));
    } else {
      handle(core.propose(request, localNow()));
    }
  }

  /** An operator's request to this node's core; returns why it was refused, or null when it was accepted. */
  AdminRefusal admin(java.util.function.BiFunction<RaftCore, Long, AdminResult> request) {
    AdminResult r = request.apply(core, localNow());
    handle(r.ready());
    return r.refusal();
  }

  /** A disk write became durable: release what waited for it, then tell the core (it may now commit). */
  void diskDone(DiskWrite w) {
    if (!w.durable) {
      disk.complete(w);
      w.durable = true;
    }
    if (core == null) {
      // It became durable, but the node crashed while paused, before it could react.
      if (sim.trace().enabled()) {
        sim.trace().begin(sim.currentEvent(), sim.now(), "durable").field("node", id).field("crashed", true).end();
      }
      return;
    }
    if (paused()) {
      sim.defer(w, pausedUntil, id, "durable");
      return;
    }
    TraceWriter t = sim.trace();
    if (t.enabled()) {
      t.begin(sim.currentEvent(), sim.now(), "durable").field("node", id);
      if (w.hardState != null) {
        t.field("term", w.hardState.term()).field("votedFor", w.hardState.votedFor());
      }
      if (w.logWrite != null) {
        t.field("from", w.logWrite.fromIndex()).field("to", w.logWrite.lastIndex());
      }
      t.end();
    }
    List<Message> held = w.held;
    for (int i = 0; held != null && i < held.size(); i++) {
      sim.send(held.get(i));
    }
    if (w.hardState != null) {
      handle(core.hardStatePersisted(w.hardState.term(), w.hardState.votedFor(), localNow()));
    }
    LogWrite lw = w.logWrite;
    if (lw != null && !lw.entries().isEmpty()) {
      handle(core.persisted(lw.lastIndex(), lw.entries().get(lw.entries().size() - 1).term(), localNow()));
    } else if (w.snapshot != null) {
      handle(core.persisted(w.snapshot.index(), w.snapshot.term(), localNow()));
    }
  }

  private void handle(Ready r) {
    TraceWriter w = sim.trace();
    if (w.enabled()) {
      for (CoreEvent e : r.events()) {
        CoreEventLines.write(w, sim.currentEvent(), sim.now(), id, e);
      }
      List<AppliedEntry> applied = r.applied();
      if (!applied.isEmpty()) {
        w.begin(sim.currentEvent(), sim.now(), "apply").field("node", id)
            .field("from", applied.get(0).entry().index())
            .field("to", applied.get(applied.size() - 1).entry().index()).end();
      }
    }
    sim.invariants().afterStep(sim.now(), id, core, r);
    if (r.logWrite() != null) {
      maxLogEntries = Math.max(maxLogEntries, core.log().lastIndex() - core.log().snapshotIndex());
    }
    if (lastRole != core.role() || lastTerm != core.currentTerm()) {
      lastRole = core.role();
      lastTerm = core.currentTerm();
      sim.clusterChanged();
    }
    List<Message> messages = r.messages();
    if ((r.mustPersist() || disk.hasPending()) && !messages.isEmpty()) {
      if (r.hardState() == null && !disk.hardStatePending()) { // the term is durable: SendOrder
        messages = SendOrder.sendEarly(messages, sim::send);
      }
    }
    if (r.mustPersist()) {
      long sync = drawSync();
      DiskWrite write = disk.issue(new DiskWrite(id, r.hardState(), r.snapshot(), r.logWrite()), sim.now(), sync);
      write.hold(messages);
      sim.queue().add(write, write.completeAt);
    } else if (disk.hasPending()) {
      // A message may depend on state still on its way to disk (an acknowledgement of entries in
      // flight to the disk, a term not yet durable), so it waits for every earlier write.
      disk.lastPending().hold(messages);
    } else {
      for (int i = 0; i < messages.size(); i++) {
        sim.send(messages.get(i));
      }
    }
    List<ClientReply> replies = r.replies();
    for (int i = 0; i < replies.size(); i++) {
      sim.clientReply(id, replies.get(i));
    }
    armTimer(r.nextDeadline());
  }

  private long drawSync() {
    SimOptions o = sim.options();
    return o.diskSyncMinMs() + diskDelays.nextLong(o.diskSyncMaxMs() - o.diskSyncMinMs() + 1);
  }

  /** Moves the node's one timer to when its local clock reaches {@code deadline}. */
  private void armTimer(long deadline) {
    if (deadline == Long.MAX_VALUE) {
      sim.queue().remove(timer);
      return;
    }
    long at = clock.globalWhen(deadline, sim.now());
    if (timer.queued() && timer.time == at) {
      return;
    }
    sim.queue().remove(timer);
    sim.queue().add(timer, at);
  }
}
