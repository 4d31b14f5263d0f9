package io.github.openaivideos.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.openaivideos.ApiException;
import io.github.openaivideos.BadRequestException;
import io.github.openaivideos.NotFoundException;
import io.github.openaivideos.UnprocessableEntityException;
import io.github.openaivideos.VideoPage;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.DeletedVideo;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoCharacter;
import io.github.openaivideos.models.VideoModelName;
import io.github.openaivideos.models.VideoSize;
import io.github.openaivideos.models.VideoStatus;
import java.io.ByteArrayOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 4, part 2b: the SDK parses every response the spec allows, and the edge cases servers
 * really send beyond it: bodies built from the spec's own examples (every field, or every nullable
 * field null), then unknown enum values, open values, extra fields and missing fields, served by
 * MockWebServer.
 */
class FacadeParsesResponsesTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private final SpecExamples examples = new SpecExamples(Spec.project());
  private VideosClient client;

  @BeforeEach
  void connect() {
    client =
        VideosClient.builder()
            .apiKey(Fixtures.API_KEY)
            .baseUrl(server.url("/v1/").toString())
            .maxRetries(0)
            .build();
  }

  @AfterEach
  void disconnect() {
    client.close();
  }

  // ---------------------------------------------------------------- built from the spec

  @ParameterizedTest
  @EnumSource(SpecExamples.Nulls.class)
  void aVideoBuiltFromTheSpecParses(SpecExamples.Nulls nulls) {
    JsonNode body = validExample("Video", nulls);
    serve(body.toString());

    Video video = client.retrieve("video_123");

    assertThat(video.id()).isEqualTo(body.get("id").asText());
    assertThat(video._object()).isEqualTo(body.get("object").asText());
    assertThat(video.model().value()).isEqualTo(body.get("model").asText());
    assertThat(video.status().value()).isEqualTo(body.get("status").asText());
    assertThat(video.progress()).isEqualTo(body.get("progress").asInt());
    assertThat(video.createdAt()).isEqualTo(body.get("created_at").asLong());
    assertThat(video.size().value()).isEqualTo(body.get("size").asText());
    assertThat(video.seconds()).isEqualTo(body.get("seconds").asText());
    assertThat(video.prompt().isPresent()).isEqualTo(!body.get("prompt").isNull());
    assertThat(video.completedAt().isPresent()).isEqualTo(!body.get("completed_at").isNull());
    assertThat(video.expiresAt().isPresent()).isEqualTo(!body.get("expires_at").isNull());
    assertThat(video.remixedFromVideoId().isPresent())
        .isEqualTo(!body.get("remixed_from_video_id").isNull());
    assertThat(video.error().isPresent()).isEqualTo(!body.get("error").isNull());
  }

  @ParameterizedTest
  @EnumSource(SpecExamples.Nulls.class)
  void aVideoListBuiltFromTheSpecParses(SpecExamples.Nulls nulls) {
    JsonNode body = validExample("VideoList", nulls);
    serve(body.toString());

    VideoPage page = client.list();

    assertThat(page.data()).hasSize(body.get("data").size());
    assertThat(page.hasMore()).isEqualTo(body.get("has_more").asBoolean());
    assertThat(page.response().firstId().isPresent()).isEqualTo(!body.get("first_id").isNull());
    assertThat(page.response().lastId().isPresent()).isEqualTo(!body.get("last_id").isNull());
  }

  @Test
  void aDeletionBuiltFromTheSpecParses() {
    JsonNode body = validExample("DeletedVideo", SpecExamples.Nulls.FILLED);
    serve(body.toString());

    DeletedVideo deleted = client.delete("video_123");

    assertThat(deleted.id()).isEqualTo(body.get("id").asText());
    assertThat(deleted.deleted()).isEqualTo(body.get("deleted").asBoolean());
  }

  @ParameterizedTest
  @EnumSource(SpecExamples.Nulls.class)
  void aCharacterBuiltFromTheSpecParses(SpecExamples.Nulls nulls) {
    JsonNode body = validExample("VideoCharacter", nulls);
    serve(body.toString());

    VideoCharacter character = client.retrieveCharacter("char_1");

    assertThat(character.id().isPresent()).isEqualTo(!body.get("id").isNull());
    assertThat(character.name().isPresent()).isEqualTo(!body.get("name").isNull());
    assertThat(character.createdAt()).isEqualTo(body.get("created_at").asLong());
  }

  @ParameterizedTest
  @EnumSource(SpecExamples.Nulls.class)
  void anErrorBuiltFromTheSpecParses(SpecExamples.Nulls nulls) {
    JsonNode body = validExample("ErrorResponse", nulls);
    server.enqueue(Fixtures.json(400, body.toString()));

    BadRequestException e =
        catchThrowableOfType(BadRequestException.class, () -> client.retrieve("video_123"));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.errorMessage()).isEqualTo(body.get("error").get("message").asText());
    assertThat(e.code().isPresent()).isEqualTo(!body.get("error").get("code").isNull());
  }

  // ---------------------------------------------------------------- beyond the spec's enums

  @Test
  void aStatusTheSpecDoesNotListIsKeptAsAnUnknownValue() {
    serve(videoWith("status", "\"archived\""));

    VideoStatus status = client.retrieve("video_123").status();

    assertThat(status.value()).isEqualTo("archived");
    assertThat(status.isKnown()).isFalse();
    assertThat(status).isNotIn(VideoStatus.knownValues());
  }

  @Test
  void theStitchedLengthOfAnExtensionIsKept() {
    serve(videoWith("seconds", "\"28\""));

    assertThat(client.retrieve("video_123").seconds()).isEqualTo("28");
  }

  @Test
  void aPlaceholderSecondsValueIsKeptAsText() {
    serve(videoWith("seconds", "\"string\""));

    assertThat(client.retrieve("video_123").seconds()).isEqualTo("string");
  }

  @Test
  void anUnknownModelAndAnUndocumentedSizeAreKept() {
    serve(videoWith("model", "\"sora-3-preview\"").replace("\"1280x720\"", "\"2560x1440\""));

    Video video = client.retrieve("video_123");

    assertThat(video.model()).isEqualTo(VideoModelName.of("sora-3-preview"));
    assertThat(video.model().isKnown()).isFalse();
    assertThat(video.size().value()).isEqualTo("2560x1440");
    assertThat(video.size().isKnown()).isFalse();
  }

  @Test
  void aDocumentedSizeReadsAsItsConstant() {
    serve(videoWith("size", "\"1920x1080\""));

    assertThat(client.retrieve("video_123").size()).isSameAs(VideoSize.S1920x1080);
  }

  @Test
  void aSizeThatIsNotWidthByHeightIsKeptAsItCame() {
    serve(Fixtures.video("video_123", "queued").replace("\"720x1280\"", "\"Lorem\""));

    VideoSize size = client.retrieve("video_123").size();

    assertThat(size.value()).isEqualTo("Lorem");
    assertThat(size.isKnown()).isFalse();
  }

  @Test
  void extraFieldsAnywhereAreIgnored() {
    String body =
        Fixtures.video("video_123", "failed")
            .replace(
                "\"error\":null",
                "\"error\":{\"code\":\"moderation_blocked\",\"message\":\"no\",\"hint\":1}")
            .replace("{\"id\"", "{\"quality\":\"high\",\"nested\":{\"a\":[1,2]},\"id\"");
    serve(body);

    Video video = client.retrieve("video_123");

    assertThat(video.status()).isEqualTo(VideoStatus.FAILED);
    assertThat(video.error())
        .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("moderation_blocked"));
    assertThat(video.additionalProperties()).containsOnlyKeys("quality", "nested");
    assertThat(video.error().orElseThrow().additionalProperties()).containsOnlyKeys("hint");
  }

  @Test
  void aVideoMissingItsRequiredFieldsParsesAndNamesWhatIsMissingWhenAsked() {
    serve("{\"id\":\"video_123\"}");

    Video video = client.retrieve("video_123");

    assertThat(video.id()).isEqualTo("video_123");
    assertThat(video.findStatus()).isEmpty();
    assertThat(video.findProgress()).isEmpty();
    assertThat(video.findCreatedAt()).isEmpty();
    assertThat(video.prompt()).isEmpty();
    assertThat(video.error()).isEmpty();
    assertThatThrownBy(video::status)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Video.status is required by the spec but the server did not send it");
  }

  @Test
  void placeholderValuesOfASpecDrivenMockParse() {
    // What Prism sends when it has no example: "string" everywhere, the smallest safe integer.
    serve(
        "{\"id\":\"string\",\"object\":\"string\",\"model\":\"string\",\"status\":\"queued\",\"progress\":0,"
            + "\"created_at\":-9007199254740991,\"completed_at\":-9007199254740991,\"expires_at\":null,"
            + "\"prompt\":\"string\",\"size\":\"string\",\"seconds\":\"string\",\"remixed_from_video_id\":\"string\","
            + "\"error\":{\"code\":\"string\",\"message\":\"string\"}}");

    Video video = client.retrieve("string");

    assertThat(video.createdAt()).isEqualTo(-9007199254740991L);
    assertThat(video.model().value()).isEqualTo("string");
    assertThat(video.size().value()).isEqualTo("string");
  }

  @Test
  void anErrorWithOnlyItsRequiredMessageParses() {
    server.enqueue(Fixtures.json(404, "{\"error\":{\"message\":\"No such video\"}}"));

    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> client.retrieve("v"));

    assertThat(e.errorMessage()).isEqualTo("No such video");
    assertThat(e.type()).isEmpty();
    assertThat(e.code()).isEmpty();
    assertThat(e.param()).isEmpty();
  }

  @Test
  void anErrorWithExtraFieldsAndAnotherStatusParses() {
    server.enqueue(
        Fixtures.json(
            422,
            "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\",\"param\":\"seconds\","
                + "\"code\":null,\"extra\":true},\"trace\":\"abc\"}"));

    ApiException e =
        catchThrowableOfType(UnprocessableEntityException.class, () -> client.retrieve("v"));

    assertThat(e.param()).hasValue("seconds");
    assertThat(e.type()).hasValue("invalid_request_error");
  }

  @Test
  void anAssetOfEveryImageTypeTheSpecListsIsAcceptedAsAThumbnail() {
    for (String type :
        Spec.project()
            .operations()
            .get("downloadVideoContent")
            .operation()
            .getResponses()
            .get("200")
            .getContent()
            .keySet()) {
      if (type.startsWith("image/")) {
        server.enqueue(
            new MockResponse.Builder().addHeader("Content-Type", type).body("img").build());
        assertThat(client.download("v", ContentVariant.THUMBNAIL, new ByteArrayOutputStream()))
            .as(type)
            .isEqualTo(3);
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /** A spec-built instance, checked to be valid first so that the test is about parsing. */
  private JsonNode validExample(String schema, SpecExamples.Nulls nulls) {
    JsonNode body = examples.of(schema, nulls);
    assertThat(examples.violations(schema, body)).as("%s example %s", schema, body).isEmpty();
    return body;
  }

  private static String videoWith(String field, String jsonValue) {
    ObjectNode video =
        (ObjectNode) new SpecExamples(Spec.project()).of("Video", SpecExamples.Nulls.FILLED);
    return video
        .toString()
        .replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*)", "\"" + field + "\":" + jsonValue);
  }

  private void serve(String body) {
    server.enqueue(Fixtures.json(200, body));
  }
}
