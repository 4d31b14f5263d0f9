package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.json;
import static io.github.openaivideos.TestSupport.videoJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.openaivideos.TestSupport.TestTime;
import io.github.openaivideos.internal.Poller;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Waiting for jobs: progress, backoff, server hints, deadlines, failure and cancellation. */
class PollingTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final TestTime time = new TestTime();
  private VideosClient client;

  @BeforeEach
  void setUp() {
    client = TestSupport.clientFor(server, time).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void waitReportsEachChangeAndBacksOffUntilCompleted() {
    server.enqueue(json(videoJson("video_1", "queued", 0)));
    server.enqueue(json(videoJson("video_1", "in_progress", 30)));
    server.enqueue(json(videoJson("video_1", "in_progress", 30)));
    server.enqueue(json(videoJson("video_1", "in_progress", 80)));
    server.enqueue(json(videoJson("video_1", "completed", 100)));
    List<String> seen = new ArrayList<>();

    Video done = client.waitUntilDone("video_1", p -> seen.add(p.status() + " " + p.percent()));

    assertThat(done.status()).isSameAs(VideoStatus.COMPLETED);
    assertThat(seen)
        .containsExactly("queued 0", "in_progress 30", "in_progress 80", "completed 100");
    assertThat(time.sleeps)
        .containsExactly(
            Duration.ofMillis(1000),
            Duration.ofMillis(1500),
            Duration.ofMillis(2250),
            Duration.ofMillis(3375));
  }

  @Test
  void serverPollHintReplacesTheIntervalButIsCapped() {
    server.enqueue(
        new MockResponse.Builder(json(videoJson("video_1", "in_progress", 10)))
            .addHeader("openai-poll-after-ms", "1200")
            .build());
    server.enqueue(
        new MockResponse.Builder(json(videoJson("video_1", "in_progress", 20)))
            .addHeader("openai-poll-after-ms", "600000")
            .build());
    server.enqueue(json(videoJson("video_1", "completed", 100)));

    client.waitUntilDone("video_1");

    assertThat(time.sleeps).containsExactly(Duration.ofMillis(1200), Duration.ofSeconds(5));
  }

  @Test
  void aPollHintOfZeroOrNegativeWaitsTheFloorAndNaNIsIgnored() {
    for (String hint : new String[] {"0", "-5", "-Infinity", "NaN"}) {
      server.enqueue(
          new MockResponse.Builder(json(videoJson("video_1", "in_progress", 10)))
              .addHeader("openai-poll-after-ms", hint)
              .build());
    }
    server.enqueue(json(videoJson("video_1", "completed", 100)));

    client.waitUntilDone("video_1");

    // 0, -5 and -Infinity: the 500 ms floor, never back to back. NaN is no hint: the interval,
    // which has grown from 1 s by half per poll (1, 1.5, 2.25, 3.375 s).
    assertThat(Poller.MIN_HINT).isEqualTo(Duration.ofMillis(500));
    assertThat(time.sleeps)
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofMillis(500),
            Duration.ofMillis(500),
            Duration.ofMillis(3375));
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void failedJobThrowsWithItsErrorCode() {
    server.enqueue(
        json(
            videoJson(
                "video_1",
                "failed",
                10,
                "4",
                "{\"code\":\"moderation_blocked\",\"message\":\"Blocked.\"}")));

    assertThatThrownBy(() -> client.waitUntilDone("video_1"))
        .isExactlyInstanceOf(VideoFailedException.class)
        .hasMessage("video video_1 failed: Blocked.; code: moderation_blocked")
        .satisfies(
            e -> assertThat(((VideoFailedException) e).code()).hasValue("moderation_blocked"));
  }

  @Test
  void deadlineBoundsTheWholeWait() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(json(videoJson("video_1", "in_progress", 10 + i)));
    }

    assertThatThrownBy(() -> client.waitUntilDone("video_1", Duration.ofSeconds(3), p -> {}))
        .isExactlyInstanceOf(WaitTimeoutException.class)
        .hasMessage("video video_1 was still in_progress (13%) after waiting PT3S")
        .satisfies(
            e -> {
              WaitTimeoutException timeout = (WaitTimeoutException) e;
              assertThat(timeout.lastSeen().progress()).isEqualTo(13);
              assertThat(timeout.waited()).isEqualTo(Duration.ofSeconds(3));
            });
    // Slept 1 s and 1.5 s; the next 2.25 s would pass the 3 s deadline, so the last sleep ends at
    // the deadline, where a fourth and last poll is made.
    assertThat(time.sleeps)
        .containsExactly(Duration.ofMillis(1000), Duration.ofMillis(1500), Duration.ofMillis(500));
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void interruptCancelsTheWaitAndKeepsTheFlag() {
    server.enqueue(json(videoJson("video_1", "in_progress", 10)));
    VideosClient interrupted =
        client
            .newBuilder()
            .sleeper(
                d -> {
                  throw new InterruptedException();
                })
            .build();

    assertThatThrownBy(() -> interrupted.waitUntilDone("video_1"))
        .isExactlyInstanceOf(CancellationException.class)
        .hasMessage("waiting for video video_1 was interrupted");
    assertThat(Thread.interrupted()).isTrue();
    interrupted.close();
  }

  @Test
  void asyncWaitCompletesWithoutBlockingACallerThread() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger polls = new AtomicInteger();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (polls.incrementAndGet() == 1) {
              // The first poll is answered only when the test says so.
              release.await(10, TimeUnit.SECONDS);
              return json(videoJson("video_1", "queued", 0));
            }
            return json(videoJson("video_1", "completed", 100));
          }
        });
    VideosClient fast =
        TestSupport.clientFor(server, time).pollInterval(Duration.ofMillis(10)).build();
    Thread caller = Thread.currentThread();
    List<String> listenerThreads = new CopyOnWriteArrayList<>();

    CompletableFuture<Video> wait =
        fast.async()
            .waitUntilDone(
                "video_1", p -> listenerThreads.add(p.status() + " on " + threadOf(caller)));

    // The call returned while the server still holds the first poll: the caller was not blocked.
    assertThat(wait).isNotDone();
    assertThat(listenerThreads).isEmpty();
    release.countDown();
    Video done = wait.get(10, TimeUnit.SECONDS);

    assertThat(done.status()).isSameAs(VideoStatus.COMPLETED);
    // Every poll was handled on a client thread, never on the caller's.
    assertThat(listenerThreads).containsExactly("queued on other", "completed on other");
    assertThat(polls).hasValue(2);
    fast.close();
  }

  /** Whether the current thread is {@code caller}. */
  private static String threadOf(Thread caller) {
    return Thread.currentThread() == caller ? "caller" : "other";
  }

  @Test
  void asyncWaitFailsWithVideoFailedException() {
    server.enqueue(
        json(videoJson("video_1", "failed", 10, "4", "{\"code\":\"x\",\"message\":\"Broken.\"}")));

    CompletableFuture<Video> wait = client.async().waitUntilDone("video_1");

    assertThatThrownBy(() -> wait.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseExactlyInstanceOf(VideoFailedException.class);
  }

  @Test
  void cancellingAnAsyncWaitStopsPolling() throws Exception {
    server.enqueue(json(videoJson("video_1", "in_progress", 10)));
    VideosClient slow =
        TestSupport.clientFor(server, time).pollInterval(Duration.ofSeconds(30)).build();

    CompletableFuture<Video> wait = slow.async().waitUntilDone("video_1");
    server.takeRequest(10, TimeUnit.SECONDS);
    wait.cancel(true);

    assertThat(wait).isCancelled();
    assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).isNull();
    slow.close();
  }
}
