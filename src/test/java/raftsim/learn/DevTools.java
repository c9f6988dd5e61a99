package raftsim.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A small client of the Chrome DevTools protocol over the JDK's WebSocket: commands with replies, events
 * kept in order, and everything the page says on its console. One page, attached in flat mode.
 */
final class DevTools implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocket socket;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private String session;

  private DevTools(WebSocket socket) {
    this.socket = socket;
  }

  /** Connects to the browser and opens one blank page, with its runtime, log and page events on. */
  static DevTools open(String browserUrl) throws Exception {
    DevTools[] self = new DevTools[1];
    StringBuilder partial = new StringBuilder();
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
        .buildAsync(URI.create(browserUrl), new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              String text = partial.toString();
              partial.setLength(0);
              self[0].received(text);
            }
            w.request(1);
            return null;
          }
        }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    self[0] = new DevTools(ws);
    DevTools d = self[0];
    String target = d.call("Target.createTarget", obj("url", "about:blank")).get("targetId").asText();
    ObjectNode attach = obj("targetId", target);
    attach.put("flatten", true);
    d.session = d.call("Target.attachToTarget", attach).get("sessionId").asText();
    d.call("Runtime.enable", obj());
    d.call("Log.enable", obj());
    d.call("Page.enable", obj());
    return d;
  }

  private void received(String text) {
    try {
      JsonNode m = JSON.readTree(text);
      if (m.has("id")) {
        CompletableFuture<JsonNode> f = waiting.remove(m.get("id").asLong());
        if (f != null) {
          f.complete(m);
        }
      } else {
        events.add(m);
      }
    } catch (Exception e) {
      events.add(obj("method", "raftsim.unreadable", "text", text));
    }
  }

  static ObjectNode obj(String... pairs) {
    ObjectNode o = JSON.createObjectNode();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      o.put(pairs[i], pairs[i + 1]);
    }
    return o;
  }

  /** Sends a command (to the page, once attached) and returns its result; fails on a protocol error. */
  JsonNode call(String method, ObjectNode params) throws Exception {
    long id = ids.incrementAndGet();
    ObjectNode m = JSON.createObjectNode();
    m.put("id", id);
    m.put("method", method);
    m.set("params", params);
    if (session != null) {
      m.put("sessionId", session);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    waiting.put(id, reply);
    socket.sendText(JSON.writeValueAsString(m), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    JsonNode r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (r.has("error")) {
      throw new AssertionError(method + " failed: " + r.get("error"));
    }
    return r.get("result");
  }

  /** Evaluates {@code expression} in the page and returns its value (awaiting a promise); fails on an exception. */
  JsonNode eval(String expression) throws Exception {
    ObjectNode p = obj("expression", expression);
    p.put("returnByValue", true);
    p.put("awaitPromise", true);
    JsonNode r = call("Runtime.evaluate", p);
    if (r.has("exceptionDetails")) {
      throw new AssertionError("the page threw while evaluating " + expression + ": " + r.get("exceptionDetails"));
    }
    return r.get("result").get("value");
  }

  /** Waits until {@code condition} (a JavaScript expression) is true in the page. */
  void waitFor(String condition, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode v = eval("Boolean(" + condition + ")");
      if (v != null && v.asBoolean()) {
        return;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("the page did not get to " + condition + " within " + timeout.toSeconds() + " s");
      }
      Thread.sleep(50);
    }
  }

  /** Waits until an event of {@code method} has arrived. */
  void waitForEvent(String method, Duration timeout) throws InterruptedException {
    wait(() -> events.stream().anyMatch(e -> method.equals(e.path("method").asText())), timeout, method);
  }

  private static void wait(BooleanSupplier done, Duration timeout, String what) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s");
      }
      Thread.sleep(20);
    }
  }

  void clearEvents() {
    events.clear();
  }

  /** Everything the page reported as an error: console errors, uncaught exceptions, error log entries. */
  List<String> errors() {
    List<String> out = new ArrayList<>();
    for (JsonNode e : events) {
      String method = e.path("method").asText();
      JsonNode p = e.path("params");
      if (method.equals("Runtime.consoleAPICalled") && List.of("error", "assert").contains(p.path("type").asText())) {
        out.add("console." + p.path("type").asText() + ": " + p.path("args"));
      } else if (method.equals("Runtime.exceptionThrown")) {
        out.add("exception: " + p.path("exceptionDetails"));
      } else if (method.equals("Log.entryAdded") && p.path("entry").path("level").asText().equals("error")) {
        out.add("log: " + p.path("entry"));
      } else if (method.equals("raftsim.unreadable")) {
        out.add("unreadable DevTools message: " + e.path("text"));
      }
    }
    return out;
  }

  /** A PNG screenshot of the page as it is. */
  byte[] screenshot() throws Exception {
    String data = call("Page.captureScreenshot", obj("format", "png")).get("data").asText();
    return java.util.Base64.getDecoder().decode(data);
  }

  /** Opens {@code url} and waits for its load event. */
  void navigate(String url) throws Exception {
    events.removeIf(e -> "Page.loadEventFired".equals(e.path("method").asText()));
    call("Page.navigate", obj("url", url));
    waitForEvent("Page.loadEventFired", TIMEOUT);
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    socket.abort();
  }
}
