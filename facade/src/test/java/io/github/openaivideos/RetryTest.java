package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.error;
import static io.github.openaivideos.TestSupport.json;
import static io.github.openaivideos.TestSupport.videoJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.openaivideos.TestSupport.TestTime;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.ExtensionSeconds;
import io.github.openaivideos.models.Video;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which calls are retried, how often, and after how long; time is fake, nothing really sleeps. */
class RetryTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final TestTime time = new TestTime();
  private VideosClient client;

  private VideosClient client(int maxRetries) {
    client = TestSupport.clientFor(server, time).maxRetries(maxRetries).build();
    return client;
  }

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  void rateLimitWithRetryAfterSecondsIsHonouredThenSucceeds() {
    server.enqueue(
        new MockResponse.Builder(error(429, "Slow down.", "rate_limit", null, null))
            .addHeader("Retry-After", "3")
            .build());
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    Video video = client(2).retrieve("video_1");

    assertThat(video.id()).isEqualTo("video_1");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() {
    server.enqueue(
        new MockResponse.Builder(error(429, "Slow down.", "rate_limit", null, null))
            .addHeader("retry-after-ms", "250")
            .addHeader("Retry-After", "9")
            .build());
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    client(2).retrieve("video_1");

    assertThat(time.sleeps).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void retryAfterAsHttpDateIsMeasuredByTheClock() {
    String inFiveSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            time.now().plusSeconds(5).atOffset(ZoneOffset.UTC));
    server.enqueue(
        new MockResponse.Builder(error(503, "Busy.", "server_error", null, null))
            .addHeader("Retry-After", inFiveSeconds)
            .build());
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    client(2).retrieve("video_1");

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void serverHintIsCappedAtMaxRetryDelay() {
    server.enqueue(
        new MockResponse.Builder(error(429, "Slow down.", "rate_limit", null, null))
            .addHeader("Retry-After", "3600")
            .build());
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    client = TestSupport.clientFor(server, time).maxRetryDelay(Duration.ofSeconds(10)).build();
    client.retrieve("video_1");

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(10));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "retry-after-ms | NaN",
        "retry-after-ms | Infinity",
        "retry-after-ms | -Infinity",
        "retry-after-ms | -5",
        "Retry-After    | NaN",
        "Retry-After    | Infinity",
        "Retry-After    | -5",
        "Retry-After    | Wed, 25 Nov 2026 11:59:00 GMT",
      })
  void anInvalidRetryHintIsIgnoredForTheNormalBackoff(String header, String value) {
    server.enqueue(
        new MockResponse.Builder(error(429, "Slow down.", "rate_limit", null, null))
            .addHeader(header, value)
            .build());
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    client(2).retrieve("video_1");

    // Not "retry now" (0 ms), not forever: the first backoff, 100 ms with jitter (75%..100%).
    assertThat(time.sleeps).hasSize(1);
    assertThat(time.sleeps.get(0)).isBetween(Duration.ofMillis(75), Duration.ofMillis(100));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theSameDateFormatAheadOfTheClockIsHonoured() {
    // The control for the past date above: the same clock, a date 4 s ahead of it.
    server.enqueue(
        new MockResponse.Builder(error(429, "Slow down.", "rate_limit", null, null))
            .addHeader("Retry-After", "Wed, 25 Nov 2026 12:00:04 GMT")
            .build());
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    client(2).retrieve("video_1");

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void serverErrorStormBacksOffExponentiallyThenGivesUpWithTheLastError() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(error(503, "Busy " + i + ".", "server_error", null, null));
    }

    assertThatThrownBy(() -> client(3).retrieve("video_1"))
        .isExactlyInstanceOf(InternalServerException.class)
        .hasMessageStartingWith("503: Busy 3.");
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(time.sleeps).hasSize(3);
    // 100 ms doubled per retry, each 75%..100% of nominal (jitter).
    assertThat(time.sleeps.get(0)).isBetween(Duration.ofMillis(75), Duration.ofMillis(100));
    assertThat(time.sleeps.get(1)).isBetween(Duration.ofMillis(150), Duration.ofMillis(200));
    assertThat(time.sleeps.get(2)).isBetween(Duration.ofMillis(300), Duration.ofMillis(400));
  }

  @Test
  void clientErrorsAreNeverRetried() {
    for (int status : new int[] {400, 401, 403, 404, 422}) {
      server.enqueue(error(status, "No.", "invalid_request_error", null, null));
    }
    VideosClient c = client(5);
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> c.retrieve("video_1")).isInstanceOf(ApiException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(5);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void createIsNotRepeatedAfterAServerErrorThatMayHaveStartedAJob() {
    server.enqueue(error(500, "Oops.", "server_error", null, null));

    assertThatThrownBy(() -> client(3).create(CreateVideoRequest.builder().prompt("a cat").build()))
        .isExactlyInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createIsNotRepeatedAfterTheConnectionDroppedMidResponse() {
    server.enqueue(
        new MockResponse.Builder(json(videoJson("video_1", "queued", 0)))
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(json(videoJson("video_2", "queued", 0)));

    assertThatThrownBy(() -> client(3).create(CreateVideoRequest.builder().prompt("a cat").build()))
        .isInstanceOf(ApiConnectionException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createIsRetriedAfterRateLimitBecauseTheServerDidNotActOnIt() {
    server.enqueue(error(429, "Slow down.", "rate_limit", null, null));
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    Video video = client(2).create(CreateVideoRequest.builder().prompt("a cat").build());

    assertThat(video.id()).isEqualTo("video_1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void createIsRetriedAfterServerErrorsWhenTheUserOptsIn() {
    server.enqueue(error(500, "Oops.", "server_error", null, null));
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    client = TestSupport.clientFor(server, time).retryUnsafePosts(true).build();
    client.create(CreateVideoRequest.builder().prompt("a cat").build());

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void getIsRetriedAfterTheConnectionDroppedBeforeAnyResponse() {
    server.enqueue(
        new MockResponse.Builder(json(videoJson("video_1", "queued", 0)))
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    Video video = client(2).retrieve("video_1");

    assertThat(video.id()).isEqualTo("video_1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void perCallMaxRetriesOverridesTheClient() {
    server.enqueue(error(503, "Busy.", "server_error", null, null));

    VideosClient base = client(5);
    assertThatThrownBy(
            () ->
                base.withOptions(RequestOptions.builder().maxRetries(0).build())
                    .retrieve("video_1"))
        .isExactlyInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anUploadReadFromAStreamIsNeverRetried() {
    server.enqueue(error(503, "Busy.", "server_error", null, null));
    server.enqueue(json(videoJson("video_1", "queued", 0)));
    client = TestSupport.clientFor(server, time).maxRetries(3).retryUnsafePosts(true).build();

    assertThatThrownBy(
            () ->
                client.extend(
                    ExtendVideoRequest.builder()
                        .video(
                            VideoReference.file(
                                new ByteArrayInputStream(TestSupport.mp4(1000)), "in.mp4"))
                        .prompt("more")
                        .seconds(ExtensionSeconds.S4)
                        .build()))
        .isExactlyInstanceOf(InternalServerException.class)
        .hasMessage("503: Busy.; type: server_error; request-id: req_503");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void aRateLimitOnAStreamUploadReachesTheCallerAtOnceWithItsMessageAndRequestId() {
    server.enqueue(
        new MockResponse.Builder(
                error(429, "Rate limit reached.", "requests", null, "rate_limit_exceeded"))
            .addHeader("Retry-After", "3")
            .build());
    server.enqueue(json(videoJson("video_1", "queued", 0)));
    client = TestSupport.clientFor(server, time).maxRetries(3).build();

    assertThatThrownBy(
            () ->
                client.extend(
                    ExtendVideoRequest.builder()
                        .video(
                            VideoReference.file(
                                new ByteArrayInputStream(TestSupport.mp4(1000)), "in.mp4"))
                        .prompt("more")
                        .seconds(ExtensionSeconds.S4)
                        .build()))
        .isExactlyInstanceOf(RateLimitException.class)
        .hasMessage(
            "429: Rate limit reached.; type: requests; code: rate_limit_exceeded;"
                + " request-id: req_429")
        .satisfies(e -> assertThat(((RateLimitException) e).requestId()).hasValue("req_429"));
    // The stream was read once: no wait for the hinted 3 s, no second attempt.
    assertThat(time.sleeps).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theSameUploadFromBytesIsRetriedWhenTheUserOptsIn() {
    server.enqueue(error(503, "Busy.", "server_error", null, null));
    server.enqueue(json(videoJson("video_1", "queued", 0)));
    client = TestSupport.clientFor(server, time).maxRetries(3).retryUnsafePosts(true).build();

    Video video =
        client.extend(
            ExtendVideoRequest.builder()
                .video(VideoReference.file(TestSupport.mp4(1000), "in.mp4"))
                .prompt("more")
                .seconds(ExtensionSeconds.S4)
                .build());

    assertThat(video.id()).isEqualTo("video_1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
