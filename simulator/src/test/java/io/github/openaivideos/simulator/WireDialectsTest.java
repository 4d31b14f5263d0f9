package io.github.openaivideos.simulator;

import static io.github.openaivideos.simulator.CreateVideoTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16: an object field means the same whether a client sends it as multipart bracket keys
 * ({@code video[id]}, as the official Node and Java SDKs do), as one JSON part, or in a JSON body,
 * and it is checked by the same rules.
 */
class WireDialectsTest {
  private static VideosSimulator sim;
  private static Api api;
  private static String source;

  @BeforeAll
  static void start() {
    sim = VideosSimulator.builder().timing(Timing.instant()).build().start();
    api = new Api(sim);
    source =
        api.create(
                "{\"prompt\":\"source\",\"model\":\"sora-2-pro\",\"seconds\":\"8\","
                    + "\"size\":\"1280x720\"}")
            .get("id")
            .asText();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void editByBracketKeyVideoIdEditsTheReferencedVideo() {
    HttpResponse<String> response =
        api.postMultipart(
            "videos/edits", new Multipart().text("prompt", "at night").text("video[id]", source));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode edit = Api.json(response);
    assertThat(edit.get("prompt").asText()).isEqualTo("at night");
    assertThat(edit.get("model").asText()).isEqualTo("sora-2-pro");
    assertThat(edit.get("seconds").asText()).isEqualTo("8");
    assertThat(edit.get("size").asText()).isEqualTo("1280x720");
  }

  @Test
  void extendByBracketKeyVideoIdExtendsTheReferencedVideo() {
    HttpResponse<String> response =
        api.postMultipart(
            "videos/extensions",
            new Multipart()
                .text("prompt", "and then")
                .text("seconds", "20")
                .text("video[id]", source));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Api.json(response).get("seconds").asText()).isEqualTo("28");
  }

  @Test
  void createAcceptsAnImageReferenceAsBracketKeys() {
    HttpResponse<String> byUrl =
        api.postMultipart(
            "videos",
            new Multipart()
                .text("prompt", "p")
                .text("input_reference[image_url]", "https://example.com/first.png"));
    HttpResponse<String> byFileId =
        api.postMultipart(
            "videos",
            new Multipart().text("prompt", "p").text("input_reference[file_id]", "file-123"));

    assertThat(byUrl.statusCode()).as(byUrl.body()).isEqualTo(200);
    assertThat(byFileId.statusCode()).as(byFileId.body()).isEqualTo(200);
  }

  @Test
  void anFtpImageUrlAsBracketKeysIsRejectedLikeItsJsonForm() {
    HttpResponse<String> response =
        api.postMultipart(
            "videos",
            new Multipart()
                .text("prompt", "p")
                .text("input_reference[image_url]", "ftp://example.com/a.png"));

    assertError(
        response,
        400,
        "input_reference.image_url",
        "invalid_value",
        "Invalid 'input_reference.image_url': expected an https URL or a base64 data URL of a"
            + " JPEG, PNG or WebP image.");
  }

