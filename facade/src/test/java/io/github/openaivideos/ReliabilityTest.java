package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.KEY;
import static io.github.openaivideos.TestSupport.error;
import static io.github.openaivideos.TestSupport.json;
import static io.github.openaivideos.TestSupport.videoJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.openaivideos.TestSupport.TestTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network and the server misbehave; the client loses nothing and leaks nothing. */
class ReliabilityTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer other = new MockWebServer();
  @TempDir Path dir;
  private final TestTime time = new TestTime();
  private final OkHttpClient http =
      new OkHttpClient.Builder().connectionPool(new ConnectionPool()).build();
  private VideosClient client;

  @BeforeEach
  void setUp() {
    client = TestSupport.clientFor(server, time).okHttpClient(http).build();
  }

  @AfterEach
  void noConnectionIsLeftInUse() throws Exception {
    client.close();
    // Every connection the client used is back in the pool, idle (or closed).
    for (int i = 0; i < 50 && inUse() > 0; i++) {
      Thread.sleep(20);
    }
    assertThat(inUse()).as("connections still in use").isZero();
    http.dispatcher().executorService().shutdown();
  }

  private int inUse() {
    return http.connectionPool().connectionCount() - http.connectionPool().idleConnectionCount();
  }

  @Test
  void connectionResetBeforeAnyResponseIsRetriedForAGet() {
    server.enqueue(
        new MockResponse.Builder(json(videoJson("video_1", "queued", 0)))
            .onRequestStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    assertThat(client.retrieve("video_1").id()).isEqualTo("video_1");
    assertThat(server.getRequestCount()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void jsonCutOffMidBodyIsRetriedForAGet() {
    server.enqueue(
        new MockResponse.Builder(json(videoJson("video_1", "queued", 0)))
            .throttleBody(40, 0, TimeUnit.MILLISECONDS)
            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(json(videoJson("video_1", "completed", 100)));

    assertThat(client.retrieve("video_1").status()).isEqualTo(VideoStatus.COMPLETED);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void jsonCutOffMidBodyOfACreateIsReportedNotRepeated() {
    server.enqueue(
        new MockResponse.Builder(json(videoJson("video_1", "queued", 0)))
            .throttleBody(40, 0, TimeUnit.MILLISECONDS)
            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
            .build());

    assertThatThrownBy(() -> client.create(CreateVideo.prompt("a cat")))
        .isInstanceOf(ApiConnectionException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void stalledDownloadTimesOutLeavesNoPartialFileAndReleasesTheConnection() throws Exception {
    VideosClient impatient =
        client.newBuilder().readTimeout(Duration.ofMillis(200)).maxRetries(0).build();
    Path target = dir.resolve("cat.mp4");
    Files.writeString(target, "old");
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "video/mp4")
            .body(new Buffer().write(TestSupport.mp4(100_000)))
            .throttleBody(50_000, 5, TimeUnit.SECONDS)
            .build());

    assertThatThrownBy(() -> impatient.download("video_1", ContentVariant.VIDEO, target))
        .isExactlyInstanceOf(ApiTimeoutException.class);
    assertThat(Files.readString(target)).isEqualTo("old");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void readTimeoutIsHonoured() {
    VideosClient impatient =
        client.newBuilder().readTimeout(Duration.ofMillis(150)).maxRetries(0).build();
    server.enqueue(
        new MockResponse.Builder(json(videoJson("video_1", "queued", 0)))
            .headersDelay(3, TimeUnit.SECONDS)
            .build());

    assertThatThrownBy(() -> impatient.retrieve("video_1"))
        .isExactlyInstanceOf(ApiTimeoutException.class)
        .hasMessageStartingWith("retrieve timed out");
  }

  @Test
  void perCallTimeoutBoundsTheWholeCall() {
    server.enqueue(
        new MockResponse.Builder(json(videoJson("video_1", "queued", 0)))
            .headersDelay(3, TimeUnit.SECONDS)
            .build());

    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                client
                    .withOptions(
                        RequestOptions.builder()
                            .timeout(Duration.ofMillis(200))
                            .maxRetries(0)
                            .build())
                    .retrieve("video_1"))
        .isInstanceOf(ApiConnectionException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void cancellingAnAsyncCallCancelsItsHttpCall() throws Exception {
    server.enqueue(
        new MockResponse.Builder(json(videoJson("video_1", "queued", 0)))
            .headersDelay(5, TimeUnit.SECONDS)
            .build());

    CompletableFuture<Video> call = client.async().retrieve("video_1");
    server.takeRequest(5, TimeUnit.SECONDS);
    call.cancel(true);

    for (int i = 0; i < 100 && http.dispatcher().runningCallsCount() > 0; i++) {
      Thread.sleep(20);
    }
    assertThat(http.dispatcher().runningCallsCount()).isZero();
    assertThat(call).isCancelled();
  }

  @Test
  void closingTheClientStopsItsSchedulerThread() throws Exception {
    VideosClient own =
        TestSupport.clientFor(server, time).pollInterval(Duration.ofMillis(5)).build();
    server.enqueue(json(videoJson("video_1", "queued", 0)));
    server.enqueue(json(videoJson("video_1", "completed", 100)));
    own.async().waitUntilDone("video_1").get(5, TimeUnit.SECONDS);
    assertThat(schedulerThreads()).isPositive();

    own.close();

    for (int i = 0; i < 100 && schedulerThreads() > 0; i++) {
      Thread.sleep(20);
    }
    assertThat(schedulerThreads()).isZero();
  }

  private static long schedulerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("openai-videos-scheduler") && t.isAlive())
        .count();
  }

  @Test
  void retryBudgetStopsAStormAndSaysSo() {
    VideosClient frugal = client.newBuilder().maxRetries(3).retryBudget(10).build();
    for (int i = 0; i < 10; i++) {
      server.enqueue(error(503, "Busy.", "server_error", null, null));
    }

    assertThatThrownBy(() -> frugal.retrieve("video_1"))
        .isExactlyInstanceOf(RetryBudgetExhaustedException.class)
        .hasMessage(
            "retrieve was not retried: the client's retry budget is exhausted because most recent"
                + " attempts failed; last error: 503: Busy.; type: server_error; request-id: req_503")
        .hasCauseExactlyInstanceOf(InternalServerException.class);
    // Two retries took the 10 tokens; the third failure was reported at once.
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThatThrownBy(() -> frugal.retrieve("video_1"))
        .isExactlyInstanceOf(RetryBudgetExhaustedException.class);
    assertThat(server.getRequestCount()).isEqualTo(4);
    frugal.close();
  }

  @Test
  void redirectToAnotherHostDoesNotCarryTheApiKey() throws Exception {
    String otherHost = server.getHostName().equals("127.0.0.1") ? "localhost" : "127.0.0.1";
    server.enqueue(
        new MockResponse.Builder()
            .code(307)
            .addHeader(
                "Location", "http://" + otherHost + ":" + other.getPort() + "/v1/videos/video_1")
            .build());
    other.enqueue(json(videoJson("video_1", "queued", 0)));

    client.retrieve("video_1");

    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    RecordedRequest redirected = other.takeRequest();
    assertThat(redirected.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void plainHttpToARemoteHostLogsAWarningWithoutTheKey() {
    List<String> warnings = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger("io.github.openaivideos");
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            warnings.add(record.getLevel() + " " + record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      VideosClient.builder().apiKey(KEY).baseUrl("http://videos.example.com/v1").build().close();
      VideosClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:9/v1").build().close();
    } finally {
      logger.removeHandler(handler);
    }

    assertThat(warnings)
        .containsExactly(
            "WARNING openai-videos: the API key will be sent in clear text to"
                + " http://videos.example.com:80; use https for any non-local server");
  }
}
