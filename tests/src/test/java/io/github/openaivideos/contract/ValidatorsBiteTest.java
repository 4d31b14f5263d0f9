package io.github.openaivideos.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The checks of part 1 bite: hand-made requests that break the contract in one way each are
 * rejected, with a message naming what is wrong. Without these, a validator that accepted
 * everything would let every conformance test pass.
 */
class ValidatorsBiteTest {
  private static final HttpUrl BASE = HttpUrl.get("http://127.0.0.1:1/v1/");
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final MediaType PNG = MediaType.get("image/png");
  private static final MediaType MP4 = MediaType.get("video/mp4");

  private final ContractValidator contract = ContractValidator.forProjectSpec();

  // ---------------------------------------------------------------- JSON, via
  // swagger-request-validator

  @Test
  void aConformingJsonRequestPasses() {
    assertThat(contract.checkRequest(json("videos", "{\"prompt\":\"a cat\",\"seconds\":\"8\"}")))
        .isEmpty();
  }

  @Test
  void jsonCreateWithAClipLengthOutsideTheEnumIsRejected() {
    assertThat(contract.checkRequest(json("videos", "{\"prompt\":\"a cat\",\"seconds\":\"5\"}")))
        .singleElement()
        .asString()
        .startsWith("validation.request.body.schema.enum")
        .contains("\"5\"");
  }

  @Test
  void jsonEditWithoutItsRequiredVideoIsRejected() {
    assertThat(contract.checkRequest(json("videos/edits", "{\"prompt\":\"night\"}")))
        .singleElement()
        .asString()
        .startsWith("validation.request.body.schema.required")
        .contains("video");
  }

  @Test
  void jsonImageReferenceWithBothUrlAndFileIdIsRejected() {
    String body =
        "{\"prompt\":\"a\",\"input_reference\":{\"image_url\":\"https://e.com/a.png\",\"file_id\":\"f\"}}";
    assertThat(contract.checkRequest(json("videos", body))).isNotEmpty();
  }

  @Test
  void aRequestWithoutTheBearerKeyIsRejected() {
    HttpExchange.WireRequest request =
        new HttpExchange.WireRequest("GET", BASE.resolve("videos"), Headers.of(), null);
    assertThat(contract.checkRequest(request))
        .containsExactly(
            "security: no 'Authorization: Bearer <key>' header (the spec's bearerAuth)");
  }

  @Test
  void jsonCreateWithAModelAndASizeTheExtensibleEnumsDoNotListPasses() {
    String body = "{\"prompt\":\"a cat\",\"model\":\"sora-3-preview\",\"size\":\"2560x1440\"}";
    assertThat(contract.checkRequest(json("videos", body))).isEmpty();
  }

  @Test
  void jsonCreateWithASizeThatBreaksItsPatternIsRejectedThoughItsEnumIsExtensible() {
    String body = "{\"prompt\":\"a cat\",\"size\":\"big\"}";
    assertThat(contract.checkRequest(json("videos", body)))
        .singleElement()
        .asString()
        .startsWith("validation.request.body.schema.pattern")
        .contains("\"big\"");
  }

  @Test
  void aContentVariantTheSpecDoesNotListIsRejectedInARequestQuery() {
    HttpExchange.WireRequest request =
        new HttpExchange.WireRequest(
            "GET", BASE.resolve("videos/video_1/content?variant=poster"), auth(), null);
    assertThat(contract.checkRequest(request))
        .singleElement()
        .asString()
        .startsWith("validation.request.parameter.schema.enum")
        .contains("\"poster\"");
  }

  @Test
  void aListLimitAboveTheMaximumIsRejected() {
    HttpExchange.WireRequest request =
        new HttpExchange.WireRequest("GET", BASE.resolve("videos?limit=101"), auth(), null);
    assertThat(contract.checkRequest(request))
        .singleElement()
        .asString()
        .startsWith("validation.request.parameter.schema.maximum");
  }

  @Test
  void anUndocumentedPathIsRejected() {
    assertThat(contract.checkRequest(json("video", "{\"prompt\":\"a\"}")))
        .anyMatch(m -> m.startsWith("validation.request.path.missing"));
  }

  // ---------------------------------------------------------------- multipart, via
  // MultipartContract

  @Test
  void aConformingMultipartRequestPasses() {
    MultipartBody body =
        form()
            .addFormDataPart("prompt", "a cat")
            .addFormDataPart("seconds", "8")
            .addFormDataPart("input_reference", "f.png", RequestBody.create(new byte[] {1}, PNG))
            .build();
    assertThat(contract.checkRequest(multipart("videos", body))).isEmpty();
  }

  @Test
  void multipartCreateWithoutPromptIsRejected() {
    MultipartBody body = form().addFormDataPart("seconds", "8").build();
    assertThat(contract.checkRequest(multipart("videos", body)))
        .containsExactly(
            "CreateVideoRequest: Object has missing required properties ([\"prompt\"])");
  }

