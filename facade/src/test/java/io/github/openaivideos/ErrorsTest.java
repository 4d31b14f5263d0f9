package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.error;
import static io.github.openaivideos.TestSupport.json;
import static io.github.openaivideos.TestSupport.videoJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.github.openaivideos.TestSupport.TestTime;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Error statuses become typed exceptions; broken bodies become {@link InvalidResponseException}.
 */
class ErrorsTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private VideosClient client;

  @BeforeEach
  void setUp() {
    client = TestSupport.clientFor(server, new TestTime()).maxRetries(0).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class),
        Arguments.of(401, AuthenticationException.class),
        Arguments.of(403, PermissionDeniedException.class),
        Arguments.of(404, NotFoundException.class),
        Arguments.of(409, ConflictException.class),
        Arguments.of(422, UnprocessableEntityException.class),
        Arguments.of(429, RateLimitException.class),
        Arguments.of(500, InternalServerException.class),
        Arguments.of(503, InternalServerException.class),
        Arguments.of(418, ApiException.class));
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void eachStatusFamilyHasItsException(int status, Class<? extends ApiException> type) {
    server.enqueue(error(status, "Nope.", "invalid_request_error", "prompt", "bad_prompt"));

    assertThatThrownBy(() -> client.retrieve("video_1"))
        .isExactlyInstanceOf(type)
        .hasMessage(
            status
                + ": Nope.; type: invalid_request_error; param: prompt; code: bad_prompt; request-id: req_"
                + status);
  }

  @Test
  void apiExceptionCarriesEveryFieldOfTheErrorBody() {
    server.enqueue(error(404, "No such video: video_x", "invalid_request_error", null, null));

    assertThatThrownBy(() -> client.retrieve("video_x"))
        .asInstanceOf(type(NotFoundException.class))
        .satisfies(
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.errorMessage()).isEqualTo("No such video: video_x");
              assertThat(e.type()).hasValue("invalid_request_error");
              assertThat(e.param()).isEmpty();
              assertThat(e.code()).isEmpty();
              assertThat(e.requestId()).hasValue("req_404");
              assertThat(e.headers()).containsKey("x-request-id");
            });
  }

  @Test
  void htmlErrorPageBecomesAnApiExceptionWithTheStatusLine() {
    server.enqueue(
        new MockResponse.Builder()
            .code(502)
            .addHeader("Content-Type", "text/html")
            .body("<html><body>Bad gateway</body></html>")
            .build());

    assertThatThrownBy(() -> client.retrieve("video_1"))
        .isExactlyInstanceOf(InternalServerException.class)
        .hasMessage("502: HTTP 502 Server Error (body: <html><body>Bad gateway</body></html>)");
  }

  @Test
  void malformedJsonOnSuccessIsAnInvalidResponseWithTheRequestId() {
    server.enqueue(json("{\"id\": \"video_1\", \"status\": "));

    assertThatThrownBy(() -> client.retrieve("video_1"))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith(
            "retrieve got status 200 but the body is not the JSON the contract promises")
        .hasMessageEndingWith("; request-id: req_200");
  }

  @Test
  void emptySuccessBodyIsAnInvalidResponse() {
    server.enqueue(json(""));

    assertThatThrownBy(() -> client.retrieve("video_1"))
        .isExactlyInstanceOf(InvalidResponseException.class);
  }

  @Test
  void htmlOnSuccessIsAnInvalidResponse() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/html")
            .body("<html>hi</html>")
            .build());

    assertThatThrownBy(() -> client.retrieve("video_1"))
        .isExactlyInstanceOf(InvalidResponseException.class);
  }

  @Test
  void videoWithoutIdIsAnInvalidResponse() {
    server.enqueue(json("{\"status\":\"queued\"}"));

    assertThatThrownBy(() -> client.retrieve("video_1"))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage("retrieve got status 200 but the video has no id; request-id: req_200");
  }

  @Test
  void unknownStatusModelSizeAndExtraFieldsParse() {
    server.enqueue(
        json(
            videoJson("video_1", "archived", 100, "24", "null")
                .replace("\"sora-2\"", "\"sora-9-ultra\"")
                .replace("\"1280x720\"", "\"string\"")
                .replace("{\"id\"", "{\"quality\":\"high\",\"id\"")));

    Video video = client.retrieve("video_1");

    assertThat(video.status()).isEqualTo(VideoStatus.UNKNOWN);
    assertThat(video.model().value()).isEqualTo("sora-9-ultra");
    assertThat(video.size().value()).isEqualTo("string");
    assertThat(video.size().dimensions()).isEmpty();
    assertThat(video.seconds()).hasValue(24);
  }

  @Test
  void nullsWhereValuesAreExpectedReadAsDefaults() {
    server.enqueue(
        json(
            "{\"id\":\"video_1\",\"object\":null,\"model\":null,\"status\":null,\"progress\":null,"
                + "\"created_at\":null,\"size\":null,\"seconds\":\"string\"}"));

    Video video = client.retrieve("video_1");

    assertThat(video.status()).isEqualTo(VideoStatus.UNKNOWN);
    assertThat(video.progress()).isZero();
    assertThat(video.seconds()).isEmpty();
    assertThat(video.secondsText()).isEqualTo("string");
    assertThat(video.error()).isEmpty();
  }

  @Test
  void connectionRefusedIsAnApiConnectionException() {
    VideosClient offline =
        VideosClient.builder().apiKey("k").baseUrl("http://127.0.0.1:1/v1").maxRetries(0).build();

    assertThatThrownBy(() -> offline.retrieve("video_1"))
        .isExactlyInstanceOf(ApiConnectionException.class)
        .hasMessageStartingWith("retrieve failed to get a response: ConnectException");
    offline.close();
  }
}
