package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.error;
import static io.github.openaivideos.TestSupport.json;
import static io.github.openaivideos.TestSupport.videoJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.openaivideos.TestSupport.TestTime;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.CreateVideoRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that echoes the API key back, in every place a server's text can reach the caller: error
 * fields, headers, a failed job's error, a parse error's cause, ids and content types quoted in
 * messages, and the DEBUG log. Each must come out with the key replaced by {@code [REDACTED]}. The
 * key has upper-case letters: OkHttp lower-cases a media type, which must not let it through.
 */
class RedactionTest {
  private static final String KEY = "sk-Echo-0123456789ABCDEFghijklmnop";

  @StartStop final MockWebServer server = new MockWebServer();
  private final TestTime time = new TestTime();
  private VideosClient client;

  @BeforeEach
  void setUp() {
    client = TestSupport.clientFor(server, time).apiKey(KEY).maxRetries(0).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void anErrorWhoseCodeTypeAndParamEchoTheKeyIsRedactedInEveryField() {
    server.enqueue(error(400, "Bad key " + KEY + ".", "invalid_" + KEY, KEY, "code_" + KEY));

    Throwable thrown = catchThrowable(() -> client.retrieve("video_1"));

    assertThat(thrown)
        .isExactlyInstanceOf(BadRequestException.class)
        .hasMessage(
            "400: Bad key [REDACTED].; type: invalid_[REDACTED]; param: [REDACTED];"
                + " code: code_[REDACTED]; request-id: req_400");
    ApiException e = (ApiException) thrown;
    assertThat(e.errorMessage()).isEqualTo("Bad key [REDACTED].");
    assertThat(e.type()).hasValue("invalid_[REDACTED]");
    assertThat(e.param()).hasValue("[REDACTED]");
    assertThat(e.code()).hasValue("code_[REDACTED]");
    assertNoKey(thrown);
  }

  @Test
  void responseHeadersEchoingTheKeyAreRedactedInTheExceptionsHeadersAndRequestId() {
    server.enqueue(
        new MockResponse.Builder(error(404, "No such video.", "invalid_request_error", null, null))
            .setHeader("x-request-id", "req_" + KEY)
            .addHeader("X-Echo", "Bearer " + KEY)
            .build());

    Throwable thrown = catchThrowable(() -> client.retrieve("video_1"));

    assertThat(thrown)
        .isExactlyInstanceOf(NotFoundException.class)
        .hasMessage("404: No such video.; type: invalid_request_error; request-id: req_[REDACTED]");
    ApiException e = (ApiException) thrown;
    assertThat(e.requestId()).hasValue("req_[REDACTED]");
    assertThat(e.headers().get("x-echo")).containsExactly("Bearer [REDACTED]");
    assertThat(e.headers().get("x-request-id")).containsExactly("req_[REDACTED]");
    assertNoKey(thrown);
  }

  @Test
  void theStatusLinesReasonEchoingTheKeyIsRedacted() {
    server.enqueue(new MockResponse.Builder().status("HTTP/1.1 503 " + KEY).body("busy").build());

    Throwable thrown = catchThrowable(() -> client.retrieve("video_1"));

    assertThat(thrown)
        .isExactlyInstanceOf(InternalServerException.class)
        .hasMessage("503: HTTP 503 [REDACTED] (body: busy)");
    assertNoKey(thrown);
  }

  @Test
  void aKeyThatAnAbbreviatedErrorPageWouldCutIsRedactedBeforeTheCut() {
    String page = "x".repeat(195) + KEY;
    server.enqueue(
        new MockResponse.Builder()
            .code(502)
            .addHeader("Content-Type", "text/html")
            .body(page)
            .build());

    Throwable thrown = catchThrowable(() -> client.retrieve("video_1"));

    // Cut after 200 characters, the key would have left its first 5 behind: "sk-Ec".
    assertThat(thrown)
        .isExactlyInstanceOf(InternalServerException.class)
        .hasMessage("502: HTTP 502 Server Error (body: " + "x".repeat(195) + "[REDA...)");
    assertNoKey(thrown);
    assertThat(thrown.getMessage()).doesNotContain("sk-Ec");
  }

  @Test
  void aFailedJobsErrorEchoingTheKeyIsRedactedWhileItsVideoStaysAsSent() throws Exception {
    String error = "{\"code\":\"c_" + KEY + "\",\"message\":\"Bad " + KEY + ".\"}";
    server.enqueue(json(videoJson("video_1", "failed", 10, "4", error)));
    server.enqueue(json(videoJson("video_1", "failed", 10, "4", error)));

    Throwable blocking = catchThrowable(() -> client.waitUntilDone("video_1"));
    Throwable async =
        catchThrowable(() -> client.async().waitUntilDone("video_1").get(10, TimeUnit.SECONDS));

    assertThat(async).isExactlyInstanceOf(ExecutionException.class);
    for (Throwable thrown : List.of(blocking, async.getCause())) {
      assertThat(thrown)
          .isExactlyInstanceOf(VideoFailedException.class)
          .hasMessage("video video_1 failed: Bad [REDACTED].; code: c_[REDACTED]");
      VideoFailedException failed = (VideoFailedException) thrown;
      assertThat(failed.code()).hasValue("c_[REDACTED]");
      assertThat(failed.errorMessage()).hasValue("Bad [REDACTED].");
      // The video is the caller's data, kept as the server sent it (see the README).
      assertThat(failed.video().error().orElseThrow().message()).isEqualTo("Bad " + KEY + ".");
      assertNoKey(thrown);
    }
  }

  @Test
  void aParseErrorEchoingTheKeyIsKeptAsASanitizedCopyOfItsCause() {
    server.enqueue(
        json(
            videoJson("video_1", "queued", 0)
                .replace("\"progress\":0", "\"progress\":\"" + KEY + "\"")));

    Throwable thrown = catchThrowable(() -> client.retrieve("video_1"));

    assertThat(thrown)
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "retrieve got status 200 but the body is not the JSON the contract promises:"
                + " Expected an int but was [REDACTED] at path $.progress; request-id: req_200");
    Throwable cause = thrown.getCause();
    // The copy names the original class and keeps its stack trace (it was thrown inside Moshi).
    assertThat(cause)
        .hasMessage(
            "com.squareup.moshi.JsonDataException: Expected an int but was [REDACTED] at path"
                + " $.progress");
    assertThat(cause.toString()).isEqualTo(cause.getMessage());
    assertThat(cause.getStackTrace()).isNotEmpty();
    assertThat(cause.getStackTrace()[0].getClassName()).startsWith("com.squareup.moshi.");
    assertNoKey(thrown);
  }