  /** Image references that break a rule: each dialect must give the very same error. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"image_url\":\"ftp://example.com/a.png\"}",
        "{\"image_url\":\"https://example.com/a.png\",\"file_id\":\"file-1\"}",
        "{\"url\":\"https://example.com/a.png\"}",
        "{\"file_id\":\"\"}",
        "{\"file_id\":{\"id\":\"file-1\"}}",
        "{\"image_url\":[\"https://example.com/a.png\"]}"
      })
  void anImageReferenceIsCheckedAlikeInEveryDialect(String reference) {
    String json = "{\"prompt\":\"p\",\"input_reference\":" + reference + "}";
    HttpResponse<String> jsonBody = api.postJson("videos", json);
    HttpResponse<String> jsonPart =
        api.postMultipart(
            "videos", new Multipart().text("prompt", "p").json("input_reference", reference));
    HttpResponse<String> bracketKeys = api.postMultipart("videos", bracketForm(json));

    assertThat(jsonBody.statusCode()).as(jsonBody.body()).isEqualTo(400);
    assertSameAnswer(jsonPart, jsonBody);
    assertSameAnswer(bracketKeys, jsonBody);
  }

  /** Video references that break a rule: each dialect must give the very same error. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"id\":\"\"}",
        "{\"id\":\"video_nope\"}",
        "{\"id\":\"SOURCE\",\"start\":\"2\"}",
        "{\"id\":{\"value\":\"SOURCE\"}}",
        "{\"id\":[\"SOURCE\"]}"
      })
  void aVideoReferenceIsCheckedAlikeInEveryDialect(String template) {
    String reference = template.replace("SOURCE", source);
    String json = "{\"prompt\":\"p\",\"seconds\":\"4\",\"video\":" + reference + "}";
    HttpResponse<String> jsonBody = api.postJson("videos/extensions", json);
    HttpResponse<String> jsonPart =
        api.postMultipart(
            "videos/extensions",
            new Multipart().text("prompt", "p").text("seconds", "4").json("video", reference));
    HttpResponse<String> bracketKeys = api.postMultipart("videos/extensions", bracketForm(json));

    assertThat(jsonBody.statusCode()).as(jsonBody.body()).isIn(400, 404);
    assertSameAnswer(jsonPart, jsonBody);
    assertSameAnswer(bracketKeys, jsonBody);
  }

  @Test
  void anUnknownMemberOfABracketReferenceIsNamedAsOnTheService() {
    assertError(
        api.postMultipart(
            "videos/edits",
            new Multipart()
                .text("prompt", "p")
                .text("video[id]", source)
                .text("video[start]", "2")),
        400,
        "video.start",
        "unknown_parameter",
        "Unknown parameter: 'video.start'.");
  }

  @Test
  void arrayBracketKeysAreReadAsArrays() {
    HttpResponse<String> bracketKeys =
        api.postMultipart("videos", new Multipart().text("prompt[]", "a").text("prompt[]", "b"));

    assertError(
        bracketKeys,
        400,
        "prompt",
        "invalid_type",
        "Invalid type for 'prompt': expected a string, but got an array instead.");
    assertSameAnswer(bracketKeys, api.postJson("videos", "{\"prompt\":[\"a\",\"b\"]}"));
  }

  @Test
  void aParameterGivenTwiceIsRejected() {
    assertError(
        api.postMultipart("videos", new Multipart().text("prompt", "a").text("prompt", "b")),
        400,
        "prompt",
        "duplicate_parameter",
        "Duplicate parameter: 'prompt'. Send each parameter once.");
    assertError(
        api.postMultipart(
            "videos/edits",
            new Multipart()
                .text("prompt", "p")
                .json("video", "{\"id\":\"" + source + "\"}")
                .text("video[id]", source)),
        400,
        "video",
        "duplicate_parameter",
        "Duplicate parameter: 'video'. Send each parameter once.");
    assertError(
        api.postMultipart(
            "videos/edits",
            new Multipart()
                .text("prompt", "p")
                .text("video[id]", source)
                .text("video[id]", source)),
        400,
        "video.id",
        "duplicate_parameter",
        "Duplicate parameter: 'video.id'. Send each parameter once.");
  }

  @Test
  void aFileUnderABracketKeyIsRejected() {
    assertError(
        api.postMultipart(
            "videos/edits",
            new Multipart()
                .text("prompt", "p")
                .file(
                    "video[id]", "id.txt", "text/plain", source.getBytes(StandardCharsets.UTF_8))),
        400,
        "video.id",
        "invalid_type",
        "Invalid type for 'video.id': expected a string, but got a file instead.");
  }

  /** Same status and the same error object (only the request id differs). */
  private static void assertSameAnswer(HttpResponse<String> actual, HttpResponse<String> expected) {
    assertThat(actual.statusCode()).as(actual.body()).isEqualTo(expected.statusCode());
    assertThat(Api.json(actual)).isEqualTo(Api.json(expected));
  }

  /**
   * The JSON body {@code json} written as the official Node and Java SDKs write a form: objects as
   * {@code name[member]}, arrays as {@code name[]}, strings as text parts.
   */
  static Multipart bracketForm(String json) {
    Multipart form = new Multipart();
    try {
      for (Iterator<Map.Entry<String, JsonNode>> it = Api.JSON.readTree(json).fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        addBracketed(form, field.getKey(), field.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return form;
  }

  private static void addBracketed(Multipart form, String key, JsonNode value) {
    if (value.isObject()) {
      value
          .fields()
          .forEachRemaining(e -> addBracketed(form, key + "[" + e.getKey() + "]", e.getValue()));
    } else if (value.isArray()) {
      value.forEach(element -> addBracketed(form, key + "[]", element));
    } else {
      form.text(key, value.asText());
    }
  }
}
