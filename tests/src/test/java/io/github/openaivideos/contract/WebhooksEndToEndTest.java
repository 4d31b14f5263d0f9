package io.github.openaivideos.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.openaivideos.VideoEvent;
import io.github.openaivideos.VideoFailedException;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.WebhookReceiver;
import io.github.openaivideos.Webhooks;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoStatus;
import io.github.openaivideos.simulator.Timing;
import io.github.openaivideos.simulator.VideosSimulator;
import io.github.openaivideos.simulator.WebhookDelivery;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end, in real time: the simulator signs and sends an event when a job finishes,
 * the SDK's {@link WebhookReceiver} verifies it, and a client's wait ends on it instead of sleeping
 * out a one-minute poll interval. The client's HTTP stack drops the simulator's poll hints (as from
 * a server that sends none), so without the event the wait would poll once a minute. When the
 * events cannot be verified, the wait still ends by polling.
 */
class WebhooksEndToEndTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Duration LONG_POLL = Duration.ofMinutes(1);

  private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final List<String> retrieves = new CopyOnWriteArrayList<>();
  private WebhookReceiver receiver;
  private VideosSimulator sim;
  private VideosClient client;

  private void start(String simulatorSecret, Duration pollInterval) {
    receiver =
        WebhookReceiver.builder()
            .host("127.0.0.1")
            .port(0)
            .webhooks(Webhooks.of(SECRET))
            .onRejected(e -> refused.add(e.getMessage()))
            .build()
            .start();
    sim =
        VideosSimulator.builder()
            .timing(Timing.of(Duration.ofMillis(300), Duration.ofMillis(700)))
            .webhookUrl(receiver.url().toString())
            .webhookSecret(simulatorSecret)
            .webhookRetries(2, Duration.ofMillis(50))
            .onWebhookDelivery(deliveries::add)
            .build()
            .start();
    client =
        VideosClient.builder()
            .baseUrl(sim.baseUrl())
            .apiKey("sk-test")
            .pollInterval(pollInterval)
            .maxPollInterval(pollInterval)
            .webhooks(receiver)
            .okHttpClient(
                new OkHttpClient.Builder()
                    .addInterceptor(
                        chain -> {
                          Request request = chain.request();
                          if (request.method().equals("GET")) {
                            retrieves.add(request.url().encodedPath());
                          }
                          return chain
                              .proceed(request)
                              .newBuilder()
                              .removeHeader("openai-poll-after-ms")
                              .build();
                        })
                    .build())
            .build();
  }

  private void awaitDeliveries(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (deliveries.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(deliveries).hasSize(count);
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (sim != null) {
      sim.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void aBlockingWaitEndsOnTheSimulatorsVerifiedEvent() throws Exception {
    start(SECRET, LONG_POLL);
    long begin = System.nanoTime();

    Video done =
        client.createAndWait(CreateVideoRequest.builder().prompt("A calico cat").build(), p -> {});

    Duration took = Duration.ofNanos(System.nanoTime() - begin);
    assertThat(done.status()).isSameAs(VideoStatus.COMPLETED);
    assertThat(took).isLessThan(Duration.ofSeconds(30));
    assertThat(retrieves).containsExactly("/v1/videos/" + done.id(), "/v1/videos/" + done.id());
    VideoEvent event = receiver.eventFor(done.id()).get(1, TimeUnit.SECONDS);
    assertThat(event).isEqualTo(new VideoEvent.Completed(done.id(), event.event()));
    assertThat(event.event().createdAt()).isEqualTo(done.completedAt().orElseThrow());
    awaitDeliveries(1);
    assertThat(deliveries.get(0).eventId()).isEqualTo(event.id());
    assertThat(deliveries.get(0).status()).isEqualTo(204);
    assertThat(refused).isEmpty();
  }

  @Test
  void anAsyncWaitEndsOnTheEventToo() throws Exception {
    start(SECRET, LONG_POLL);

    Video done =
        client
            .async()
            .createAndWait(CreateVideoRequest.builder().prompt("A calico cat").build(), p -> {})
            .get(30, TimeUnit.SECONDS);

    assertThat(done.status()).isSameAs(VideoStatus.COMPLETED);
    assertThat(retrieves).hasSize(2);
    assertThat(receiver.eventFor(done.id())).isDone();
  }

  @Test
  void aFailedJobsEventEndsTheWaitWithVideoFailedException() {
    start(SECRET, LONG_POLL);
    long begin = System.nanoTime();

    assertThatThrownBy(
            () ->
                client.createAndWait(
                    CreateVideoRequest.builder().prompt("A forbidden dance").build(), p -> {}))
        .isInstanceOfSatisfying(
            VideoFailedException.class,
            e ->
                assertThat(receiver.eventFor(e.video().id()).getNow(null))
                    .isInstanceOf(VideoEvent.Failed.class));
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void eventsSignedWithAnotherSecretAreRefusedAndTheWaitEndsByPolling() throws Exception {
    start("whsec_QkqzZlwqRVFbLdSkP7KxTQrTtaNRt2e3", Duration.ofMillis(200));

    Video done =
        client.createAndWait(CreateVideoRequest.builder().prompt("A calico cat").build(), p -> {});

    assertThat(done.status()).isSameAs(VideoStatus.COMPLETED);
    assertThat(receiver.eventFor(done.id())).isNotDone();
    assertThat(retrieves.size()).isGreaterThan(2);
    awaitDeliveries(2);
    assertThat(deliveries).extracting(WebhookDelivery::status).containsExactly(400, 400);
    assertThat(refused)
        .containsOnly(
            "no signature matches (1 checked): the secret differs, or the body, id or timestamp"
                + " was changed");
  }
}
