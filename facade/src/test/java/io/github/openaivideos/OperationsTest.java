package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.KEY;
import static io.github.openaivideos.TestSupport.bodyText;
import static io.github.openaivideos.TestSupport.json;
import static io.github.openaivideos.TestSupport.mp4;
import static io.github.openaivideos.TestSupport.parts;
import static io.github.openaivideos.TestSupport.png;
import static io.github.openaivideos.TestSupport.videoJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.TestSupport.Part;
import io.github.openaivideos.TestSupport.TestTime;
import io.github.openaivideos.models.CreateCharacterRequest;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.DeletedVideo;
import io.github.openaivideos.models.EditVideoRequest;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.ExtensionSeconds;
import io.github.openaivideos.models.ListOrder;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoCharacter;
import io.github.openaivideos.models.VideoJobError;
import io.github.openaivideos.models.VideoModelName;
import io.github.openaivideos.models.VideoSeconds;
import io.github.openaivideos.models.VideoSize;
import io.github.openaivideos.models.VideoStatus;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each of the ten operations: the exact request on the wire and the parsed result. */
class OperationsTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;
  private final TestTime time = new TestTime();
  private VideosClient client;

  @BeforeEach
  void setUp() {
    client =
        TestSupport.clientFor(server, time)
            .organization("org-1")
            .project("proj-1")
            .header("X-Trace", "t-1")
            .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void createWithoutFileSendsJsonWithEveryFieldAndParsesTheVideo() throws Exception {
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    Video video =
        client.create(
            CreateVideoRequest.builder()
                .prompt("A calico cat playing a piano")
                .model(VideoModelName.SORA_2_PRO)
                .seconds(VideoSeconds.S8)
                .size(VideoSize.S1280x720)
                .inputReference(ImageReference.url("https://example.com/cat.png"))
                .build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/videos");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(request.getHeaders().get("OpenAI-Organization")).isEqualTo("org-1");
    assertThat(request.getHeaders().get("OpenAI-Project")).isEqualTo("proj-1");
    assertThat(request.getHeaders().get("X-Trace")).isEqualTo("t-1");
    assertThat(request.getHeaders().get("User-Agent")).isEqualTo("openai-videos-java/0.1.0");
    assertThat(request.getHeaders().get("Content-Type"))
        .isEqualTo("application/json; charset=utf-8");
    assertThat(bodyText(request))
        .isEqualTo(
            "{\"prompt\":\"A calico cat playing a piano\",\"model\":\"sora-2-pro\",\"seconds\":\"8\","
                + "\"size\":\"1280x720\",\"input_reference\":{\"image_url\":\"https://example.com/cat.png\"}}");
    assertThat(video.id()).isEqualTo("video_1");
    assertThat(video._object()).isEqualTo("video");
    assertThat(video.status()).isSameAs(VideoStatus.QUEUED);
    assertThat(video.model()).isSameAs(VideoModelName.SORA_2);
    assertThat(video.size()).isSameAs(VideoSize.S1280x720);
    assertThat(video.seconds()).isEqualTo("8");
    assertThat(video.progress()).isZero();
    assertThat(video.createdAt()).isEqualTo(1760000000L);
    assertThat(video.completedAt()).isEmpty();
    assertThat(video.expiresAt()).isEmpty();
    assertThat(video.remixedFromVideoId()).isEmpty();
    assertThat(video.error()).isEmpty();
    assertThat(video.prompt()).hasValue("a cat");
  }

  @Test
  void createWithOnlyAPromptSendsOnlyThePrompt() throws Exception {
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    client.create(CreateVideoRequest.builder().prompt("a cat").build());

    assertThat(bodyText(server.takeRequest())).isEqualTo("{\"prompt\":\"a cat\"}");
  }

  @Test
  void createSendsAnUnlistedModelAndSizeAsTheyAre() throws Exception {
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    client.create(
        CreateVideoRequest.builder()
            .prompt("a cat")
            .model(VideoModelName.of("sora-3"))
            .size(VideoSize.of("2048x1152"))
            .build());

    assertThat(bodyText(server.takeRequest()))
        .isEqualTo("{\"prompt\":\"a cat\",\"model\":\"sora-3\",\"size\":\"2048x1152\"}");
  }

  @Test
  void createWithAnImageFileSendsMultipartWithFilenameAndSniffedType() throws Exception {
    Path image = dir.resolve("first-frame.bin");
    Files.write(image, png(1280, 720));
    server.enqueue(json(videoJson("video_2", "queued", 0)));

    client.create(
        CreateVideoRequest.builder()
            .prompt("a cat")
            .seconds(VideoSeconds.S12)
            .size(VideoSize.S1280x720)
            .inputReference(ImageReference.file(image))
            .build());

    List<Part> parts = parts(server.takeRequest());
    assertThat(parts)
        .extracting(Part::disposition)
        .containsExactly(
            "form-data; name=\"prompt\"",
            "form-data; name=\"seconds\"",
            "form-data; name=\"size\"",
            "form-data; name=\"input_reference\"; filename=\"first-frame.bin\"");
    assertThat(parts.get(0).body()).isEqualTo("a cat");
    assertThat(parts.get(1).body()).isEqualTo("12");
    assertThat(parts.get(2).body()).isEqualTo("1280x720");
    assertThat(parts.get(3).contentType()).isEqualTo("image/png");
    assertThat(parts.get(3).body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo(png(1280, 720));
  }

  @Test
  void alwaysMultipartSendsReferencesAsJsonTextParts() throws Exception {
    VideosClient multipart = client.newBuilder().alwaysMultipart(true).build();
    server.enqueue(json(videoJson("video_3", "queued", 0)));
    server.enqueue(json(videoJson("video_4", "queued", 0)));

    multipart.create(
        CreateVideoRequest.builder()
            .prompt("a cat")
            .inputReference(ImageReference.fileId("file-123"))
            .build());
    multipart.extend(
        ExtendVideoRequest.builder()
            .video(VideoReference.id("video_1"))
            .prompt("more")
            .seconds(ExtensionSeconds.S20)
            .build());

    List<Part> create = parts(server.takeRequest());
    assertThat(create)
        .extracting(Part::disposition)
        .containsExactly("form-data; name=\"prompt\"", "form-data; name=\"input_reference\"");
    assertThat(create.get(1).contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(create.get(1).body()).isEqualTo("{\"file_id\":\"file-123\"}");
    List<Part> extend = parts(server.takeRequest());
    assertThat(extend)
        .extracting(Part::disposition)
        .containsExactly(
            "form-data; name=\"video\"",
            "form-data; name=\"prompt\"",
            "form-data; name=\"seconds\"");
    assertThat(extend.get(0).body()).isEqualTo("{\"id\":\"video_1\"}");
    assertThat(extend.get(0).contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(extend.get(1).body()).isEqualTo("more");
    assertThat(extend.get(2).body()).isEqualTo("20");
    assertThat(extend.get(2).contentType()).isEmpty();
    multipart.close();
  }

  @Test
  void listSendsCursorLimitAndOrderAndParsesThePage() throws Exception {
    server.enqueue(
        json(
            "{\"object\":\"list\",\"data\":["
                + videoJson("video_9", "completed", 100)
                + "],\"first_id\":\"video_9\",\"last_id\":\"video_9\",\"has_more\":false}"));

    VideoPage page =
        client.list(ListVideos.defaults().order(ListOrder.ASC).limit(100).after("video_8"));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/v1/videos?after=video_8&limit=100&order=asc");
    assertThat(page.data()).extracting(Video::id).containsExactly("video_9");
    assertThat(page.response().firstId()).hasValue("video_9");
    assertThat(page.response().lastId()).hasValue("video_9");
    assertThat(page.response()._object()).isEqualTo("list");
    assertThat(page.hasMore()).isFalse();
    assertThat(page.nextPage()).isEmpty();
  }

  @Test
  void retrieveGetsTheVideoByIdAndReadsAFailedJobsError() throws Exception {
    server.enqueue(
        json(
            videoJson(
                "video_5",
                "failed",
                40,
                "4",
                "{\"code\":\"moderation_blocked\",\"message\":\"The prompt was blocked.\"}")));

    Video video = client.retrieve("video_5");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/v1/videos/video_5");
    assertThat(request.getBodySize()).isZero();
    assertThat(video.status()).isSameAs(VideoStatus.FAILED);
    assertThat(video.error())
        .hasValue(
            VideoJobError.builder()
                .code("moderation_blocked")
                .message("The prompt was blocked.")
                .build());
  }

  @Test
  void retrieveEncodesAnIdThatHoldsASlash() throws Exception {
    server.enqueue(json(videoJson("a/b", "queued", 0)));

    client.retrieve("a/b");

    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/videos/a%2Fb");
  }

  @Test
  void retrievePercentEncodesAnIdThatHoldsSpacesAndQueryCharacters() throws Exception {
    server.enqueue(json(videoJson("a b?c#d", "queued", 0)));

    client.retrieve("a b?c#d");

    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/videos/a%20b%3Fc%23d");
  }

  @Test
  void deleteSendsDeleteAndParsesTheConfirmation() throws Exception {
    server.enqueue(json("{\"id\":\"video_5\",\"object\":\"video.deleted\",\"deleted\":true}"));

    DeletedVideo deleted = client.delete("video_5");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getTarget()).isEqualTo("/v1/videos/video_5");
    assertThat(deleted)
        .isEqualTo(
            DeletedVideo.builder()._object("video.deleted").id("video_5").deleted(true).build());
    assertThat(deleted.deleted()).isTrue();
  }

  @Test
  void remixPostsThePromptAsJsonToTheVideosRemixPath() throws Exception {
    server.enqueue(json(videoJson("video_6", "queued", 0)));

    client.remix("video_5", "now in winter");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/v1/videos/video_5/remix");
    assertThat(bodyText(request)).isEqualTo("{\"prompt\":\"now in winter\"}");
  }

  @Test
  void editOfAnExistingVideoSendsJsonReference() throws Exception {
    server.enqueue(json(videoJson("video_7", "queued", 0)));

    client.edit(
        EditVideoRequest.builder()
            .video(VideoReference.id("video_5"))
            .prompt("make it night")
            .build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/v1/videos/edits");
    assertThat(bodyText(request))
        .isEqualTo("{\"video\":{\"id\":\"video_5\"},\"prompt\":\"make it night\"}");
  }

  @Test
  void editOfAnUploadedFileStreamsItAsVideoMp4WithItsName() throws Exception {
    Path clip = dir.resolve("clip.mp4");
    Files.write(clip, mp4(4096));
    server.enqueue(json(videoJson("video_8", "queued", 0)));

    client.edit(
        EditVideoRequest.builder()
            .video(VideoReference.file(clip))
            .prompt("make it night")
            .build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/v1/videos/edits");
    List<Part> parts = parts(request);
    assertThat(parts)
        .extracting(Part::disposition)
        .containsExactly(
            "form-data; name=\"prompt\"", "form-data; name=\"video\"; filename=\"clip.mp4\"");
    assertThat(parts.get(1).contentType()).isEqualTo("video/mp4");
    assertThat(parts.get(1).body()).hasSize(4096);
  }

  @Test
  void extendOfAnExistingVideoSendsJsonWithSixteenSecondsAndReadsTheStitchedTotal()
      throws Exception {
    server.enqueue(json(videoJson("video_10", "completed", 100, "28", "null")));

    Video longer =
        client.extend(
            ExtendVideoRequest.builder()
                .video(VideoReference.id("video_5"))
                .prompt("the cat bows")
                .seconds(ExtensionSeconds.S16)
                .build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/v1/videos/extensions");
    assertThat(bodyText(request))
        .isEqualTo(
            "{\"video\":{\"id\":\"video_5\"},\"prompt\":\"the cat bows\",\"seconds\":\"16\"}");
    assertThat(longer.seconds()).isEqualTo("28");
  }

  @Test
  void extendOfAStreamSendsItOnceAsMultipart() throws Exception {
    server.enqueue(json(videoJson("video_11", "queued", 0)));

    client.extend(
        ExtendVideoRequest.builder()
            .video(VideoReference.file(new ByteArrayInputStream(mp4(1000)), "in.mp4"))
            .prompt("more")
            .seconds(ExtensionSeconds.S4)
            .build());

    RecordedRequest request = server.takeRequest();
    List<Part> parts = parts(request);
    assertThat(parts.get(2).disposition())
        .isEqualTo("form-data; name=\"video\"; filename=\"in.mp4\"");
    assertThat(parts.get(2).contentType()).isEqualTo("video/mp4");
    assertThat(parts.get(2).body()).hasSize(1000);
  }

  @Test
  void createCharacterUploadsTheVideoWithTheName() throws Exception {
    server.enqueue(json("{\"id\":\"char_1\",\"name\":\"Mochi\",\"created_at\":1760000000}"));

    VideoCharacter character =
        client.createCharacter(
            CreateCharacterRequest.builder()
                .video(VideoReference.file(mp4(64), "mochi.mp4"))
                .name("Mochi")
                .build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/v1/videos/characters");
    List<Part> parts = parts(request);
    assertThat(parts)
        .extracting(Part::disposition)
        .containsExactly(
            "form-data; name=\"name\"", "form-data; name=\"video\"; filename=\"mochi.mp4\"");
    assertThat(parts.get(0).body()).isEqualTo("Mochi");
    assertThat(parts.get(1).contentType()).isEqualTo("video/mp4");
    assertThat(character.id()).hasValue("char_1");
    assertThat(character.name()).hasValue("Mochi");
  }

  @Test
  void retrieveCharacterReadsNullIdAndName() throws Exception {
    server.enqueue(json("{\"id\":null,\"name\":null,\"created_at\":1760000000}"));

    VideoCharacter character = client.retrieveCharacter("char_1");

    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/videos/characters/char_1");
    assertThat(character.id()).isEmpty();
    assertThat(character.name()).isEmpty();
    assertThat(character.createdAt()).isEqualTo(1760000000L);
  }

  @Test
  void rawResponseCarriesStatusHeadersAndRequestId() throws Exception {
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    ApiResponse<Video> response = client.withRawResponse().retrieve("video_1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.requestId()).hasValue("req_200");
    assertThat(response.header("content-type")).hasValue("application/json");
    assertThat(response.value().id()).isEqualTo("video_1");
  }

  @Test
  void perCallOptionsAddQueryParametersAndHeadersOnTheDerivedClientOnly() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(videoJson("video_1", "queued", 0)));
    }
    VideosClient traced =
        client.withOptions(
            RequestOptions.builder().queryParam("x", "1").header("X-Trace", "t").build());

    traced.retrieve("video_1");
    traced.async().create(CreateVideoRequest.builder().prompt("a cat").build()).get();
    client.retrieve("video_1");
    client.create(CreateVideoRequest.builder().prompt("a cat").build());

    RecordedRequest retrieve = server.takeRequest();
    assertThat(retrieve.getTarget()).isEqualTo("/v1/videos/video_1?x=1");
    assertThat(retrieve.getHeaders().values("X-Trace")).containsExactly("t");
    RecordedRequest create = server.takeRequest();
    assertThat(create.getTarget()).isEqualTo("/v1/videos?x=1");
    assertThat(create.getHeaders().values("X-Trace")).containsExactly("t");
    assertThat(bodyText(create)).isEqualTo("{\"prompt\":\"a cat\"}");
    // The original client keeps its own header and adds no query parameter.
    RecordedRequest plainRetrieve = server.takeRequest();
    assertThat(plainRetrieve.getTarget()).isEqualTo("/v1/videos/video_1");
    assertThat(plainRetrieve.getHeaders().values("X-Trace")).containsExactly("t-1");
    RecordedRequest plainCreate = server.takeRequest();
    assertThat(plainCreate.getTarget()).isEqualTo("/v1/videos");
    assertThat(plainCreate.getHeaders().values("X-Trace")).containsExactly("t-1");
  }

  @Test
  void perCallQueryParametersJoinTheOperationsOwn() throws Exception {
    server.enqueue(json("{\"object\":\"list\",\"data\":[],\"last_id\":null,\"has_more\":false}"));

    client
        .withOptions(RequestOptions.builder().queryParam("x", "1").build())
        .list(ListVideos.defaults().limit(5));

    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/videos?limit=5&x=1");
  }

  @Test
  void additionalPropertiesOfARequestAreSentInTheJsonBody() throws Exception {
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    client.create(
        CreateVideoRequest.builder().prompt("p").putAdditionalProperty("quality", "high").build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Content-Type"))
        .isEqualTo("application/json; charset=utf-8");
    assertThat(bodyText(request)).isEqualTo("{\"prompt\":\"p\",\"quality\":\"high\"}");
  }

  @Test
  void additionalPropertiesTravelAsMultipartPartsBesideAnUpload() throws Exception {
    Path image = dir.resolve("frame.png");
    Files.write(image, png(720, 1280));
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    client.create(
        CreateVideoRequest.builder()
            .prompt("p")
            .size(VideoSize.S720x1280)
            .inputReference(ImageReference.file(image))
            .putAdditionalProperty("quality", "high")
            .putAdditionalProperty("steps", 30)
            .putAdditionalProperty("style", Map.of("palette", "warm"))
            .build());

    List<Part> parts = parts(server.takeRequest());
    assertThat(parts)
        .extracting(Part::disposition)
        .containsExactly(
            "form-data; name=\"prompt\"",
            "form-data; name=\"size\"",
            "form-data; name=\"quality\"",
            "form-data; name=\"steps\"",
            "form-data; name=\"style\"",
            "form-data; name=\"input_reference\"; filename=\"frame.png\"");
    assertThat(parts.get(2).body()).isEqualTo("high");
    assertThat(parts.get(2).contentType()).isEmpty();
    assertThat(parts.get(3).body()).isEqualTo("30");
    assertThat(parts.get(4).body()).isEqualTo("{\"palette\":\"warm\"}");
    assertThat(parts.get(4).contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(parts.get(5).contentType()).isEqualTo("image/png");
    assertThat(parts.get(5).body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo(png(720, 1280));
  }

  @Test
  void asyncCreateCompletesWithTheParsedVideo() throws Exception {
    server.enqueue(json(videoJson("video_12", "queued", 0)));

    Video video = client.async().create(CreateVideoRequest.builder().prompt("a cat").build()).get();

    assertThat(video.id()).isEqualTo("video_12");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/videos");
  }
}
