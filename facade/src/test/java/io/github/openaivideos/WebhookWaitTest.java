package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.json;
import static io.github.openaivideos.TestSupport.videoJson;
import static io.github.openaivideos.WebhookSigning.SECRET;
import static io.github.openaivideos.WebhookSigning.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.TestSupport.TestTime;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoStatus;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Waiting by webhook: a wait ends on the job's event instead of sleeping out the poll interval, and
 * polls at the usual interval when the event is missed, late or early.
 */
class WebhookWaitTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final HttpClient http = HttpClient.newHttpClient();
  private WebhookReceiver receiver;

  @BeforeEach
  void startReceiver() {
    receiver =
        WebhookReceiver.builder()
            .host("127.0.0.1")
            .port(0)
            .webhooks(Webhooks.of(SECRET))
            .build()
            .start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void aBlockingWaitEndsOnTheEventInsteadOfSleepingTheInterval() throws Exception {
    server.enqueue(json(videoJson("video_1", "in_progress", 40)));
    server.enqueue(json(videoJson("video_1", "completed", 100)));
    try (VideosClient client = realTimeClient(Duration.ofMinutes(1))) {
      CompletableFuture<Void> sent =
          CompletableFuture.runAsync(
              () -> {
                awaitRequests(1);
                deliver("evt_1", "video.completed", "video_1");
              });
      long start = System.nanoTime();

      Video done = client.waitUntilDone("video_1");

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      sent.get(10, TimeUnit.SECONDS);
      assertThat(done.status()).isSameAs(VideoStatus.COMPLETED);
      assertThat(server.getRequestCount()).isEqualTo(2);
      assertThat(took).isLessThan(Duration.ofSeconds(20)); // the interval is a minute
    }
  }

  @Test
  void anAsyncWaitPollsAtOnceWhenTheEventArrives() throws Exception {
    server.enqueue(json(videoJson("video_1", "in_progress", 40)));
    server.enqueue(json(videoJson("video_1", "completed", 100)));
    try (VideosClient client = realTimeClient(Duration.ofMinutes(1))) {
      CompletableFuture<Video> waiting = client.async().waitUntilDone("video_1");
      awaitRequests(1);

      deliver("evt_1", "video.completed", "video_1");

      assertThat(waiting.get(20, TimeUnit.SECONDS).status()).isSameAs(VideoStatus.COMPLETED);
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void theResultComesFromRetrievingEvenWhenTheEventSaysFailed() throws Exception {
    server.enqueue(json(videoJson("video_1", "in_progress", 40)));
    server.enqueue(json(videoJson("video_1", "completed", 100)));
    try (VideosClient client = realTimeClient(Duration.ofMinutes(1))) {
      CompletableFuture<Video> waiting = client.async().waitUntilDone("video_1");
      awaitRequests(1);

      deliver("evt_1", "video.failed", "video_1");

      assertThat(waiting.get(20, TimeUnit.SECONDS).status()).isSameAs(VideoStatus.COMPLETED);
    }
  }

  @Test
  void withoutAnEventTheWaitPollsAtTheUsualIntervals() {
    TestTime time = new TestTime();
    server.enqueue(json(videoJson("video_1", "queued", 0)));
    server.enqueue(json(videoJson("video_1", "in_progress", 50)));
    server.enqueue(json(videoJson("video_1", "in_progress", 90)));
    server.enqueue(json(videoJson("video_1", "completed", 100)));
    try (VideosClient client = TestSupport.clientFor(server, time).webhooks(receiver).build()) {

      Video done = client.waitUntilDone("video_1");

      assertThat(done.status()).isSameAs(VideoStatus.COMPLETED);
      assertThat(time.sleeps)
          .containsExactly(
              Duration.ofMillis(1000), Duration.ofMillis(1500), Duration.ofMillis(2250));
    }
  }

  @Test
  void anAsyncWaitWithoutAnEventStillEndsByPolling() throws Exception {
    server.enqueue(json(videoJson("video_1", "in_progress", 50)));
    server.enqueue(json(videoJson("video_1", "in_progress", 90)));
    server.enqueue(json(videoJson("video_1", "completed", 100)));
    try (VideosClient client =
        VideosClient.builder()
            .apiKey(TestSupport.KEY)
            .baseUrl(server.url("/v1").toString())
            .pollInterval(Duration.ofMillis(20))
            .webhooks(receiver)
            .build()) {

      Video done = client.async().waitUntilDone("video_1").get(20, TimeUnit.SECONDS);

      assertThat(done.status()).isSameAs(VideoStatus.COMPLETED);
      assertThat(server.getRequestCount()).isEqualTo(3);
    }
  }

  @Test
  void anEventThatComesBeforeTheJobShowsFinishedWakesOneSleepOnlyThenPollingGoesOnAsUsual() {
    TestTime time = new TestTime();
    List<String> sleeps = new ArrayList<>();
    Sleeper deliverDuringFirstSleep =
        new Sleeper() {
          @Override
          public void sleep(Duration duration) {
            sleeps.add(duration.toMillis() + " ms");
            time.sleep(duration);
          }

          @Override
          public boolean sleep(Duration duration, Future<?> wakeUp) {
            if (sleeps.isEmpty()) {
              deliver("evt_1", "video.completed", "video_1");
            }
            if (wakeUp.isDone()) {
              sleeps.add("woken");
              return true;
            }
            sleep(duration);
            return false;
          }
        };
    server.enqueue(json(videoJson("video_1", "in_progress", 40)));
    server.enqueue(json(videoJson("video_1", "in_progress", 60))); // the server lags the event
    server.enqueue(json(videoJson("video_1", "in_progress", 80)));
    server.enqueue(json(videoJson("video_1", "completed", 100)));
    try (VideosClient client =
        TestSupport.clientFor(server, time)
            .sleeper(deliverDuringFirstSleep)
            .webhooks(receiver)
            .build()) {

      Video done = client.waitUntilDone("video_1");

      assertThat(done.status()).isSameAs(VideoStatus.COMPLETED);
      assertThat(sleeps).containsExactly("woken", "1500 ms", "2250 ms");
      assertThat(server.getRequestCount()).isEqualTo(4);
    }
  }

  @Test
  void anEventForAnotherVideoDoesNotEndTheSleep() {
    TestTime time = new TestTime();
    List<String> sleeps = new ArrayList<>();
    Sleeper deliverOtherDuringFirstSleep =
        new Sleeper() {
          @Override
          public void sleep(Duration duration) {
            sleeps.add(duration.toMillis() + " ms");
            time.sleep(duration);
          }

          @Override
          public boolean sleep(Duration duration, Future<?> wakeUp) throws InterruptedException {
            if (sleeps.isEmpty()) {
              deliver("evt_9", "video.completed", "video_9");
            }
            return Sleeper.super.sleep(duration, wakeUp);
          }
        };
    server.enqueue(json(videoJson("video_1", "in_progress", 40)));
    server.enqueue(json(videoJson("video_1", "completed", 100)));
    try (VideosClient client =
        TestSupport.clientFor(server, time)
            .sleeper(deliverOtherDuringFirstSleep)
            .webhooks(receiver)
            .build()) {

      client.waitUntilDone("video_1");

      assertThat(sleeps).containsExactly("1000 ms");
    }
  }

  @Test
  void aLateEventAfterTheWaitEndedIsStillAcknowledged() throws Exception {
    server.enqueue(json(videoJson("video_1", "completed", 100)));
    try (VideosClient client = realTimeClient(Duration.ofMillis(10))) {
      client.waitUntilDone("video_1");

      HttpResponse<String> late = deliver("evt_1", "video.completed", "video_1");

      assertThat(late.statusCode()).isEqualTo(204);
      assertThat(receiver.eventFor("video_1")).isDone();
    }
  }

  private VideosClient realTimeClient(Duration pollInterval) {
    return VideosClient.builder()
        .apiKey(TestSupport.KEY)
        .baseUrl(server.url("/v1").toString())
        .pollInterval(pollInterval)
        .maxPollInterval(pollInterval)
        .webhooks(receiver)
        .build();
  }

  private void awaitRequests(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.getRequestCount() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the client made no request");
      }
      Thread.onSpinWait();
    }
  }

  private HttpResponse<String> deliver(String eventId, String type, String videoId) {
    String body = event(eventId, type, videoId, Instant.now().getEpochSecond());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(receiver.url()).POST(HttpRequest.BodyPublishers.ofString(body));
    WebhookSigning.headers(SECRET, "msg_" + eventId, Instant.now(), body)
        .forEach((name, values) -> request.header(name, values.get(0)));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 204) {
        throw new AssertionError(
            "delivery refused: " + response.statusCode() + " " + response.body());
      }
      return response;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
