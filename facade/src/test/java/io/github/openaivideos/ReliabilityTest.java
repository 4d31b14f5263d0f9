package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.KEY;
import static io.github.openaivideos.TestSupport.error;
import static io.github.openaivideos.TestSupport.json;
import static io.github.openaivideos.TestSupport.videoJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.openaivideos.TestSupport.TestTime;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoStatus;
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
  void connectionResetBeforeAnyResponseIsRetriedForAGet() throws Exception {
    // The server closes the connection before it even reads the request.
    server.enqueue(
        new MockResponse.Builder(json(videoJson("video_1", "queued", 0)))
            .onRequestStart(new SocketEffect.CloseSocket())
            .build());
    server.enqueue(json(videoJson("video_2", "queued", 0)));

    // The answer is the second one: the first never left the server.
    assertThat(client.retrieve("video_1").id()).isEqualTo("video_2");
    // The SDK retried, once, after its backoff (100 ms nominal, 75%..100% with jitter)...
    assertThat(time.sleeps).hasSize(1);
    assertThat(time.sleeps.get(0)).isBetween(Duration.ofMillis(75), Duration.ofMillis(100));
    // ...on a new connection, the first one having been reset.
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(server.takeRequest().getConnectionIndex()).isZero();
    RecordedRequest answered = server.takeRequest();
    assertThat(answered.getTarget()).isEqualTo("/v1/videos/video_1");
    assertThat(answered.getConnectionIndex()).isEqualTo(1);
  }

  @Test
  void jsonCutOffMidBodyIsRetriedForAGet() {
    server.enqueue(
        new MockResponse.Builder(json(videoJson("video_1", "queued", 0)))
            .throttleBody(40, 0, TimeUnit.MILLISECONDS)
            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(json(videoJson("video_1", "completed", 100)));

    assertThat(client.retrieve("video_1").status()).isSameAs(VideoStatus.COMPLETED);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void jsonCutOffMidBodyOfACreateIsReportedNotRepeated() {
    server.enqueue(
        new MockResponse.Builder(json(videoJson("video_1", "queued", 0)))
            .throttleBody(40, 0, TimeUnit.MILLISECONDS)
            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
            .build());

    assertThatThrownBy(() -> client.create(CreateVideoRequest.builder().prompt("a cat").build()))
        .isExactlyInstanceOf(ApiConnectionException.class)
        .hasMessageStartingWith("create failed to get a response: ");
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
  void okHttpDoesNotRetryACreateBehindTheSdkWhenAPooledConnectionIsReset() throws Exception {
    VideosClient once = client.newBuilder().maxRetries(0).build();
    server.enqueue(json(videoJson("video_1", "queued", 0)));
    server.enqueue(
        new MockResponse.Builder(json(videoJson("video_2", "queued", 0)))
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(json(videoJson("video_3", "queued", 0)));

    once.retrieve("video_1");
    assertThatThrownBy(() -> once.create(CreateVideoRequest.builder().prompt("a cat").build()))
        .isExactlyInstanceOf(ApiConnectionException.class)
        .hasMessageStartingWith("create failed to get a response: ");

    assertThat(server.getRequestCount()).isEqualTo(2);
    RecordedRequest retrieve = server.takeRequest();
    RecordedRequest create = server.takeRequest();
    assertThat(create.getMethod()).isEqualTo("POST");
    // The create went out on the retrieve's pooled connection, as its second exchange.
    assertThat(create.getConnectionIndex()).isEqualTo(retrieve.getConnectionIndex());
    assertThat(create.getExchangeIndex()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
    once.close();
  }

  @Test
  void theSameResetIsSilentlyRepeatedByAPlainOkHttpClient() throws Exception {
    // The control for the test above: OkHttp on its own does re-send the POST.
    server.enqueue(json(videoJson("video_1", "queued", 0)));
    server.enqueue(
        new MockResponse.Builder(json(videoJson("video_2", "queued", 0)))
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(json(videoJson("video_3", "queued", 0)));
    okhttp3.HttpUrl url = server.url("/v1/videos");

    try (okhttp3.Response first =
        http.newCall(new okhttp3.Request.Builder().url(url).build()).execute()) {
      assertThat(first.code()).isEqualTo(200);
      first.body().string();
    }
    okhttp3.Request post =
        new okhttp3.Request.Builder()
            .url(url)
            .post(
                okhttp3.RequestBody.create(
                    "{\"prompt\":\"a cat\"}", okhttp3.MediaType.get("application/json")))
            .build();
    try (okhttp3.Response second = http.newCall(post).execute()) {
      assertThat(second.body().string()).contains("\"video_3\"");
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void callsAfterCloseFailAtOnceSayingTheClientIsClosed() {
    VideosClient view = client.withOptions(RequestOptions.builder().header("X-View", "1").build());

    client.close();

    assertThatThrownBy(() -> client.retrieve("v"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("client closed: build a new VideosClient");
    assertThatThrownBy(() -> client.async().retrieve("v"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("client closed: build a new VideosClient");
    assertThatThrownBy(() -> view.create(CreateVideoRequest.builder().prompt("a cat").build()))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("client closed: build a new VideosClient");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anExhaustedRetryBudgetLetsTheLastFailureThroughWithTheBudgetNoted() throws Exception {
    VideosClient frugal = client.newBuilder().maxRetries(3).retryBudget(10).build();
    for (int i = 0; i < 10; i++) {
      server.enqueue(error(503, "Busy.", "server_error", null, null));
    }

    Throwable first = catchThrowable(() -> frugal.retrieve("video_1"));
    // Two retries took the 10 tokens; the third failure was reported at once.
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps).hasSize(2);
    Throwable second = catchThrowable(() -> frugal.retrieve("video_1"));
    assertThat(server.getRequestCount()).isEqualTo(4);
    Throwable async =
        catchThrowable(() -> frugal.async().retrieve("video_1").get(10, TimeUnit.SECONDS));
    assertThat(server.getRequestCount()).isEqualTo(5);
    assertThat(time.sleeps).hasSize(2);

    assertThat(async).isExactlyInstanceOf(java.util.concurrent.ExecutionException.class);
    for (Throwable thrown : List.of(first, second, async.getCause())) {
      // The failure itself, as without a budget; the budget is noted beside it.
      assertThat(thrown)
          .isExactlyInstanceOf(InternalServerException.class)
          .hasMessage("503: Busy.; type: server_error; request-id: req_503")
          .hasNoCause();
      assertThat(thrown.getSuppressed()).hasSize(1);
      assertThat(thrown.getSuppressed()[0])
          .isExactlyInstanceOf(RetryBudgetExhaustedException.class)
          .hasMessage(
              "retrieve was not retried: the client's retry budget is exhausted because most"
                  + " recent attempts failed")
          .hasNoCause();
    }
    frugal.close();
  }

  @Test
  void theDebugLineOfAFailureTheBudgetStoppedSaysSo() {
    VideosClient frugal = client.newBuilder().maxRetries(3).retryBudget(4).build();
    server.enqueue(error(503, "Busy.", "server_error", null, null));
    Logger logger = Logger.getLogger("io.github.openaivideos");
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(record.getMessage().replaceAll("in \\d+ ms", "in N ms"));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Level before = logger.getLevel();
    logger.setLevel(java.util.logging.Level.ALL);
    logger.addHandler(handler);
    try {
      assertThatThrownBy(() -> frugal.retrieve("video_1"))
          .isExactlyInstanceOf(InternalServerException.class);
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(before);
      frugal.close();
    }

    // 4 tokens cannot pay for a retry (5): the first failure is the last.
    assertThat(lines)
        .containsExactly(
            "retrieve GET /v1/videos/video_1 attempt 1 in N ms: failed (not retried: retry budget"
                + " exhausted): 503: Busy.; type: server_error; request-id: req_503");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRedirectToAnotherHostCarriesNeitherTheKeyNorTheOrganizationNorTheProject()
      throws Exception {
    VideosClient account =
        client.newBuilder().organization("org_secret").project("proj_secret").build();
    String otherHost = server.getHostName().equals("127.0.0.1") ? "localhost" : "127.0.0.1";
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader(
                "Location", "http://" + otherHost + ":" + other.getPort() + "/v1/videos/video_1")
            .build());
    other.enqueue(json(videoJson("video_1", "queued", 0)));

    account.retrieve("video_1");

    RecordedRequest asked = server.takeRequest();
    assertThat(asked.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(asked.getHeaders().get("OpenAI-Organization")).isEqualTo("org_secret");
    assertThat(asked.getHeaders().get("OpenAI-Project")).isEqualTo("proj_secret");
    RecordedRequest redirected = other.takeRequest();
    assertThat(redirected.getUrl().host()).isEqualTo(otherHost);
    assertThat(redirected.getHeaders().get("Authorization")).isNull();
    assertThat(redirected.getHeaders().get("OpenAI-Organization")).isNull();
    assertThat(redirected.getHeaders().get("OpenAI-Project")).isNull();
    account.close();
  }

  @Test
  void aRedirectOnTheSameHostKeepsTheKeyTheOrganizationAndTheProject() throws Exception {
    VideosClient account =
        client.newBuilder().organization("org_secret").project("proj_secret").build();
    server.enqueue(
        new MockResponse.Builder().code(302).addHeader("Location", "/v1/videos/video_2").build());
    server.enqueue(json(videoJson("video_2", "queued", 0)));

    assertThat(account.retrieve("video_1").id()).isEqualTo("video_2");

    server.takeRequest();
    RecordedRequest redirected = server.takeRequest();
    assertThat(redirected.getTarget()).isEqualTo("/v1/videos/video_2");
    assertThat(redirected.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(redirected.getHeaders().get("OpenAI-Organization")).isEqualTo("org_secret");
    assertThat(redirected.getHeaders().get("OpenAI-Project")).isEqualTo("proj_secret");
    account.close();
  }

  @Test
  void aGetWhosePooledConnectionIsResetMakesExactlyMaxRetriesPlusOneAttempts() throws Exception {
    resetsMakeExactlyThreeAttempts(TestSupport.clientFor(server, time).maxRetries(2).build());
  }

  @Test
  void aSuppliedOkHttpClientThatRetriesOnConnectionFailureAddsNoAttemptToAPooledGet()
      throws Exception {
    OkHttpClient retrying = http.newBuilder().retryOnConnectionFailure(true).build();
    assertThat(retrying.retryOnConnectionFailure()).isTrue();

    resetsMakeExactlyThreeAttempts(
        TestSupport.clientFor(server, time).okHttpClient(retrying).maxRetries(2).build());
  }

  /**
   * A retrieve leaves its connection in the pool; the next retrieve goes out on it and every
   * connection it gets is reset before an answer: maxRetries(2) means 3 attempts, not more.
   */
  private void resetsMakeExactlyThreeAttempts(VideosClient twice) throws Exception {
    server.enqueue(json(videoJson("video_1", "queued", 0)));
    for (int i = 0; i < 10; i++) {
      server.enqueue(
          new MockResponse.Builder(json(videoJson("video_1", "queued", 0)))
              .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
              .build());
    }

    twice.retrieve("video_1");
    assertThatThrownBy(() -> twice.retrieve("video_1"))
        .isExactlyInstanceOf(ApiConnectionException.class)
        .hasMessageStartingWith("retrieve failed to get a response: ");

    // The first retrieve, then 3 attempts of the second: the SDK's 2 retries and no other.
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(time.sleeps).hasSize(2);
    RecordedRequest first = server.takeRequest();
    RecordedRequest pooled = server.takeRequest();
    assertThat(pooled.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
    assertThat(pooled.getExchangeIndex()).isEqualTo(1);
    twice.close();
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
