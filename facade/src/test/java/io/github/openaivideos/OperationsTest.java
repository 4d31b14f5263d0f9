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
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
            CreateVideo.prompt("A calico cat playing a piano")
                .model(VideoModel.SORA_2_PRO)
                .seconds(VideoSeconds.S8)
                .size(VideoSize.S1280x720)
                .inputReference(ImageReference.url("https://example.com/cat.png")));

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
            "{\"input_reference\":{\"image_url\":\"https://example.com/cat.png\"},\"model\":\"sora-2-pro\","
                + "\"prompt\":\"A calico cat playing a piano\",\"seconds\":\"8\",\"size\":\"1280x720\"}");
    assertThat(video.id()).isEqualTo("video_1");
    assertThat(video.status()).isEqualTo(VideoStatus.QUEUED);
    assertThat(video.model()).isEqualTo(VideoModel.SORA_2);
    assertThat(video.size()).isEqualTo(VideoSize.S1280x720);
    assertThat(video.seconds()).hasValue(8);
    assertThat(video.createdAt()).isEqualTo(Instant.ofEpochSecond(1760000000));
    assertThat(video.completedAt()).isEmpty();
    assertThat(video.prompt()).hasValue("a cat");
  }

  @Test
  void createWithOnlyAPromptSendsOnlyThePrompt() throws Exception {
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    client.create(CreateVideo.prompt("a cat"));

    assertThat(bodyText(server.takeRequest())).isEqualTo("{\"prompt\":\"a cat\"}");
  }

  @Test
  void createWithAnImageFileSendsMultipartWithFilenameAndSniffedType() throws Exception {
    Path image = dir.resolve("first-frame.bin");
    Files.write(image, png(1280, 720));
    server.enqueue(json(videoJson("video_2", "queued", 0)));

    client.create(
        CreateVideo.prompt("a cat")
            .seconds(VideoSeconds.S12)
            .size(VideoSize.S1280x720)
            .inputReference(ImageReference.file(image)));

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

    multipart.create(CreateVideo.prompt("a cat").inputReference(ImageReference.fileId("file-123")));
    multipart.extend(
        ExtendVideo.of(VideoReference.id("video_1")).prompt("more").seconds(VideoSeconds.S20));

    List<Part> create = parts(server.takeRequest());
    assertThat(create.get(1).disposition()).isEqualTo("form-data; name=\"input_reference\"");
    assertThat(create.get(1).contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(create.get(1).body()).isEqualTo("{\"file_id\":\"file-123\"}");
    List<Part> extend = parts(server.takeRequest());
    assertThat(extend)
        .extracting(Part::disposition)
        .containsExactly(
            "form-data; name=\"prompt\"",
            "form-data; name=\"seconds\"",
            "form-data; name=\"video\"");
    assertThat(extend.get(1).body()).isEqualTo("20");
    assertThat(extend.get(2).body()).isEqualTo("{\"id\":\"video_1\"}");
    assertThat(extend.get(2).contentType()).isEqualTo("application/json; charset=utf-8");
    multipart.close();
  }

  @Test
  void listSendsCursorLimitAndOrderAndParsesThePage() throws Exception {
    server.enqueue(
        json(
            "{\"object\":\"list\",\"data\":["
                + videoJson("video_9", "completed", 100)
                + "],\"first_id\":\"video_9\",\"last_id\":\"video_9\",\"has_more\":false}"));

    VideoPage page = client.list(ListVideos.oldestFirst().limit(100).after("video_8"));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/v1/videos?after=video_8&limit=100&order=asc");
    assertThat(page.data()).extracting(Video::id).containsExactly("video_9");
    assertThat(page.firstId()).hasValue("video_9");
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
    assertThat(video.status()).isEqualTo(VideoStatus.FAILED);
    assertThat(video.error())
        .hasValue(new VideoJobError("moderation_blocked", "The prompt was blocked."));
  }

  @Test
  void retrieveEncodesAnIdThatHoldsASlash() throws Exception {
    server.enqueue(json(videoJson("a/b", "queued", 0)));

    client.retrieve("a/b");

    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/videos/a%2Fb");
  }

  @Test
  void deleteSendsDeleteAndParsesTheConfirmation() throws Exception {
    server.enqueue(json("{\"id\":\"video_5\",\"object\":\"video.deleted\",\"deleted\":true}"));

    DeletedVideo deleted = client.delete("video_5");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getTarget()).isEqualTo("/v1/videos/video_5");
    assertThat(deleted).isEqualTo(new DeletedVideo("video_5", true));
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

    client.edit(EditVideo.of(VideoReference.id("video_5")).prompt("make it night"));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/v1/videos/edits");
    assertThat(bodyText(request))
        .isEqualTo("{\"prompt\":\"make it night\",\"video\":{\"id\":\"video_5\"}}");
  }

  @Test
  void editOfAnUploadedFileStreamsItAsVideoMp4WithItsName() throws Exception {
    Path clip = dir.resolve("clip.mp4");
    Files.write(clip, mp4(4096));
    server.enqueue(json(videoJson("video_8", "queued", 0)));

    client.edit(EditVideo.of(VideoReference.file(clip)).prompt("make it night"));

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
            ExtendVideo.of(VideoReference.id("video_5"))
                .prompt("the cat bows")
                .seconds(VideoSeconds.S16));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/v1/videos/extensions");
    assertThat(bodyText(request))
        .isEqualTo(
            "{\"prompt\":\"the cat bows\",\"seconds\":\"16\",\"video\":{\"id\":\"video_5\"}}");
    assertThat(longer.secondsText()).isEqualTo("28");
    assertThat(longer.seconds()).hasValue(28);
  }

  @Test
  void extendOfAStreamSendsItOnceAsMultipart() throws Exception {
    server.enqueue(json(videoJson("video_11", "queued", 0)));

    client.extend(
        ExtendVideo.of(VideoReference.file(new ByteArrayInputStream(mp4(1000)), "in.mp4"))
            .prompt("more")
            .seconds(VideoSeconds.S4));

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
        client.createCharacter(CreateCharacter.of("Mochi", Upload.of(mp4(64), "mochi.mp4")));

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
    assertThat(character.createdAt()).isEqualTo(Instant.ofEpochSecond(1760000000));
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
  void perCallOptionsAddHeadersOnTheDerivedClientOnly() throws Exception {
    server.enqueue(json(videoJson("video_1", "queued", 0)));
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    client.withOptions(RequestOptions.builder().header("X-Call", "1").build()).retrieve("video_1");
    client.retrieve("video_1");

    assertThat(server.takeRequest().getHeaders().get("X-Call")).isEqualTo("1");
    assertThat(server.takeRequest().getHeaders().get("X-Call")).isNull();
  }

  @Test
  void asyncCreateCompletesWithTheParsedVideo() throws Exception {
    server.enqueue(json(videoJson("video_12", "queued", 0)));

    Video video = client.async().create(CreateVideo.prompt("a cat")).get();

    assertThat(video.id()).isEqualTo("video_12");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/videos");
  }
}
