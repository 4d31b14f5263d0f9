package io.github.openaivideos.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A webhook endpoint for tests: records each POST and answers with scripted statuses (then 204).
 */
final class WebhookEndpoint implements AutoCloseable {
  /** One received request. */
  record Received(String body, Map<String, List<String>> headers) {
    String header(String name) {
      for (Map.Entry<String, List<String>> h : headers.entrySet()) {
        if (h.getKey().equalsIgnoreCase(name)) {
          return h.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final Deque<Integer> statuses = new ArrayDeque<>();

  WebhookEndpoint(Integer... statuses) {
    this.statuses.addAll(List.of(statuses));
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hooks",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(new String(body, StandardCharsets.UTF_8), exchange.getRequestHeaders()));
          int status;
          synchronized (this.statuses) {
            status = this.statuses.isEmpty() ? 204 : this.statuses.poll();
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  /** The next request, waiting up to 10 s. */
  Received next() throws InterruptedException {
    Received next = received.poll(10, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("no webhook arrived within 10 s");
    }
    return next;
  }

  /** Asserts that nothing arrives within {@code quiet}. */
  void assertNothingWithin(Duration quiet) throws InterruptedException {
    Received next = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
    if (next != null) {
      throw new AssertionError("unexpected webhook: " + next.body());
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
