package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.jpeg;
import static io.github.openaivideos.TestSupport.png;
import static io.github.openaivideos.TestSupport.webp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.openaivideos.TestSupport.TestTime;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is rejected with the field, the value and what is allowed, before a byte is sent. */
class ValidationTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;
  private VideosClient client;

  @BeforeEach
  void setUp() {
    client = TestSupport.clientFor(server, new TestTime()).build();
  }

  @AfterEach
  void nothingWasSent() {
    client.close();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void createRejectsSixteenSecondsNamingTheOperationAndAllowedValues() {
    assertThatThrownBy(() -> CreateVideo.prompt("a cat").seconds(VideoSeconds.S16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("create: seconds 16 is not allowed; allowed values: 4, 8, 12");
  }

  @Test
  void extendAcceptsTwentySecondsAndRequiresSeconds() {
    ExtendVideo extend = ExtendVideo.of(VideoReference.id("video_1")).prompt("more");
    assertThat(extend.seconds(VideoSeconds.S20).seconds()).hasValue(VideoSeconds.S20);

    assertThatThrownBy(() -> client.extend(extend))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("extend: seconds is required; allowed values: 4, 8, 12, 16, 20");
  }

  @Test
  void secondsOfAnUnsupportedLengthListsTheSupportedOnes() {
    assertThatThrownBy(() -> VideoSeconds.of(5))
        .hasMessage("seconds 5 is not a supported clip length; allowed values: 4, 8, 12, 16, 20");
  }

  @Test
  void emptyAndOverlongPromptsAreRejectedWithTheirLength() {
    assertThatThrownBy(() -> CreateVideo.prompt(""))
        .hasMessage("create: prompt must be 1 to 32000 characters, was 0 (empty)");
    assertThatThrownBy(() -> client.remix("video_1", "x".repeat(32_001)))
        .hasMessage("remix: prompt must be 1 to 32000 characters, was 32001");
    assertThat(CreateVideo.prompt("x".repeat(32_000)).prompt()).hasSize(32_000);
  }

  @Test
  void editWithoutPromptIsRejectedWhenSent() {
    assertThatThrownBy(() -> client.edit(EditVideo.of(VideoReference.id("video_1"))))
        .hasMessage("edit: prompt must be 1 to 32000 characters, was 0 (empty)");
  }

  @Test
  void characterNameIsOneToEightyCharacters() {
    Upload video = Upload.of(TestSupport.mp4(64), "c.mp4");
    assertThatThrownBy(() -> CreateCharacter.of("n".repeat(81), video))
        .hasMessage("createCharacter: name must be 1 to 80 characters, was 81");
    assertThatThrownBy(() -> CreateCharacter.of("", video))
        .hasMessage("createCharacter: name must be 1 to 80 characters, was 0 (empty)");
  }

  @Test
  void listLimitIsZeroToHundred() {
    assertThatThrownBy(() -> ListVideos.newestFirst().limit(101))
        .hasMessage("list: limit must be 0 to 100, was 101");
    assertThatThrownBy(() -> ListVideos.newestFirst().limit(-1))
        .hasMessage("list: limit must be 0 to 100, was -1");
  }

  @Test
  void blankIdsAreRejected() {
    assertThatThrownBy(() -> client.retrieve(" "))
        .hasMessage("retrieve: videoId must not be blank");
    assertThatThrownBy(() -> client.delete("")).hasMessage("delete: videoId must not be blank");
    assertThatThrownBy(() -> client.retrieveCharacter(""))
        .hasMessage("retrieveCharacter: characterId must not be blank");
  }

  @Test
  void sizeMustBeWidthByHeight() {
    assertThatThrownBy(() -> VideoSize.of("big"))
        .hasMessage("size \"big\" is not WIDTHxHEIGHT (for example 1280x720)");
    assertThat(VideoSize.of("1920x1080")).isEqualTo(VideoSize.S1920x1080);
  }

  @Test
  void imageUrlMustBeHttpsOrDataUrl() {
    assertThatThrownBy(() -> ImageReference.url("http://example.com/a.png"))
        .hasMessage(
            "input_reference image_url must be an https: URL or a data:image/ URL, was \"http://example.com/a.png\"");
  }

  @Test
  void imageWhosePixelSizeDiffersFromTheVideoSizeIsRejectedWithBothSizes() throws Exception {
    Path image = dir.resolve("frame.png");
    Files.write(image, png(640, 480));

    assertThatThrownBy(
            () ->
                client.create(
                    CreateVideo.prompt("a cat")
                        .size(VideoSize.S1280x720)
                        .inputReference(ImageReference.file(image))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "create: input_reference image frame.png is 640x480 but the video size is 1280x720;"
                + " the image must have the video's pixel size");
  }

  @Test
  void imageCheckedAgainstTheDefaultSizeWhenNoneIsSet() {
    assertThatThrownBy(
            () ->
                client.create(
                    CreateVideo.prompt("a cat")
                        .inputReference(ImageReference.file(jpeg(1280, 720), "a.jpg"))))
        .hasMessage(
            "create: input_reference image a.jpg is 1280x720 but the video size is 720x1280"
                + " (the default; set size() to match the image); the image must have the video's pixel size");
  }

  @Test
  void webpPixelSizeIsReadFromItsHeader() {
    assertThatThrownBy(
            () ->
                client.create(
                    CreateVideo.prompt("a cat")
                        .size(VideoSize.S1792x1024)
                        .inputReference(ImageReference.file(webp(1024, 1792), "a.webp"))))
        .hasMessageContaining("a.webp is 1024x1792 but the video size is 1792x1024");
  }

  @Test
  void uploadOfTheWrongTypeIsRejectedWithTheAllowedTypes() {
    assertThatThrownBy(
            () ->
                client.edit(
                    EditVideo.of(VideoReference.file(png(8, 8), "clip.mp4")).prompt("night")))
        .hasMessage("edit: video file clip.mp4 is image/png; allowed: video/mp4");
    assertThatThrownBy(
            () ->
                client.create(
                    CreateVideo.prompt("a cat")
                        .inputReference(
                            ImageReference.file(
                                "GIF89a....".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                                "a.gif"))))
        .hasMessage(
            "create: input_reference file a.gif is of an unrecognized type; allowed: image/jpeg, image/png, image/webp");
  }

  @Test
  void uploadOfAMissingFileIsRejected() {
    assertThatThrownBy(() -> VideoReference.file(dir.resolve("nope.mp4")))
        .hasMessage("upload " + dir.resolve("nope.mp4") + " is not a readable regular file");
  }

  @Test
  void downloadIntoAMissingFolderIsRejected() {
    Path target = dir.resolve("missing/cat.mp4");
    assertThatThrownBy(() -> client.download("video_1", ContentVariant.VIDEO, target))
        .hasMessage("download: folder " + dir.resolve("missing") + " does not exist");
  }

  @Test
  void reservedHeadersCannotBeOverridden() {
    assertThatThrownBy(() -> VideosClient.builder().header("Authorization", "Bearer x"))
        .hasMessage(
            "header Authorization is set by the client; use apiKey(), organization() or project() on the builder");
  }

  @Test
  void hostedApiRequiresAKey() {
    assertThatThrownBy(() -> VideosClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "API key required for https://api.openai.com/v1: set apiKey() or OPENAI_API_KEY.");
  }

  @Test
  void maxRetriesIsBounded() {
    assertThatThrownBy(() -> VideosClient.builder().maxRetries(11))
        .hasMessage("maxRetries must be 0 to 10, was 11");
  }
}
