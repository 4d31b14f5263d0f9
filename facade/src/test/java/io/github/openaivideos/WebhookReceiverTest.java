package io.github.openaivideos;

import static io.github.openaivideos.WebhookSigning.OTHER_SECRET;
import static io.github.openaivideos.WebhookSigning.SECRET;
import static io.github.openaivideos.WebhookSigning.event;
import static io.github.openaivideos.WebhookSigning.headers;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embeddable endpoint: 2xx for verified events, 400 with the reason for the rest. */
class WebhookReceiverTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<VideoEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> refusals = new CopyOnWriteArrayList<>();
  private WebhookReceiver receiver;

  private WebhookReceiver start(WebhookReceiver.Builder builder) {
    receiver =
        builder
            .host("127.0.0.1")
            .port(0)
            .webhooks(Webhooks.of(SECRET))
            .onRejected(e -> refusals.add(e.reason() + ": " + e.getMessage()))
            .build()
            .start();
    return receiver;
  }

  @AfterEach
  void close() {
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void aVerifiedEventIsAnsweredNoContentAndCompletesTheVideosFuture() throws Exception {
    start(WebhookReceiver.builder().onEvent(events::add));
    CompletableFuture<VideoEvent> waiting = receiver.eventFor("video_1");
    String body = event("evt_1", "video.completed", "video_1", 1L);

    HttpResponse<String> response = post(receiver.url(), body, signedNow("msg_1", body));

    assertThat(response.statusCode()).isEqualTo(204);
    VideoEvent event = waiting.get(5, TimeUnit.SECONDS);
    assertThat(event).isInstanceOf(VideoEvent.Completed.class);
    assertThat(event.id()).isEqualTo("evt_1");
    assertThat(events).containsExactly(event);
    assertThat(receiver.eventFor("video_1")).isCompletedWithValue(event);
    assertThat(receiver.eventFor("video_2")).isNotDone();
    assertThat(refusals).isEmpty();
  }

  @Test
  void aFailedEventCompletesTheFutureToo() throws Exception {
    start(WebhookReceiver.builder());
    String body = event("evt_2", "video.failed", "video_2", 1L);

    assertThat(post(receiver.url(), body, signedNow("msg_2", body)).statusCode()).isEqualTo(204);

    assertThat(receiver.eventFor("video_2").get(5, TimeUnit.SECONDS))
        .isInstanceOf(VideoEvent.Failed.class);
  }

  @Test
  void anUnverifiedDeliveryIsAnswered400WithTheReason() throws Exception {
    start(WebhookReceiver.builder().onEvent(events::add));
    String body = event("evt_1", "video.completed", "video_1", 1L);
    Map<String, List<String>> forged = headers(OTHER_SECRET, "msg_1", Instant.now(), body);

    HttpResponse<String> wrongSecret = post(receiver.url(), body, forged);
    HttpResponse<String> unsigned = post(receiver.url(), body, Map.of());

    assertThat(wrongSecret.statusCode()).isEqualTo(400);
    assertThat(wrongSecret.body())
        .isEqualTo(
            "no signature matches (1 checked): the secret differs, or the body, id or timestamp"
                + " was changed\n");
    assertThat(unsigned.statusCode()).isEqualTo(400);
    assertThat(unsigned.body())
        .isEqualTo("missing headers webhook-id, webhook-timestamp, webhook-signature\n");
    assertThat(refusals)
        .containsExactly(
            "NO_MATCHING_SIGNATURE: no signature matches (1 checked): the secret differs, or the"
                + " body, id or timestamp was changed",
            "MISSING_HEADER: missing headers webhook-id, webhook-timestamp, webhook-signature");
    assertThat(events).isEmpty();
    assertThat(receiver.eventFor("video_1")).isNotDone();
  }

  @Test
  void onlyPostsToThePathAreReceived() throws Exception {
    start(WebhookReceiver.builder().path("/hooks/videos"));
    String body = event("evt_1", "video.completed", "video_1", 1L);

    HttpResponse<String> elsewhere =
        post(receiver.url().resolve("/other"), body, signedNow("msg_1", body));
    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(receiver.url()).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(receiver.url().toString())
        .isEqualTo("http://127.0.0.1:" + receiver.port() + "/hooks/videos");
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(elsewhere.body()).isEqualTo("not found: webhooks are received at /hooks/videos\n");
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.body()).isEqualTo("method not allowed: POST a webhook event\n");
    assertThat(receiver.eventFor("video_1")).isNotDone();
  }

  @Test
  void aRetriedDeliveryIsAcknowledgedAgainButReachesTheListenerOnce() throws Exception {
    start(WebhookReceiver.builder().onEvent(events::add));
    String body = event("evt_1", "video.completed", "video_1", 1L);

    int first = post(receiver.url(), body, signedNow("msg_1", body)).statusCode();
    int retry = post(receiver.url(), body, signedNow("msg_1", body)).statusCode();

    assertThat(first).isEqualTo(204);
    assertThat(retry).isEqualTo(204);
    assertThat(events).hasSize(1);
  }

  @Test
  void aListenerThatThrowsGets500SoTheSenderRetries() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    start(
        WebhookReceiver.builder()
            .onEvent(
                e -> {
                  if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("database down");
                  }
                  events.add(e);
                }));
    String body = event("evt_1", "video.completed", "video_1", 1L);

    HttpResponse<String> failed = post(receiver.url(), body, signedNow("msg_1", body));
    HttpResponse<String> retried = post(receiver.url(), body, signedNow("msg_1", body));

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.body()).isEqualTo("the event handler failed\n");
    assertThat(retried.statusCode()).isEqualTo(204);
    assertThat(calls).hasValue(2);
    assertThat(events).hasSize(1);
  }

  @Test
  void aReceiverWithoutWebhooksCannotBeBuilt() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookReceiver.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("WebhookReceiver needs webhooks(Webhooks.of(secret))");
  }

  @Test
  void afterCloseNothingListens() {
    start(WebhookReceiver.builder());
    URI url = receiver.url();
    receiver.close();
    String body = event("evt_1", "video.completed", "video_1", 1L);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> post(url, body, signedNow("msg_1", body)))
        .isInstanceOf(IOException.class);
  }

  static Map<String, List<String>> signedNow(String id, String body) {
    return headers(SECRET, id, Instant.now(), body);
  }

  HttpResponse<String> post(URI url, String body, Map<String, List<String>> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach((name, values) -> values.forEach(v -> request.header(name, v)));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