  @Test
  void aMalformedStatusLineEchoingTheKeyLeavesNoTraceInTheConnectionFailureOrItsCause() {
    server.enqueue(new MockResponse.Builder().status("HTTP/1.1 2OO " + KEY).body("{}").build());

    Throwable thrown = catchThrowable(() -> client.retrieve("video_1"));

    assertThat(thrown)
        .isExactlyInstanceOf(ApiConnectionException.class)
        .hasMessage(
            "retrieve failed to get a response: ProtocolException: Unexpected status line:"
                + " HTTP/1.1 2OO [REDACTED]");
    assertThat(thrown.getCause())
        .hasMessage("java.net.ProtocolException: Unexpected status line: HTTP/1.1 2OO [REDACTED]");
    assertNoKey(thrown);
  }

  @Test
  void anIdEchoingTheKeyIsRedactedWhereverAMessageQuotesIt() {
    server.enqueue(json(videoJson(KEY, "in_progress", 10)));
    server.enqueue(json(videoJson(KEY, "in_progress", 10)));
    server.enqueue(
        json(
            videoJson(
                KEY, "failed", 10, "4", "{\"code\":\"moderation_blocked\",\"message\":\"No.\"}")));
    String page = "{\"object\":\"list\",\"data\":[],\"has_more\":true,\"last_id\":\"" + KEY + "\"}";
    server.enqueue(json(page));
    server.enqueue(json(page));

    Throwable timedOut =
        catchThrowable(() -> client.waitUntilDone("video_1", Duration.ofSeconds(1), p -> {}));
    Throwable failed = catchThrowable(() -> client.waitUntilDone("video_1"));
    Throwable paged = catchThrowable(() -> client.list().stream().count());

    assertThat(timedOut)
        .isExactlyInstanceOf(WaitTimeoutException.class)
        .hasMessage("video [REDACTED] was still in_progress (10%) after waiting PT1S");
    assertThat(failed)
        .isExactlyInstanceOf(VideoFailedException.class)
        .hasMessage("video [REDACTED] failed: No.; code: moderation_blocked");
    assertThat(paged)
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "list: the server says has_more but its cursor did not move from [REDACTED];"
                + " stopping instead of fetching the same page again");
    assertNoKey(timedOut);
    assertNoKey(failed);
    assertNoKey(paged);
  }

  @Test
  void aDownloadsContentTypeEchoingTheKeyIsRedactedEvenLowerCased() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/" + KEY)
            .setHeader("x-request-id", KEY)
            .body("not a video")
            .build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    Throwable thrown = catchThrowable(() -> client.download("video_1", ContentVariant.VIDEO, out));

    assertThat(thrown)
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "download of video of video video_1 came as text/[REDACTED], expected video/*;"
                + " nothing was written; request-id: [REDACTED]");
    assertThat(((InvalidResponseException) thrown).requestId()).hasValue("[REDACTED]");
    assertThat(out.size()).isZero();
    assertNoKey(thrown);
  }

  @Test
  void debugLinesQuotingAnEchoedIdRequestIdOrErrorAreRedacted() {
    Logger logger = Logger.getLogger("io.github.openaivideos");
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Level before = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
    try (VideosClient retrying = client.newBuilder().maxRetries(1).build()) {
      server.enqueue(
          new MockResponse.Builder(json(videoJson(KEY, "queued", 0)))
              .setHeader("x-request-id", "req_" + KEY)
              .build());
      server.enqueue(error(503, "Busy " + KEY + ".", "server_error", null, null));
      server.enqueue(
          new MockResponse.Builder(json(videoJson(KEY, "completed", 100)))
              .setHeader("x-request-id", KEY)
              .build());

      retrying.createAndWait(CreateVideoRequest.builder().prompt("a cat").build(), p -> {});
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(before);
    }

    assertThat(lines)
        .extracting(line -> line.replaceAll("\\d+ ms", "N ms"))
        .containsExactly(
            "create POST /v1/videos attempt 1 in N ms: ok 200 request-id req_[REDACTED]",
            "retrieve GET /v1/videos/[REDACTED] attempt 1 in N ms: retry in N ms after:"
                + " 503: Busy [REDACTED].; type: server_error; request-id: req_503",
            "retrieve GET /v1/videos/[REDACTED] attempt 2 in N ms: ok 200 request-id [REDACTED]");
  }

  /** The key is nowhere in the exception: not in a message, cause, suppressed one or field. */
  private static void assertNoKey(Throwable thrown) {
    StringWriter text = new StringWriter();
    thrown.printStackTrace(new PrintWriter(text));
    if (thrown instanceof ApiException e) {
      text.append(e.error().toString());
    }
    if (thrown instanceof VideoFailedException e) {
      text.append(e.code().orElse("")).append(e.errorMessage().orElse(""));
    }
    if (thrown instanceof InvalidResponseException e) {
      text.append(e.requestId().orElse(""));
    }
    assertThat(text.toString()).isNotEmpty().doesNotContainIgnoringCase(KEY);
  }
}
