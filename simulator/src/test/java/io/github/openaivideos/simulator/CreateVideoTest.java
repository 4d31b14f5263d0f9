package io.github.openaivideos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateVideoTest {
  /** How every invalid_file_type message ends: what the simulator (and the service) go by. */
  static final String DECLARED_TYPE_COUNTS =
      " The type is the Content-Type declared on the file part, not the file name or its bytes:"
          + " declare the file's real type there.";

  private static VideosSimulator sim;
  private static Api api;

  @BeforeAll
  static void start() {
    sim = VideosSimulator.builder().timing(Timing.defaults()).build().start();
    api = new Api(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void jsonCreateAppliesDefaultsAndReturnsAQueuedVideoWithEveryRequiredField() {
    HttpResponse<String> response =
        api.postJson("videos", "{\"prompt\":\"a cat on a skateboard\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    JsonNode video = Api.json(response);
    assertThat(video.get("id").asText()).startsWith("video_");
    assertThat(video.get("object").asText()).isEqualTo("video");
    assertThat(video.get("model").asText()).isEqualTo("sora-2");
    assertThat(video.get("status").asText()).isEqualTo("queued");
    assertThat(video.get("progress").asInt()).isZero();
    assertThat(video.get("created_at").isIntegralNumber()).isTrue();
    assertThat(video.get("completed_at").isNull()).isTrue();
    assertThat(video.get("expires_at").isNull()).isTrue();
    assertThat(video.get("prompt").asText()).isEqualTo("a cat on a skateboard");
    assertThat(video.get("size").asText()).isEqualTo("720x1280");
    assertThat(video.get("seconds").isTextual()).isTrue();
    assertThat(video.get("seconds").asText()).isEqualTo("4");
    assertThat(video.get("remixed_from_video_id").isNull()).isTrue();
    assertThat(video.get("error").isNull()).isTrue();
    assertThat(fieldNames(video))
        .containsExactly(
            "id",
            "object",
            "model",
            "status",
            "progress",
            "created_at",
            "completed_at",
            "expires_at",
            "prompt",
            "size",
            "seconds",
            "remixed_from_video_id",
            "error");
  }

  @Test
  void jsonCreateKeepsModelSecondsAndSize() {
    JsonNode video =
        api.create(
            "{\"prompt\":\"p\",\"model\":\"sora-2-pro\",\"seconds\":\"12\",\"size\":\"1920x1080\"}");

    assertThat(video.get("model").asText()).isEqualTo("sora-2-pro");
    assertThat(video.get("seconds").asText()).isEqualTo("12");
    assertThat(video.get("size").asText()).isEqualTo("1920x1080");
  }

  @Test
  void multipartCreateAcceptsTextFieldsAndAnImageOfTheRequestedSize() {
    Multipart form =
        new Multipart()
            .text("prompt", "from an image")
            .text("seconds", "8")
            .text("size", "1280x720")
            .file("input_reference", "first.png", "image/png", Fixtures.image("png", 1280, 720));

    HttpResponse<String> response = api.postMultipart("videos", form);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode video = Api.json(response);
    assertThat(video.get("seconds").asText()).isEqualTo("8");
    assertThat(video.get("size").asText()).isEqualTo("1280x720");
  }

  @Test
  void multipartCreateAcceptsJpegAndWebpImages() {
    Multipart jpeg =
        new Multipart()
            .text("prompt", "p")
            .file("input_reference", "a.jpg", "image/jpeg", Fixtures.image("jpeg", 720, 1280));
    Multipart webp =
        new Multipart()
            .text("prompt", "p")
            .file("input_reference", "a.webp", "image/webp", Fixtures.webpHeader(720, 1280));

    assertThat(api.postMultipart("videos", jpeg).statusCode()).isEqualTo(200);
    assertThat(api.postMultipart("videos", webp).statusCode()).isEqualTo(200);
  }

  @Test
  void multipartCreateAcceptsAnImageReferenceAsAJsonPart() {
    Multipart form =
        new Multipart()
            .text("prompt", "p")
            .json("input_reference", "{\"image_url\":\"https://example.com/a.png\"}");

    assertThat(api.postMultipart("videos", form).statusCode()).isEqualTo(200);
  }

  @Test
  void imageOfAnotherSizeIsRejected() {
    Multipart form =
        new Multipart()
            .text("prompt", "p")
            .file("input_reference", "a.png", "image/png", Fixtures.image("png", 640, 480));

    assertError(
        api.postMultipart("videos", form),
        400,
        "input_reference",
        "invalid_image_size",
        "Invalid 'input_reference': the image is 640x480 but must match the requested size"
            + " 720x1280.");
  }

  @Test
  void imageSentAsOctetStreamIsRejectedNamingTheAllowedTypes() {
    Multipart form =
        new Multipart()
            .text("prompt", "p")
            .file(
                "input_reference",
                "a.png",
                "application/octet-stream",
                Fixtures.image("png", 720, 1280));

    assertError(
        api.postMultipart("videos", form),
        400,
        "input_reference",
        "invalid_file_type",
        "Invalid file type for 'input_reference': 'application/octet-stream'. Supported types are:"
            + " 'image/jpeg', 'image/png', and 'image/webp'."
            + DECLARED_TYPE_COUNTS);
  }

  @Test
  void imageWhoseBytesDoNotMatchItsDeclaredTypeIsRejected() {
    Multipart form =
        new Multipart()
            .text("prompt", "p")
            .file("input_reference", "a.png", "image/png", Fixtures.image("jpeg", 720, 1280));

    assertError(
        api.postMultipart("videos", form),
        400,
        "input_reference",
        "invalid_file_content",
        "Invalid file 'input_reference': its content is not image/png as declared. Supported types"
            + " are: 'image/jpeg', 'image/png', and 'image/webp'.");
  }

  @Test
  void missingPromptIsRejected() {
    assertError(
        api.postJson("videos", "{\"seconds\":\"4\"}"),
        400,
        "prompt",
        "missing_required_parameter",
        "Missing required parameter: 'prompt'.");
  }

  @Test
  void emptyPromptIsRejected() {
    assertError(
        api.postJson("videos", "{\"prompt\":\"\"}"),
        400,
        "prompt",
        "string_below_min_length",
        "Invalid 'prompt': string too short. Expected a string with minimum length 1, but got an"
            + " empty string instead.");
  }

  @Test
  void promptOfExactly32000CharactersIsAcceptedAndOneMoreIsRejected() {
    String longest = "a".repeat(32000);
    assertThat(api.postJson("videos", "{\"prompt\":\"" + longest + "\"}").statusCode())
        .isEqualTo(200);

    assertError(
        api.postJson("videos", "{\"prompt\":\"" + longest + "a\"}"),
        400,
        "prompt",
        "string_above_max_length",
        "Invalid 'prompt': string too long. Expected a string with maximum length 32000, but got a"
            + " string with length 32001 instead.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"16", "5", "four"})
  void secondsOutsideFourEightTwelveAreRejected(String seconds) {
    assertError(
        api.postJson("videos", "{\"prompt\":\"p\",\"seconds\":\"" + seconds + "\"}"),
        400,
        "seconds",
        "invalid_value",
        "Invalid value for 'seconds': '"
            + seconds
            + "'. Supported values are: '4', '8', and '12'.");
  }

  @Test
  void secondsAsAJsonNumberIsRejectedAsTheWrongType() {
    assertError(
        api.postJson("videos", "{\"prompt\":\"p\",\"seconds\":8}"),
        400,
        "seconds",
        "invalid_type",
        "Invalid type for 'seconds': expected a string, but got an integer instead.");
  }

  @Test
  void undocumentedSizeIsRejectedListingTheSupportedSizes() {
    assertError(
        api.postJson("videos", "{\"prompt\":\"p\",\"size\":\"640x480\"}"),
        400,
        "size",
        "invalid_value",
        "Invalid value for 'size': '640x480'. Supported values are: '720x1280', '1280x720',"
            + " '1024x1792', '1792x1024', '1920x1080', and '1080x1920'.");
  }

  @Test
  void emptyModelIsRejected() {
    assertError(
        api.postJson("videos", "{\"prompt\":\"p\",\"model\":\"\"}"),
        400,
        "model",
        "string_below_min_length",
        "Invalid 'model': string too short. Expected a string with minimum length 1, but got an"
            + " empty string instead.");
  }

  @Test
  void unknownModelNamesAreAccepted() {
    assertThat(api.create("{\"prompt\":\"p\",\"model\":\"sora-3-preview\"}").get("model").asText())
        .isEqualTo("sora-3-preview");
  }

  @Test
  void imageReferenceObjectNeedsExactlyOneOfImageUrlOrFileId() {
    String message = "Invalid 'input_reference': provide exactly one of 'image_url' or 'file_id'.";
    assertError(
        api.postJson("videos", "{\"prompt\":\"p\",\"input_reference\":{}}"),
        400,
        "input_reference",
        "invalid_value",
        message);
    assertError(
        api.postJson(
            "videos",
            "{\"prompt\":\"p\",\"input_reference\":{\"image_url\":\"https://x/a.png\","
                + "\"file_id\":\"file-1\"}}"),
        400,
        "input_reference",
        "invalid_value",
        message);
    assertThat(
            api.postJson(
                    "videos", "{\"prompt\":\"p\",\"input_reference\":{\"file_id\":\"file-1\"}}")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void imageReferenceObjectRejectsUnknownProperties() {
    assertError(
        api.postJson(
            "videos", "{\"prompt\":\"p\",\"input_reference\":{\"file_id\":\"f\",\"url\":\"u\"}}"),
        400,
        "input_reference.url",
        "unknown_parameter",
        "Unknown parameter: 'input_reference.url'.");
  }

  @Test
  void imageUrlMustBeHttpsOrADataUrl() {
    assertError(
        api.postJson(
            "videos",
            "{\"prompt\":\"p\",\"input_reference\":{\"image_url\":\"http://example.com/a.png\"}}"),
        400,
        "input_reference.image_url",
        "invalid_value",
        "Invalid 'input_reference.image_url': expected an https URL or a base64 data URL of a"
            + " JPEG, PNG or WebP image.");
    assertThat(
            api.postJson(
                    "videos",
                    "{\"prompt\":\"p\",\"input_reference\":{\"image_url\":"
                        + "\"data:image/png;base64,iVBORw0KGgo=\"}}")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void imageReferenceAsAStringInJsonIsRejectedAsTheWrongType() {
    assertError(
        api.postJson("videos", "{\"prompt\":\"p\",\"input_reference\":\"https://x/a.png\"}"),
        400,
        "input_reference",
        "invalid_type",
        "Invalid type for 'input_reference': expected an object, but got a string instead.");
  }

  @Test
  void malformedJsonIsRejected() {
    assertError(
        api.postJson("videos", "{\"prompt\":"),
        400,
        null,
        "invalid_json",
        "We could not parse the JSON body of your request. The body must be a JSON object.");
  }

  @Test
  void unsupportedContentTypeIsRejected() {
    HttpResponse<String> response =
        api.send(
            api.request("videos")
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("prompt=p"))
                .build());

    assertError(
        response,
        400,
        null,
        "unsupported_content_type",
        "Unsupported Content-Type 'text/plain'. Send application/json or multipart/form-data.");
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * Asserts the status and the whole error object of a client error (type invalid_request_error),
   * and that the body has nothing else.
   */
  static void assertError(
      HttpResponse<String> response, int status, String param, String code, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().firstValue("x-request-id")).isPresent();
    JsonNode body = Api.json(response);
    assertThat(fieldNames(body)).containsExactly("error");
    JsonNode error = body.get("error");
    assertThat(fieldNames(error)).containsExactly("message", "type", "param", "code");
    assertThat(error.get("message").asText()).isEqualTo(message);
    assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.get("param").isNull() ? null : error.get("param").asText()).isEqualTo(param);
    assertThat(error.get("code").isNull() ? null : error.get("code").asText()).isEqualTo(code);
  }
}