  @Test
  void multipartCreateWithAClipLengthOutsideTheEnumIsRejected() {
    MultipartBody body =
        form().addFormDataPart("prompt", "a").addFormDataPart("seconds", "5").build();
    assertThat(contract.checkRequest(multipart("videos", body)))
        .singleElement()
        .asString()
        .isEqualTo(
            "CreateVideoRequest: [Path '/seconds'] Instance value (\"5\") not found in enum"
                + " (possible values: [\"4\",\"8\",\"12\"])");
  }

  @Test
  void multipartCreateWithAModelTheExtensibleEnumDoesNotListPasses() {
    MultipartBody body =
        form().addFormDataPart("prompt", "a").addFormDataPart("model", "sora-3-preview").build();
    assertThat(contract.checkRequest(multipart("videos", body))).isEmpty();
  }

  @Test
  void multipartPartWithAnUnknownNameIsRejected() {
    MultipartBody body =
        form().addFormDataPart("prompt", "a").addFormDataPart("promt", "a").build();
    assertThat(contract.checkRequest(multipart("videos", body)))
        .containsExactly(
            "part 'promt' is not a property of CreateVideoRequest"
                + " [prompt, model, seconds, size, input_reference]");
  }

  @Test
  void anUploadLabelledOctetStreamIsRejected() {
    MultipartBody body =
        form()
            .addFormDataPart("name", "Mossy")
            .addFormDataPart(
                "video",
                "m.mp4",
                RequestBody.create(new byte[] {1}, MediaType.get("application/octet-stream")))
            .build();
    assertThat(contract.checkRequest(multipart("videos/characters", body)))
        .containsExactly(
            "part 'video' has Content-Type application/octet-stream; the spec's encoding allows [video/mp4]");
  }

  @Test
  void anImageUploadedWhereAVideoBelongsIsRejected() {
    MultipartBody body =
        form()
            .addFormDataPart("prompt", "a")
            .addFormDataPart("video", "f.png", RequestBody.create(new byte[] {1}, PNG))
            .build();
    assertThat(contract.checkRequest(multipart("videos/edits", body)))
        .containsExactly(
            "part 'video' has Content-Type image/png; the spec's encoding allows [video/mp4, application/json]");
  }

  @Test
  void aVideoIdSentAsAPlainTextFieldIsRejected() {
    MultipartBody body =
        form().addFormDataPart("prompt", "a").addFormDataPart("video", "video_1").build();
    assertThat(contract.checkRequest(multipart("videos/edits", body)))
        .containsExactly(
            "part 'video' is sent as a text field but EditVideoRequest.video allows [FILE, JSON_OBJECT]",
            "EditVideoRequest: Object has missing required properties ([\"video\"])");
  }

  @Test
  void aJsonReferencePartWithoutItsIdIsRejected() {
    MultipartBody body =
        form()
            .addFormDataPart("prompt", "a")
            .addFormDataPart("video", null, RequestBody.create("{\"video_id\":\"v\"}", JSON))
            .build();
    assertThat(contract.checkRequest(multipart("videos/edits", body)))
        .singleElement()
        .asString()
        .startsWith("EditVideoRequest: ");
  }

  @Test
  void aFileWhereTheSpecWantsTextIsRejected() {
    MultipartBody body =
        form().addFormDataPart("prompt", "p.png", RequestBody.create(new byte[] {1}, PNG)).build();
    assertThat(contract.checkRequest(multipart("videos", body)))
        .containsExactly(
            "part 'prompt' is sent as a file (p.png, image/png) but CreateVideoRequest.prompt allows [TEXT]",
            "CreateVideoRequest: Object has missing required properties ([\"prompt\"])");
  }

  @Test
  void aCharacterVideoSentAsAJsonReferenceIsRejected() {
    MultipartBody body =
        form()
            .addFormDataPart("name", "Mossy")
            .addFormDataPart("video", null, RequestBody.create("{\"id\":\"video_1\"}", JSON))
            .build();
    assertThat(contract.checkRequest(multipart("videos/characters", body)))
        .containsExactly(
            "part 'video' is sent as a JSON part but CreateCharacterRequest.video allows [FILE]",
            "CreateCharacterRequest: Object has missing required properties ([\"video\"])");
  }

  @Test
  void aRepeatedPartIsRejected() {
    MultipartBody body =
        form().addFormDataPart("prompt", "a").addFormDataPart("prompt", "b").build();
    assertThat(contract.checkRequest(multipart("videos/x/remix", body)))
        .containsExactly("part 'prompt' appears more than once");
  }

  @Test
  void aCharacterNameLongerThanTheSpecAllowsIsRejected() {
    MultipartBody body =
        form()
            .addFormDataPart("name", "M".repeat(81))
            .addFormDataPart("video", "m.mp4", RequestBody.create(new byte[] {1}, MP4))
            .build();
    assertThat(contract.checkRequest(multipart("videos/characters", body)))
        .singleElement()
        .asString()
        .contains("is too long");
  }

