package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.error;
import static io.github.openaivideos.TestSupport.json;
import static io.github.openaivideos.TestSupport.videoJson;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.github.openaivideos.TestSupport.TestTime;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.ExtensionSeconds;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoModelName;
import io.github.openaivideos.models.VideoSize;
import io.github.openaivideos.models.VideoStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
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
import org.junit.jupiter.params.provider.ValueSource;

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
  void aStartedJobWithoutAnIdEndsTheWaitAsAnInvalidResponseAndNothingIsPolled() {
    server.enqueue(json("{\"object\":\"video\",\"status\":\"queued\"}"));
    CreateVideoRequest request = CreateVideoRequest.builder().prompt("a cat").build();

    assertThatThrownBy(() -> client.createAndWait(request, p -> {}))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage("create got a video without an id, which the spec requires");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "."})
  void aStartedJobWhoseIdWouldChangeTheUrlPathEndsTheWaitAsAnInvalidResponse(String id) {
    server.enqueue(json(videoJson(id, "queued", 0)));
    CreateVideoRequest request = CreateVideoRequest.builder().prompt("a cat").build();

    assertThatThrownBy(() -> client.createAndWait(request, p -> {}))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "create got a video whose id \""
                + id
                + "\" would change the URL path; it cannot be"
                + " waited for");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aStartedJobWithABlankIdEndsTheWaitAsAnInvalidResponse() {
    server.enqueue(json(videoJson(" ", "queued", 0)));
    CreateVideoRequest request = CreateVideoRequest.builder().prompt("a cat").build();

    assertThatThrownBy(() -> client.createAndWait(request, p -> {}))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage("create got a video with a blank id; it cannot be waited for");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anAsyncExtendWhoseJobIdIsDotDotFailsWithAnInvalidResponse() {
    server.enqueue(json(videoJson("..", "queued", 0)));
    ExtendVideoRequest request =
        ExtendVideoRequest.builder()
            .video(VideoReference.id("video_1"))
            .prompt("more")
            .seconds(ExtensionSeconds.S4)
            .build();

    assertThatThrownBy(() -> client.async().extendAndWait(request, p -> {}).get(10, SECONDS))
        .isExactlyInstanceOf(ExecutionException.class)
        .cause()
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "extend got a video whose id \"..\" would change the URL path; it cannot be waited"
                + " for");
    assertThat(server.getRequestCount()).isEqualTo(1);
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
  void videoWithoutIdParsesAndItsIdAccessorSaysTheServerLeftItOut() {
    server.enqueue(json("{\"status\":\"queued\"}"));

    Video video = client.retrieve("video_1");

    assertThat(video.findId()).isEmpty();
    assertThat(video.status()).isSameAs(VideoStatus.QUEUED);
    assertThatThrownBy(video::id)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("Video.id is required by the spec but the server did not send it");
  }

  @Test
  void unknownStatusModelSizeAndExtraFieldsParse() {
    server.enqueue(
        json(
            videoJson("video_1", "archived", 100, "28", "null")
                .replace("\"sora-2\"", "\"sora-9-ultra\"")
                .replace("\"1280x720\"", "\"string\"")
                .replace(
                    "{\"id\"",
                    "{\"quality\":\"high\",\"render\":{\"passes\":2,\"tags\":[\"a\"]},\"id\"")));

    Video video = client.retrieve("video_1");

    assertThat(video.status().isKnown()).isFalse();
    assertThat(video.status().value()).isEqualTo("archived");
    assertThat(video.status().toString()).isEqualTo("archived");
    assertThat(video.status()).isEqualTo(VideoStatus.of("archived"));
    assertThat(video.status()).isNotEqualTo(VideoStatus.COMPLETED);
    assertThat(video.model().isKnown()).isFalse();
    assertThat(video.model().value()).isEqualTo("sora-9-ultra");
    assertThat(video.model()).isEqualTo(VideoModelName.of("sora-9-ultra"));
    assertThat(video.size().isKnown()).isFalse();
    assertThat(video.size().value()).isEqualTo("string");
    assertThat(video.seconds()).isEqualTo("28");
    assertThat(video.additionalProperties())
        .containsExactly(
            entry("quality", "high"), entry("render", Map.of("passes", 2L, "tags", List.of("a"))));
  }

  @Test
  void knownValuesParseToTheConstantsThemselves() {
    server.enqueue(json(videoJson("video_1", "in_progress", 50)));

    Video video = client.retrieve("video_1");

    assertThat(video.status()).isSameAs(VideoStatus.IN_PROGRESS);
    assertThat(video.status().isKnown()).isTrue();
    assertThat(video.model()).isSameAs(VideoModelName.SORA_2);
    assertThat(video.size()).isSameAs(VideoSize.S1280x720);
    assertThat(video.additionalProperties()).isEmpty();
  }

  @Test
  void nullsWhereValuesAreExpectedReadAsAbsent() {
    server.enqueue(
        json(
            "{\"id\":\"video_1\",\"object\":null,\"model\":null,\"status\":null,\"progress\":null,"
                + "\"created_at\":null,\"size\":null,\"seconds\":\"string\"}"));

    Video video = client.retrieve("video_1");

    assertThat(video.findStatus()).isEmpty();
    assertThat(video.findProgress()).isEmpty();
    assertThat(video.findModel()).isEmpty();
    assertThat(video.findSize()).isEmpty();
    assertThat(video.findCreatedAt()).isEmpty();
    assertThat(video.seconds()).isEqualTo("string");
    assertThat(video.error()).isEmpty();
    assertThat(video.completedAt()).isEmpty();
    assertThat(video.additionalProperties()).isEmpty();
    assertThatThrownBy(video::status)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("Video.status is required by the spec but the server did not send it");
    assertThatThrownBy(video::progress)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("Video.progress is required by the spec but the server did not send it");
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
