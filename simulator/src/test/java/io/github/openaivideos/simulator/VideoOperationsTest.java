package io.github.openaivideos.simulator;

import static io.github.openaivideos.simulator.CreateVideoTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoOperationsTest {
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
  void retrieveReturnsTheStoredVideo() {
    HttpResponse<String> response = api.get("videos/" + source);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode video = Api.json(response);
    assertThat(video.get("id").asText()).isEqualTo(source);
    assertThat(video.get("status").asText()).isEqualTo("completed");
  }

  @Test
  void deleteRemovesTheVideo() {
    String id = api.create("{\"prompt\":\"to delete\"}").get("id").asText();

    HttpResponse<String> deleted = api.delete("videos/" + id);

    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(deleted.body())
        .isEqualTo("{\"id\":\"" + id + "\",\"object\":\"video.deleted\",\"deleted\":true}");
    assertThat(api.get("videos/" + id).statusCode()).isEqualTo(404);
    assertThat(api.delete("videos/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void remixKeepsModelSizeAndSecondsAndPointsAtTheSource() {
    HttpResponse<String> response =
        api.postJson("videos/" + source + "/remix", "{\"prompt\":\"now at night\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode remix = Api.json(response);
    assertThat(remix.get("id").asText()).isNotEqualTo(source);
    assertThat(remix.get("prompt").asText()).isEqualTo("now at night");
    assertThat(remix.get("model").asText()).isEqualTo("sora-2-pro");
    assertThat(remix.get("size").asText()).isEqualTo("1280x720");
    assertThat(remix.get("seconds").asText()).isEqualTo("8");
    assertThat(remix.get("remixed_from_video_id").asText()).isEqualTo(source);
  }

  @Test
  void remixAcceptsMultipart() {
    HttpResponse<String> response =
        api.postMultipart(
            "videos/" + source + "/remix", new Multipart().text("prompt", "multipart remix"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Api.json(response).get("prompt").asText()).isEqualTo("multipart remix");
  }

  @Test
  void remixOfAnUnknownVideoIsA404() {
    assertError(
        api.postJson("videos/video_nope/remix", "{\"prompt\":\"p\"}"),
        404,
        "video_id",
        "not_found",
        "No video found with id 'video_nope'.");
  }

  @Test
  void remixWithoutPromptIsRejected() {
    assertError(
        api.postJson("videos/" + source + "/remix", "{}"),
        400,
        "prompt",
        "missing_required_parameter",
        "Missing required parameter: 'prompt'.");
  }

  @Test
  void editByJsonReferenceKeepsTheSourceLengthAndSize() {
    HttpResponse<String> response =
        api.postJson(
            "videos/edits", "{\"prompt\":\"make it blue\",\"video\":{\"id\":\"" + source + "\"}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode edit = Api.json(response);
    assertThat(edit.get("seconds").asText()).isEqualTo("8");
    assertThat(edit.get("size").asText()).isEqualTo("1280x720");
    assertThat(edit.get("prompt").asText()).isEqualTo("make it blue");
    assertThat(edit.get("remixed_from_video_id").isNull()).isTrue();
  }

  @Test
  void editByMultipartJsonPartReference() {
    HttpResponse<String> response =
        api.postMultipart(
            "videos/edits",
            new Multipart().text("prompt", "edit").json("video", "{\"id\":\"" + source + "\"}"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Api.json(response).get("seconds").asText()).isEqualTo("8");
  }

  @Test
  void editByAJsonFilePartReference() {
    HttpResponse<String> response =
        api.postMultipart(
            "videos/edits",
            new Multipart()
                .text("prompt", "edit")
                .file(
                    "video",
                    "video.json",
                    "application/json",
                    ("{\"id\":\"" + source + "\"}").getBytes(StandardCharsets.UTF_8)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Api.json(response).get("size").asText()).isEqualTo("1280x720");
  }

  @Test
  void editOfAnUploadedMp4TakesItsDurationAndSize(@TempDir Path dir) {
    byte[] mp4 = Fixtures.mp4(12, new VideoSize(320, 240), dir);

    HttpResponse<String> response =
        api.postMultipart(
            "videos/edits",
            new Multipart().text("prompt", "edit").file("video", "in.mp4", "video/mp4", mp4));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode edit = Api.json(response);
    assertThat(edit.get("seconds").asText()).isEqualTo("12");
    assertThat(edit.get("size").asText()).isEqualTo("320x240");
  }

  @Test
  void editWithoutVideoIsRejected() {
    assertError(
        api.postJson("videos/edits", "{\"prompt\":\"p\"}"),
        400,
        "video",
        "missing_required_parameter",
        "Missing required parameter: 'video'.");
  }

  @Test
  void editWithAReferenceWithoutIdIsRejected() {
    assertError(
        api.postJson("videos/edits", "{\"prompt\":\"p\",\"video\":{}}"),
        400,
        "video.id",
        "missing_required_parameter",
        "Missing required parameter: 'video.id'.");
  }

  @Test
  void editOfAnUnknownReferenceIsA404() {
    assertError(
        api.postJson("videos/edits", "{\"prompt\":\"p\",\"video\":{\"id\":\"video_nope\"}}"),
        404,
        "video",
        "not_found",
        "No video found with id 'video_nope'.");
  }

  @Test
  void uploadedVideoThatIsNotMp4IsRejectedNamingTheAllowedType() {
    HttpResponse<String> response =
        api.postMultipart(
            "videos/edits",
            new Multipart()
                .text("prompt", "p")
                .file("video", "in.mov", "video/quicktime", Fixtures.mp4MagicOnly()));

    assertError(
        response,
        400,
        "video",
        "invalid_file_type",
        "Invalid file type for 'video': 'video/quicktime'. Supported types are: 'video/mp4'."
            + CreateVideoTest.DECLARED_TYPE_COUNTS);
  }

  @Test
  void uploadedVideoDeclaredAsOctetStreamIsRefusedEvenWhenItIsAnMp4(@TempDir Path dir) {
    HttpResponse<String> response =
        api.postMultipart(
            "videos/edits",
            new Multipart()
                .text("prompt", "p")
                .file(
                    "video",
                    "clip.mp4",
                    "application/octet-stream",
                    Fixtures.mp4(4, new VideoSize(320, 240), dir)));

    assertError(
        response,
        400,
        "video",
        "invalid_file_type",
        "Invalid file type for 'video': 'application/octet-stream'. Supported types are:"
            + " 'video/mp4'."
            + CreateVideoTest.DECLARED_TYPE_COUNTS);
  }

  @Test
  void uploadedMp4WithoutFtypBoxIsRejected() {
    HttpResponse<String> response =
        api.postMultipart(
            "videos/edits",
            new Multipart()
                .text("prompt", "p")
                .file("video", "in.mp4", "video/mp4", Fixtures.image("png", 8, 8)));

    assertError(
        response,
        400,
        "video",
        "invalid_file_content",
        "Invalid file 'video': its content is not video/mp4 as declared. Supported types are:"
            + " 'video/mp4'.");
  }

  @Test
  void extensionSecondsIsTheStitchedTotal() {
    HttpResponse<String> response =
        api.postJson(
            "videos/extensions",
            "{\"prompt\":\"go on\",\"seconds\":\"20\",\"video\":{\"id\":\"" + source + "\"}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode extension = Api.json(response);
    assertThat(extension.get("seconds").asText()).isEqualTo("28");
    assertThat(extension.get("size").asText()).isEqualTo("1280x720");
  }

  @Test
  void extensionOfAnUploadedMp4AddsToItsDuration(@TempDir Path dir) {
    byte[] mp4 = Fixtures.mp4(4, new VideoSize(320, 240), dir);

    HttpResponse<String> response =
        api.postMultipart(
            "videos/extensions",
            new Multipart()
                .text("prompt", "go on")
                .text("seconds", "16")
                .file("video", "in.mp4", "video/mp4", mp4));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Api.json(response).get("seconds").asText()).isEqualTo("20");
  }

  @Test
  void unparseableMp4CountsAsFourSecondsAtTheDefaultSize() {
    HttpResponse<String> response =
        api.postMultipart(
            "videos/extensions",
            new Multipart()
                .text("prompt", "go on")
                .text("seconds", "4")
                .file("video", "in.mp4", "video/mp4", Fixtures.mp4MagicOnly()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode extension = Api.json(response);
    assertThat(extension.get("seconds").asText()).isEqualTo("8");
    assertThat(extension.get("size").asText()).isEqualTo("720x1280");
  }

  @Test
  void extensionRequiresSeconds() {
    assertError(
        api.postJson(
            "videos/extensions", "{\"prompt\":\"p\",\"video\":{\"id\":\"" + source + "\"}}"),
        400,
        "seconds",
        "missing_required_parameter",
        "Missing required parameter: 'seconds'.");
  }

  @Test
  void extensionSecondsMustBeOneOfTheFiveDocumentedValues() {
    assertError(
        api.postJson(
            "videos/extensions",
            "{\"prompt\":\"p\",\"seconds\":\"24\",\"video\":{\"id\":\"" + source + "\"}}"),
        400,
        "seconds",
        "invalid_value",
        "Invalid value for 'seconds': '24'. Supported values are: '4', '8', '12', '16', and"
            + " '20'.");
  }
}