  // ---------------------------------------------------------------- responses, via
  // swagger-request-validator

  @Test
  void aConformingVideoResponsePasses() {
    assertThat(videoResponse(Fixtures.video("video_1", "queued"))).isEmpty();
  }

  @Test
  void aVideoResponseWithoutItsStatusIsRejected() {
    String body = Fixtures.video("video_1", "queued").replace("\"status\":\"queued\",", "");
    assertThat(videoResponse(body))
        .singleElement()
        .asString()
        .startsWith("validation.response.body.schema.required")
        .contains("status");
  }

  @Test
  void aStatusAModelAndASizeTheExtensibleEnumsDoNotListPassInAServersResponse() {
    String body =
        Fixtures.video("video_1", "archived")
            .replace("\"sora-2\"", "\"sora-3-preview\"")
            .replace("\"720x1280\"", "\"2560x1440\"");
    assertThat(videoResponse(body)).isEmpty();
    assertThat(response("videos", Fixtures.page(body, body))).isEmpty();
  }

  @Test
  void aStatusTheSpecDoesNotListIsRejectedWhenItsEnumIsNotMarkedExtensible() {
    String strict =
        Spec.project()
            .text()
            .replace(
                "enum: [queued, in_progress, completed, failed]\n      x-extensible-enum: true\n",
                "enum: [queued, in_progress, completed, failed]\n");
    assertThat(strict).isNotEqualTo(Spec.project().text());
    ContractValidator strictContract = new ContractValidator(Spec.fromText(strict), "/v1");

    assertThat(
            strictContract.checkResponse(
                get("videos/video_1"), ok(Fixtures.video("video_1", "archived"))))
        .singleElement()
        .asString()
        .startsWith("validation.response.body.schema.enum")
        .contains("\"archived\"");
  }

  @Test
  void aSizeThatBreaksItsPatternIsRejectedInAServersResponse() {
    String body = Fixtures.video("video_1", "queued").replace("\"720x1280\"", "\"Lorem\"");
    assertThat(videoResponse(body))
        .singleElement()
        .asString()
        .startsWith("validation.response.body.schema.pattern");
  }

  @Test
  void aMalformedJobErrorIsRejectedDespiteTheNullErrorWorkaround() {
    String body =
        Fixtures.video("video_1", "failed").replace("\"error\":null", "\"error\":{\"code\":1}");
    assertThat(videoResponse(body)).isNotEmpty();
  }

  @Test
  void anErrorBodyWithoutTheErrorObjectIsRejected() {
    HttpExchange.WireResponse response =
        new HttpExchange.WireResponse(
            404,
            Headers.of("Content-Type", "application/json"),
            "{\"message\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    HttpExchange.WireRequest request =
        new HttpExchange.WireRequest("GET", BASE.resolve("videos"), auth(), null);
    assertThat(contract.checkResponse(request, response))
        .anyMatch(m -> m.startsWith("validation.response.body.schema.required"));
  }

  @Test
  void anAssetWithAnUndocumentedContentTypeIsRejected() {
    HttpExchange.WireResponse response =
        new HttpExchange.WireResponse(
            200, Headers.of("Content-Type", "application/octet-stream"), new byte[] {1});
    HttpExchange.WireRequest request =
        new HttpExchange.WireRequest("GET", BASE.resolve("videos/v/content"), auth(), null);
    assertThat(contract.checkResponse(request, response))
        .anyMatch(m -> m.startsWith("validation.response.contentType.notAllowed"));
  }

  // ---------------------------------------------------------------- helpers

  private List<String> videoResponse(String body) {
    return response("videos/video_1", body);
  }

  /** The problems of a 200 JSON response to a GET of {@code path}. */
  private List<String> response(String path, String body) {
    return contract.checkResponse(get(path), ok(body));
  }

  private static HttpExchange.WireRequest get(String path) {
    return new HttpExchange.WireRequest("GET", BASE.resolve(path), auth(), null);
  }

  private static HttpExchange.WireResponse ok(String json) {
    return new HttpExchange.WireResponse(
        200, Headers.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
  }

  private static Headers auth() {
    return Headers.of("Authorization", "Bearer " + Fixtures.API_KEY);
  }

  private static HttpExchange.WireRequest json(String path, String body) {
    Headers headers = auth().newBuilder().add("Content-Type", JSON.toString()).build();
    return new HttpExchange.WireRequest(
        "POST", BASE.resolve(path), headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpExchange.WireRequest multipart(String path, MultipartBody body) {
    Buffer buffer = new Buffer();
    try {
      body.writeTo(buffer);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Headers headers =
        auth().newBuilder().add("Content-Type", body.contentType().toString()).build();
    return new HttpExchange.WireRequest(
        "POST", BASE.resolve(path), headers, buffer.readByteArray());
  }

  private static MultipartBody.Builder form() {
    return new MultipartBody.Builder().setType(MultipartBody.FORM);
  }
}
