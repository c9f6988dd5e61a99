package raftsim.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import raftsim.core.Message;

/**
 * The way to one peer: a bounded queue and one thread that posts its messages in order.
 *
 * <p>Why one thread and one connection per peer: messages then arrive in the order they were sent,
 * so pipelined AppendEntries are not refused for arriving out of order (a pool of connections would
 * reorder them). Why batching: while one POST is in flight, the next messages wait in the queue, and
 * the next POST carries all of them, as a JSON array, so a loaded leader sends few large requests
 * rather than many small ones. Raft tolerates loss, so a failed POST is not retried (the core resends
 * on its own schedule), and when the peer is down and the queue is full, new messages are dropped
 * rather than held without bound.
 */
final class PeerLink implements AutoCloseable {
  /** Messages queued for one peer before new ones are dropped. */
  private static final int QUEUE = 8192;

  private final URI base;
  private final String token;
  private final int maxBodyBytes;
  private final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(QUEUE);
  private final ExecutorService httpExecutor;
  private final HttpClient http;
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param maxBodyBytes the largest body the peer accepts: a batch is split into POSTs that fit
   */
  PeerLink(int self, int peer, String address, String token, int maxBodyBytes) {
    this.base = URI.create("http://" + address);
    this.token = token;
    this.maxBodyBytes = maxBodyBytes;
    this.httpExecutor = Executors.newSingleThreadExecutor(r -> daemon(r, "raft-http-client-" + self + "-" + peer));
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpExecutor)
        .connectTimeout(Duration.ofMillis(500)).build();
    this.thread = daemon(this::run, "raft-peer-" + self + "-" + peer);
    thread.start();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Queues {@code messages} for this peer; those that do not fit are dropped (Raft resends). */
  void offer(List<Message> messages) {
    for (Message m : messages) {
      if (!queue.offer(m)) {
        return;
      }
    }
  }

  private void run() {
    List<Message> batch = new ArrayList<>();
    while (running) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch);
      postInOrder(batch);
      batch.clear();
    }
  }

  /** Posts runs of messages for the same endpoint, in order; stops at the first failure. */
  private void postInOrder(List<Message> batch) {
    int from = 0;
    while (from < batch.size()) {
      String endpoint = MessageCodec.endpoint(batch.get(from));
      ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
      body.write('[');
      int to = from;
      while (to < batch.size() && MessageCodec.endpoint(batch.get(to)).equals(endpoint)) {
        byte[] one = MessageCodec.encode(batch.get(to));
        if (to > from && body.size() + one.length + 2 > maxBodyBytes) {
          break;
        }
        if (to > from) {
          body.write(',');
        }
        body.writeBytes(one);
        to++;
      }
      body.write(']');
      if (!post(endpoint, body.toByteArray())) {
        return;
      }
      from = to;
    }
  }

  private boolean post(String endpoint, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(endpoint))
        .timeout(Duration.ofSeconds(2))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header(HttpApi.TOKEN_HEADER, token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
    } catch (IOException e) {
      return false; // the peer is down or slow: these messages are lost, as the network may lose them
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
      return false;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    httpExecutor.shutdownNow();
  }
}
