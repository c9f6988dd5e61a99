package raftsim.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import raftsim.core.AdminResult;
import raftsim.core.ClientReply;
import raftsim.core.ClientRequest;
import raftsim.core.Configuration;
import raftsim.core.HardState;
import raftsim.core.LogEntry;
import raftsim.core.LogWrite;
import raftsim.core.Message;
import raftsim.core.RaftCore;
import raftsim.core.Ready;
import raftsim.core.Role;
import raftsim.core.SendOrder;
import raftsim.kv.KvStore;
import raftsim.node.storage.FileStorage;

/**
 * One Raft node in the real world: the very {@link RaftCore} the simulator drives, owned by one
 * event-loop thread. HTTP handlers and timers only enqueue inputs; the loop takes them in batches,
 * feeds the core, and carries out each Ready exactly as the simulator does — persist, then send
 * (ARCHITECTURE.md), a leader's AppendEntries excepted: they leave before its own fsync
 * ({@link SendOrder}).
 *
 * <p>Group commit: every write of a batch goes to the log file, then one fsync covers them all, and
 * only then do the batch's messages and answers go out. Under load a batch holds many proposals, so
 * one fsync serves many clients.
 */
public final class RaftNode implements AutoCloseable {
  /** The most inputs one batch takes before it syncs and sends. */
  private static final int MAX_BATCH = 1024;

  private final NodeConfig config;
  private final FileStorage storage;
  private final RaftCore core;
  private final PeerSender peers;
  private final BlockingQueue<Consumer<Batch>> inputs = new LinkedBlockingQueue<>();
  private final Thread loop;
  private final long startNanos = System.nanoTime();
  /** Clients waiting for their answer, by (clientId, seq). Touched by the loop thread only. */
  private final TreeMap<Key, CompletableFuture<ClientReply>> waiting = new TreeMap<>();
  private long anonymousSeq;
  private volatile boolean running = true;
  private volatile NodeView view;
  /** The configuration whose addresses the peer sender last learned (diss. §4.1). */
  private raftsim.core.Configuration learned;
  /** Every member's address this node knows: the configured peers', then those added at run time. */
  private volatile java.util.SortedMap<Integer, String> addresses;
  /** How many fsyncs the log has had: with group commit, far fewer than the entries written. */
  private long syncs;

  /** A waiting client's (clientId, seq). */
  private record Key(long clientId, long seq) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Long.compare(clientId, o.clientId);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** What one turn of the loop gathers: messages and answers, released after the sync. */
  final class Batch {
    /** Client proposals of this batch: appended together, replicated in one AppendEntries per follower. */
    final List<ClientRequest> proposals = new ArrayList<>();
    final List<Message> messages = new ArrayList<>();
    final List<ClientReply> replies = new ArrayList<>();
    long lastIndex = -1;
    long lastTerm;

    void handle(Ready r) {
      try {
        storage.stage(r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write to the log", e);
      }
      LogWrite w = r.logWrite();
      if (w != null && !w.entries().isEmpty()) {
        LogEntry last = w.entries().get(w.entries().size() - 1);
        lastIndex = last.index();
        lastTerm = last.term();
      } else if (r.snapshot() != null && lastIndex < 0) {
        lastIndex = r.snapshot().index();
        lastTerm = r.snapshot().term();
      }
      messages.addAll(r.messages());
      replies.addAll(r.replies());
    }
  }

  public RaftNode(NodeConfig config) throws IOException, raftsim.node.storage.StorageException {
    this.config = config;
    this.storage = FileStorage.open(config.dataDir());
    SplittableRandom random = new SplittableRandom(System.nanoTime() ^ ((long) config.id() << 32));
    this.core = new RaftCore(config.id(), config.members(), config.raft(), random, new KvStore(), storage.recovered(),
        now());
    this.peers = new PeerSender(config);
    this.addresses = new TreeMap<>(config.peers());
    learnAddresses();
    this.view = NodeView.of(core, 0);
    this.loop = new Thread(this::run, "raft-loop-" + config.id());
  }

  public void start() {
    loop.start();
  }

  /** A note from recovery about a torn record it cut off, or null. */
  public String recoveryNote() {
    return storage.cutOff();
  }

  /** A peer's message arrived. */
  public void deliver(Message m) {
    inputs.add(b -> b.handle(core.step(m, now())));
  }

  /** A client's write (or a read through the log); the future completes with the core's answer. */
  public CompletableFuture<ClientReply> submit(long clientId, long seq, String command) {
    CompletableFuture<ClientReply> f = new CompletableFuture<>();
    inputs.add(b -> {
      ClientRequest r = clientId == KvStore.NO_SESSION ? new ClientRequest(0, ++anonymousSeq, command)
          : new ClientRequest(clientId, seq, command);
      waiting.put(new Key(r.clientId(), r.seq()), f);
      b.proposals.add(r);
    });
    return f;
  }

