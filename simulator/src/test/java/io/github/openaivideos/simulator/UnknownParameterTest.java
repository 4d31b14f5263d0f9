package io.github.openaivideos.simulator;

import static io.github.openaivideos.simulator.CreateVideoTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: like the real service, the simulator ignores nothing. A parameter an operation does not
 * know, in a JSON body, a multipart part, a reference object or the query string, is a 400 with
 * exactly the service's body.
 */
class UnknownParameterTest {
  private static VideosSimulator sim;
  private static Api api;
  private static String video;

  @BeforeAll
  static void start() {
    sim = VideosSimulator.builder().timing(Timing.instant()).build().start();
    api = new Api(sim);
    video = api.create("{\"prompt\":\"source\"}").get("id").asText();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void anUnknownFieldOfAJsonBodyIsRejectedWithTheServicesExactBody() {
    assertUnknown(api.postJson("videos", "{\"prompt\":\"p\",\"quality\":\"high\"}"), "quality");
  }

  @Test
  void anUnknownFieldIsRejectedEvenWhenItIsNull() {
    assertUnknown(api.postJson("videos", "{\"prompt\":\"p\",\"quality\":null}"), "quality");
  }

  @Test
  void anUnknownMultipartTextPartIsRejected() {
    assertUnknown(
        api.postMultipart("videos", new Multipart().text("prompt", "p").text("quality", "high")),
        "quality");
  }

  @Test
  void anUnknownMultipartFilePartIsRejected() {
    assertUnknown(
        api.postMultipart(
            "videos",
            new Multipart()
                .text("prompt", "p")
                .file("audio", "a.mp3", "audio/mpeg", new byte[] {1, 2, 3})),
        "audio");
  }

  @Test
  void anUnknownObjectGivenAsBracketKeysIsRejectedByItsName() {
    assertUnknown(
        api.postMultipart(
            "videos", new Multipart().text("prompt", "p").text("style[palette]", "warm")),
        "style");
  }

  @Test
  void aFieldOfAnotherOperationIsUnknownHere() {
    assertUnknown(
        api.postJson("videos/" + video + "/remix", "{\"prompt\":\"p\",\"seconds\":\"8\"}"),
        "seconds");
    assertUnknown(
        api.postMultipart(
            "videos/characters",
            new Multipart()
                .text("name", "n")
                .text("prompt", "p")
                .file("video", "c.mp4", "video/mp4", Fixtures.mp4MagicOnly())),
        "prompt");
  }

  @Test
  void anUnknownMemberOfAVideoReferenceIsNamedWithItsPath() {
    assertUnknown(
        api.postJson(
            "videos/edits",
            "{\"prompt\":\"p\",\"video\":{\"id\":\"" + video + "\",\"start\":\"2\"}}"),
        "video.start");
  }

  @Test
  void anUnknownMemberOfAnImageReferenceIsNamedWithItsPath() {
    assertUnknown(
        api.postMultipart(
            "videos",
            new Multipart()
                .text("prompt", "p")
                .text("input_reference[file_id]", "file-1")
                .text("input_reference[detail]", "high")),
        "input_reference.detail");
  }

  @Test
  void unknownQueryParametersOfListAndContentAreRejected() {
    assertUnknown(api.get("videos?limit=2&before=" + video), "before");
    assertUnknown(api.get("videos/" + video + "/content?variant=video&quality=high"), "quality");
  }

  @Test
  void queryParametersOfOperationsThatTakeNoneAreRejected() {
    assertUnknown(api.get("videos/" + video + "?expand=assets"), "expand");
    assertUnknown(api.delete("videos/" + video + "?force=true"), "force");
    assertUnknown(
        api.send(
            api.request("videos?stream=true")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"prompt\":\"p\"}", StandardCharsets.UTF_8))
                .build()),
        "stream");
  }

  @Test
  void aQueryParameterGivenTwiceIsRejected() {
    assertError(
        api.get("videos?limit=1&limit=2"),
        400,
        "limit",
        "duplicate_parameter",
        "Duplicate parameter: 'limit'. Send each parameter once.");
  }

  @Test
  void theKnownParametersStillWork() {
    assertThat(api.get("videos?limit=1&order=asc").statusCode()).isEqualTo(200);
    assertThat(api.getBytes("videos/" + video + "/content?variant=thumbnail").statusCode())
        .isEqualTo(200);
  }

  /** The whole body, byte for byte, as the real service writes it. */
  private static void assertUnknown(HttpResponse<String> response, String name) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"error\":{\"message\":\"Unknown parameter: '"
                + name
                + "'.\",\"type\":\"invalid_request_error\",\"param\":\""
                + name
                + "\",\"code\":\"unknown_parameter\"}}");
  }
}
