package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A webhook endpoint to embed in an application, on the JDK's own HTTP server ({@code
 * com.sun.net.httpserver}): it verifies each delivery with {@link Webhooks}, answers {@code 204} to
 * a verified event and {@code 400} with the reason to anything else, and completes {@link
 * #eventFor(String)} for the event's video. Given to {@link VideosClient.Builder#webhooks}, it ends
 * a {@code waitUntilDone} as soon as the job's event arrives; polling goes on at the usual interval
 * when no event comes.
 *
 * <pre>{@code
 * try (WebhookReceiver receiver = WebhookReceiver.builder()
 *         .port(8000).path("/webhooks").webhooks(Webhooks.of(secret)).build().start();
 *     VideosClient client = VideosClient.builder().fromEnv().webhooks(receiver).build()) {
 *   Video done = client.createAndWait(request, progress -> {}); // ends on video.completed
 * }
 * }</pre>
 *
 * <p>A delivery retried by the sender (the same event id) is answered {@code 204} again but reaches
 * the listener once. The receiver remembers the latest 1024 videos it heard about.
 */
public final class WebhookReceiver implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.github.openaivideos");
  private static final int REMEMBERED = 1024;
  private static final int MAX_BODY_BYTES = 1 << 20;

  private final Webhooks webhooks;
  private final String path;
  private final InetSocketAddress address;
  private final Consumer<VideoEvent> onEvent;
  private final Consumer<WebhookVerificationException> onRejected;
  private final Map<String, CompletableFuture<VideoEvent>> byVideo = lru();
  private final Map<String, Boolean> seenEvents = lru();
  private @Nullable HttpServer server;
  private @Nullable ExecutorService executor;

  private WebhookReceiver(Builder builder) {
    if (builder.webhooks == null) {
      throw new IllegalStateException("WebhookReceiver needs webhooks(Webhooks.of(secret))");
    }
    this.webhooks = builder.webhooks;
    this.path = builder.path;
    this.address = new InetSocketAddress(builder.host, builder.port);
    this.onEvent = builder.onEvent;
    this.onRejected = builder.onRejected;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts listening.
   *
   * @throws UncheckedIOException if the port cannot be bound
   * @throws IllegalStateException if already started
   */
  public synchronized WebhookReceiver start() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    HttpServer http;
    try {
      http = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
    ExecutorService threads =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "openai-videos-webhooks");
              t.setDaemon(true);
              return t;
            });
    http.setExecutor(threads);
    http.createContext("/", this::handle);
    http.start();
    this.server = http;
    this.executor = threads;
    return this;
  }

  /** The port listened on (the actual one when built with port 0). */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getAddress().getPort();
  }

  /**
   * The URL to give the sender, e.g. {@code http://127.0.0.1:8000/webhooks} (a wildcard address
   * shows as the loopback one).
   */
  public URI url() {
    InetAddress host = address.getAddress();
    String name =
        host == null || host.isAnyLocalAddress()
            ? InetAddress.getLoopbackAddress().getHostAddress()
            : host.getHostAddress();
    if (name.contains(":")) {
      name = "[" + name + "]";
    }
    return URI.create("http://" + name + ":" + port() + path);
  }

  /**
   * The first {@code video.completed} or {@code video.failed} event for this video: complete at
   * once if it already arrived, otherwise when it does. Never completes if no event comes.
   */
  public CompletableFuture<VideoEvent> eventFor(String videoId) {
    requireNonNull(videoId, "videoId == null");
    synchronized (byVideo) {
      return byVideo.computeIfAbsent(videoId, id -> new CompletableFuture<>());
    }
  }

  /** Stops listening. Waits in progress go on polling. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public String toString() {
    return "WebhookReceiver{address=" + address + ", path=" + path + ", " + webhooks + "}";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      answer(exchange);
    } finally {
      exchange.close();
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals(path)) {
      reply(exchange, 404, "not found: webhooks are received at " + path);
      return;
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      reply(exchange, 405, "method not allowed: POST a webhook event");
      return;
    }
    byte[] body = readBody(exchange.getRequestBody());
    if (body == null) {
      reply(exchange, 413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
      return;
    }
    VideoEvent event;
    try {
      event = webhooks.unwrap(body, exchange.getRequestHeaders());
    } catch (WebhookVerificationException e) {
      LOG.log(System.Logger.Level.DEBUG, "webhook refused: {0}", e.getMessage());
      reply(exchange, 400, e.getMessage());
      notify(onRejected, e);
      return;
    }
    boolean first;
    synchronized (seenEvents) {
      first = seenEvents.put(event.id(), Boolean.TRUE) == null;
    }
    if (first) {
      complete(event);
      if (!notify(onEvent, event)) {
        synchronized (seenEvents) {
          seenEvents.remove(event.id());
        }
        reply(exchange, 500, "the event handler failed");
        return;
      }
    }
    reply(exchange, 204, null);
  }

  private void complete(VideoEvent event) {
    String videoId;
    if (event instanceof VideoEvent.Completed completed) {
      videoId = completed.videoId();
    } else if (event instanceof VideoEvent.Failed failed) {
      videoId = failed.videoId();
    } else {
      return;
    }
    eventFor(videoId).complete(event);
  }

  /** Runs a listener; false if it threw (logged). */
  private static <T> boolean notify(Consumer<T> listener, T value) {
    try {
      listener.accept(value);
      return true;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "webhook listener failed", e);
      return false;
    }
  }

  /** The body, or null when it is over the limit. */
  private static byte @Nullable [] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  private static void reply(HttpExchange exchange, int status, @Nullable String text)
      throws IOException {
    if (text == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > REMEMBERED;
      }
    };
  }

  /** Builds a {@link WebhookReceiver}; only {@link #webhooks(Webhooks)} is required. */
  public static final class Builder {
    private @Nullable Webhooks webhooks;
    private String host = "0.0.0.0";
    private int port = 8000;
    private String path = "/webhooks";
    private Consumer<VideoEvent> onEvent = e -> {};
    private Consumer<WebhookVerificationException> onRejected = e -> {};

    private Builder() {}

    /** How deliveries are verified: {@code Webhooks.of(secret)}. */
    public Builder webhooks(Webhooks webhooks) {
      this.webhooks = requireNonNull(webhooks, "webhooks == null");
      return this;
    }

    /** The address to listen on: {@code 0.0.0.0} (every interface) by default. */
    public Builder host(String host) {
      this.host = requireNonNull(host, "host == null");
      return this;
    }

    /** The TCP port (8000 by default); 0 picks a free one, read back with {@link #port()}. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** The path deliveries are posted to ({@code /webhooks} by default). */
    public Builder path(String path) {
      requireNonNull(path, "path == null");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with /, was " + path);
      }
      this.path = path;
      return this;
    }

    /**
     * Called with each verified event (once per delivery id), on the receiver's thread, before it
     * answers; an exception makes the answer a 500, so that the sender retries.
     */
    public Builder onEvent(Consumer<VideoEvent> listener) {
      this.onEvent = requireNonNull(listener, "listener == null");
      return this;
    }

    /** Called with the reason of each refused delivery (answered 400). */
    public Builder onRejected(Consumer<WebhookVerificationException> listener) {
      this.onRejected = requireNonNull(listener, "listener == null");
      return this;
    }

    public WebhookReceiver build() {
      return new WebhookReceiver(this);
    }
  }
}