  /** A linearizable read by ReadIndex (diss. §6.4). */
  public CompletableFuture<ClientReply> read(String command) {
    CompletableFuture<ClientReply> f = new CompletableFuture<>();
    inputs.add(b -> {
      ClientRequest r = new ClientRequest(0, ++anonymousSeq, command);
      waiting.put(new Key(0, r.seq()), f);
      b.handle(core.read(r, now()));
    });
    return f;
  }

  /**
   * An operator's request — a leadership transfer or a membership change — run by the loop on the
   * core at the loop's own time; the future completes with the core's answer.
   */
  public CompletableFuture<AdminResult> admin(java.util.function.BiFunction<RaftCore, Long, AdminResult> request) {
    CompletableFuture<AdminResult> f = new CompletableFuture<>();
    inputs.add(b -> {
      AdminResult r = request.apply(core, now());
      b.handle(r.ready());
      f.complete(r);
    });
    return f;
  }

  /** What the node looks like now (updated after every batch). */
  public NodeView view() {
    return view;
  }

  private long now() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private void run() {
    List<Consumer<Batch>> drained = new ArrayList<>();
    while (running) {
      try {
        long wait = Math.max(0, core.nextDeadline() - now());
        Consumer<Batch> first = inputs.poll(Math.min(wait, 1000), TimeUnit.MILLISECONDS);
        Batch batch = new Batch();
        if (first != null) {
          first.accept(batch);
          drained.clear();
          inputs.drainTo(drained, MAX_BATCH);
          for (Consumer<Batch> in : drained) {
            in.accept(batch);
          }
          if (!batch.proposals.isEmpty()) {
            batch.handle(core.propose(batch.proposals, now()));
          }
        }
        if (now() >= core.nextDeadline()) {
          batch.handle(core.tick(now()));
        }
        release(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // A disk that fails a write cannot be trusted with the next one: stop, as a crash would.
        System.err.println("raft node " + config.id() + ": stopping: " + e);
        running = false;
        peers.close();
        return;
      }
    }
  }

  /** Persist before send: one fsync for the whole batch, then its messages and answers go out. */
  private void release(Batch batch) {
    while (true) {
      learnAddresses(); // a configuration appended in this batch may name a member its messages go to
      List<Message> afterSync = batch.messages;
      HardState madeDurable = storage.stagedHardState();
      if (storage.dirty()) {
        if (!storage.hardStateStaged()) {
          List<Message> early = new ArrayList<>();
          afterSync = SendOrder.sendEarly(batch.messages, early::add); // a leader's appends: before its fsync
          peers.send(early);
        }
        try {
          storage.sync();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot sync the log", e);
        }
        syncs++;
      }
      peers.send(afterSync);
      for (ClientReply r : batch.replies) {
        CompletableFuture<ClientReply> f = waiting.remove(new Key(r.clientId(), r.seq()));
        if (f != null) {
          f.complete(r);
        }
      }
      if (batch.lastIndex < 0 && madeDurable == null) {
        break;
      }
      // The writes are durable: tell the core, which may now take office, commit and answer, in a batch
      // of its own.
      Batch next = new Batch();
      if (madeDurable != null) {
        next.handle(core.hardStatePersisted(madeDurable.term(), madeDurable.votedFor(), now()));
      }
      if (batch.lastIndex >= 0) {
        next.handle(core.persisted(batch.lastIndex, batch.lastTerm, now()));
      }
      batch = next;
    }
    if (waiting.size() > 4096) {
      waiting.values().removeIf(CompletableFuture::isDone); // clients that gave up waiting
    }
    view = NodeView.of(core, syncs);
  }

  /** Members added at run time carry their address in the configuration: start sending to them. */
  private void learnAddresses() {
    Configuration c = core.configuration();
    if (c == learned) {
      return;
    }
    learned = c;
    TreeMap<Integer, String> all = new TreeMap<>(addresses);
    c.addresses().forEach((id, address) -> {
      if (id != config.id()) {
        all.putIfAbsent(id, address);
        peers.learn(id, address);
      }
    });
    addresses = all;
  }

  /** Where member {@code id} listens ("host:port"), or null when this node does not know. */
  public String addressOf(int id) {
    return addresses.get(id);
  }

  /** Stops the loop and closes the files; waiting clients get no answer (their outcome is unknown). */
  @Override
  public void close() throws IOException {
    running = false;
    loop.interrupt();
    try {
      loop.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    peers.close();
    storage.close();
    for (Map.Entry<Key, CompletableFuture<ClientReply>> w : waiting.entrySet()) {
      w.getValue().completeExceptionally(new IllegalStateException("the node stopped"));
    }
  }

  /** The role this node has now, as the loop last saw it. */
  public Role role() {
    return view.role();
  }
}
