package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.json;
import static io.github.openaivideos.TestSupport.videoJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.openaivideos.TestSupport.TestTime;
import io.github.openaivideos.models.Video;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code close()} with work in flight: calls are cancelled, pending futures fail within a second,
 * later calls fail at once, and no thread of the client is left. The server here holds every
 * request it is told to until the test ends, as a server that never answers.
 */
class CloseTest {
  private static final String CLOSED = "client closed: build a new VideosClient";

  @StartStop final MockWebServer server = new MockWebServer();
  private final TestTime time = new TestTime();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int answered;
  private final OkHttpClient supplied = new OkHttpClient();

  @BeforeEach
  void serverAnswersTheFirstRequestsThenHangs() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (requests.incrementAndGet() > answered) {
              release.await(30, TimeUnit.SECONDS);
            }
            return json(videoJson("video_1", "in_progress", 10));
          }
        });
  }

  @AfterEach
  void releaseTheServer() {
    release.countDown();
    supplied.dispatcher().executorService().shutdown();
  }

  private void awaitRequests(int count) throws InterruptedException {
    for (int i = 0; i < 500 && requests.get() < count; i++) {
      Thread.sleep(10);
    }
    assertThat(requests).hasValue(count);
  }

  /**
   * A client on its own OkHttpClient, or on one the caller supplied (which close() leaves open).
   */
  private VideosClient client(boolean suppliedOkHttp, Duration pollInterval) {
    VideosClient.Builder builder = TestSupport.clientFor(server, time).pollInterval(pollInterval);
    if (suppliedOkHttp) {
      builder.okHttpClient(supplied);
    }
    return builder.build();
  }

  @ParameterizedTest(name = "supplied OkHttpClient: {0}")
  @ValueSource(booleans = {false, true})
  void aBlockingCallInFlightEndsWithinASecondOfCloseFromAnotherThread(boolean suppliedOkHttp)
      throws Exception {
    VideosClient client = client(suppliedOkHttp, Duration.ofSeconds(1));
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread caller =
        new Thread(() -> outcome.complete(catchThrowable(() -> client.retrieve("video_1"))));
    caller.start();
    awaitRequests(1);

    long start = System.nanoTime();
    client.close();
    Throwable thrown = outcome.get(1, TimeUnit.SECONDS);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(thrown).isExactlyInstanceOf(IllegalStateException.class).hasMessage(CLOSED);
    // Cancelled, not retried: nothing was slept and the server saw the one request.
    assertThat(time.sleeps).isEmpty();
    assertThat(requests).hasValue(1);
    caller.join(1000);
  }

  @ParameterizedTest(name = "supplied OkHttpClient: {0}")
  @ValueSource(booleans = {false, true})
  void anAsyncWaitWhosePollIsInFlightFailsWithinASecondOfClose(boolean suppliedOkHttp)
      throws Exception {
    VideosClient client = client(suppliedOkHttp, Duration.ofSeconds(1));
    CompletableFuture<Video> wait = client.async().waitUntilDone("video_1");
    awaitRequests(1);

    client.close();

    assertThatThrownBy(() -> wait.get(1, TimeUnit.SECONDS))
        .isExactlyInstanceOf(ExecutionException.class)
        .cause()
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(CLOSED);
  }

  @ParameterizedTest(name = "supplied OkHttpClient: {0}")
  @ValueSource(booleans = {false, true})
  void anAsyncWaitBetweenPollsFailsWithinASecondOfClose(boolean suppliedOkHttp) throws Exception {
    answered = 1;
    VideosClient client = client(suppliedOkHttp, Duration.ofSeconds(30));
    CompletableFuture<Video> wait = client.async().waitUntilDone("video_1");
    awaitRequests(1);
    // The first poll was answered: the next is scheduled 30 s later.
    Thread.sleep(100);
    assertThat(wait).isNotDone();

    client.close();

    assertThatThrownBy(() -> wait.get(1, TimeUnit.SECONDS))
        .isExactlyInstanceOf(ExecutionException.class)
        .cause()
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(CLOSED);
    assertThat(requests).hasValue(1);
  }

  @Test
  void aRetryDueAfterCloseStartsNoSchedulerThread() throws Exception {
    // The client's own scheduler (none supplied), never started before the close.
    OkHttpClient http = new OkHttpClient();
    VideosClient client = TestSupport.clientFor(server, time).okHttpClient(http).build();
    Set<Thread> before = schedulerThreads();
    CompletableFuture<Video> call = client.async().retrieve("video_1");
    awaitRequests(1);

    // The cancelled call fails as a lost connection, which a GET would retry on the scheduler.
    client.close();
    for (int i = 0; i < 100 && http.dispatcher().runningCallsCount() > 0; i++) {
      Thread.sleep(10);
    }

    assertThat(http.dispatcher().runningCallsCount()).isZero();
    assertThatThrownBy(() -> call.get(1, TimeUnit.SECONDS))
        .isExactlyInstanceOf(ExecutionException.class)
        .cause()
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(CLOSED);
    assertThat(schedulerThreads()).isEqualTo(before);
    assertThat(requests).hasValue(1);
    http.dispatcher().executorService().shutdown();
  }

  @Test
  void noThreadOfTheClientRemainsAfterClose() throws Exception {
    answered = 2;
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    VideosClient client =
        TestSupport.clientFor(server, time).pollInterval(Duration.ofMillis(10)).build();
    client.retrieve("video_1");
    CompletableFuture<Video> wait = client.async().waitUntilDone("video_1");
    awaitRequests(3);
    // The client now runs its scheduler thread and OkHttp dispatcher threads.
    assertThat(newThreads(before)).anyMatch(t -> t.getName().equals("openai-videos-scheduler"));

    client.close();

    assertThatThrownBy(() -> wait.get(1, TimeUnit.SECONDS)).hasRootCauseMessage(CLOSED);
    for (int i = 0; i < 200 && !newThreads(before).isEmpty(); i++) {
      Thread.sleep(10);
    }
    assertThat(newThreads(before)).isEmpty();
  }

  /**
   * Threads started since {@code before} that are still alive, leaving out the process-wide ones
   * that belong to no client: OkHttp's TaskRunner threads (shared by every OkHttp client and
   * MockWebServer) and Okio's timeout watchdog (shared by every Okio timeout); both end on their
   * own when idle. MockWebServer's threads are the test's.
   */
  private static List<Thread> newThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive())
        .filter(t -> !t.getName().startsWith("OkHttp TaskRunner"))
        .filter(t -> !t.getName().equals("Okio Watchdog"))
        .filter(t -> !t.getName().startsWith("MockWebServer"))
        .toList();
  }

  private static Set<Thread> schedulerThreads() {
    return Set.copyOf(
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("openai-videos-scheduler") && t.isAlive())
            .toList());
  }
}
