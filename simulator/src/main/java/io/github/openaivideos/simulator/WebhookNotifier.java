package io.github.openaivideos.simulator;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers {@code video.completed} and {@code video.failed} events to one webhook URL, signed with
 * {@link WebhookSigner}. Job states are derived from the clock when read, so a background thread
 * looks at the unfinished jobs every {@link #SCAN_EVERY} (and at once when a job starts) and sends
 * the event of each job it finds finished. A delivery that gets no 2xx is retried after {@code
 * firstRetryDelay}, then twice as long each time, up to {@code maxAttempts} attempts; every attempt
 * carries the same event id and {@code webhook-id}, with a fresh timestamp and signature. Each
 * attempt is logged (logger {@code io.github.openaivideos.simulator.webhooks}, INFO) and kept in
 * {@link #deliveries()}.
 */
final class WebhookNotifier implements AutoCloseable {
  static final String LOGGER = "io.github.openaivideos.simulator.webhooks";
  static final Duration SCAN_EVERY = Duration.ofMillis(50);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  /** One event, as sent on every attempt. */
  private record Event(
      String eventId, String webhookId, String type, String videoId, String body) {}

  private final URI url;
  private final WebhookSigner signer;
  private final VideoStore store;
  private final Lifecycle lifecycle;
  private final Clock clock;
  private final int maxAttempts;
  private final Duration firstRetryDelay;
  private final Consumer<WebhookDelivery> listener;
  private final Set<String> unfinished = ConcurrentHashMap.newKeySet();
  private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  private volatile @Nullable ScheduledExecutorService executor;

  WebhookNotifier(
      URI url,
      WebhookSigner signer,
      VideoStore store,
      Lifecycle lifecycle,
      Clock clock,
      int maxAttempts,
      Duration firstRetryDelay,
      Consumer<WebhookDelivery> listener) {
    this.url = url;
    this.signer = signer;
    this.store = store;
    this.lifecycle = lifecycle;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
    this.firstRetryDelay = firstRetryDelay;
    this.listener = listener;
  }

  /**
   * Starts watching: jobs already finished (in a data directory from an earlier run) get no event;
   * unfinished ones get theirs when they finish.
   */
  synchronized void start() {
    for (VideoRecord video : store.videos()) {
      if (!lifecycle.stateAt(video, clock.instant()).finished()) {
        unfinished.add(video.id());
      }
    }
    ScheduledThreadPoolExecutor threads =
        new ScheduledThreadPoolExecutor(
            2,
            r -> {
              Thread t = new Thread(r, "simulator-webhooks");
              t.setDaemon(true);
              return t;
            });
    threads.scheduleWithFixedDelay(
        this::scan, SCAN_EVERY.toMillis(), SCAN_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    executor = threads;
  }

  /** A job was created: watch it, and look at once (it may have finished already). */
  void started(VideoRecord video) {
    unfinished.add(video.id());
    run(this::scan);
  }

  List<WebhookDelivery> deliveries() {
    return List.copyOf(deliveries);
  }

  @Override
  public synchronized void close() {
    ScheduledExecutorService threads = executor;
    executor = null;
    if (threads != null) {
      threads.shutdownNow();
    }
  }

  /** Sends the event of every watched job that has finished; forgets deleted jobs. */
  private void scan() {
    for (String id : unfinished) {
      Optional<VideoRecord> video = store.video(id);
      if (video.isEmpty()) {
        unfinished.remove(id);
        continue;
      }
      Lifecycle.State state = lifecycle.stateAt(video.get(), clock.instant());
      if (state.finished() && unfinished.remove(id)) {
        String type =
            state.status() == Lifecycle.Status.COMPLETED ? "video.completed" : "video.failed";
        String eventId = Ids.event();
        String body =
            ApiJson.event(eventId, type, id, Objects.requireNonNull(state.completedAt()))
                .toString();
        Event event = new Event(eventId, Ids.webhook(), type, id, body);
        run(() -> attempt(event, 1));
      }
    }
  }

  private void attempt(Event event, int attempt) {
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "openai-videos-simulator")
            .POST(HttpRequest.BodyPublishers.ofString(event.body()));
    signer.headers(event.webhookId(), timestamp, event.body()).forEach(request::header);
    int status = 0;
    @Nullable String error = null;
    try {
      status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      error = describe(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing
      return;
    }
    WebhookDelivery delivery =
        new WebhookDelivery(
            event.eventId(),
            event.webhookId(),
            event.type(),
            event.videoId(),
            attempt,
            maxAttempts,
            status,
            error);
    deliveries.add(delivery);
    if (delivery.willRetry()) {
      Duration delay = firstRetryDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
      LOG.info("webhook {}; next attempt in {} ms", delivery, delay.toMillis());
      notifyListener(delivery);
      ScheduledExecutorService threads = executor;
      if (threads != null) {
        try {
          threads.schedule(
              () -> attempt(event, attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
          // the simulator stopped
        }
      }
    } else {
      LOG.info("webhook {}", delivery);
      notifyListener(delivery);
    }
  }

  private void notifyListener(WebhookDelivery delivery) {
    try {
      listener.accept(delivery);
    } catch (RuntimeException e) {
      LOG.warn("webhook delivery listener failed", e);
    }
  }

  private void run(Runnable task) {
    ScheduledExecutorService threads = executor;
    if (threads == null) {
      return;
    }
    try {
      threads.execute(task);
    } catch (RejectedExecutionException closed) {
      // the simulator stopped
    }
  }

  private static String describe(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "connect timed out";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
