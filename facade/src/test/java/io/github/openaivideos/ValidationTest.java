package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.jpeg;
import static io.github.openaivideos.TestSupport.png;
import static io.github.openaivideos.TestSupport.webp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.openaivideos.TestSupport.TestTime;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.CreateCharacterRequest;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.EditVideoRequest;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.ExtensionSeconds;
import io.github.openaivideos.models.VideoSeconds;
import io.github.openaivideos.models.VideoSize;
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
  void createRejectsSixteenSecondsNamingThePropertyAndAllowedValues() {
    CreateVideoRequest.Builder create =
        CreateVideoRequest.builder().prompt("a cat").seconds(VideoSeconds.of("16"));

    assertThatThrownBy(create::build)
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("CreateVideoRequest.seconds \"16\" is not allowed; allowed values: 4, 8, 12");
    assertThat(VideoSeconds.knownValues())
        .containsExactly(VideoSeconds.S4, VideoSeconds.S8, VideoSeconds.S12);
  }

  @Test
  void extendAcceptsTwentySecondsAndRequiresSeconds() {
    ExtendVideoRequest.Builder extend =
        ExtendVideoRequest.builder().video(VideoReference.id("video_1")).prompt("more");

    assertThatThrownBy(extend::build)
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("ExtendVideoRequest.seconds is required");
    assertThat(extend.seconds(ExtensionSeconds.S20).build().seconds())
        .isSameAs(ExtensionSeconds.S20);
    assertThat(ExtensionSeconds.knownValues())
        .extracting(ExtensionSeconds::value)
        .containsExactly("4", "8", "12", "16", "20");
  }

  @Test
  void secondsOfAnUnsupportedLengthListsTheSupportedOnes() {
    ExtendVideoRequest.Builder extend =
        ExtendVideoRequest.builder()
            .video(VideoReference.id("video_1"))
            .prompt("more")
            .seconds(ExtensionSeconds.of("5"));

    assertThatThrownBy(extend::build)
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "ExtendVideoRequest.seconds \"5\" is not allowed; allowed values: 4, 8, 12, 16, 20");
  }

  @Test
  void emptyAndOverlongPromptsAreRejectedWithTheirLength() {
    assertThatThrownBy(() -> CreateVideoRequest.builder().prompt("").build())
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("CreateVideoRequest.prompt has 0 characters; allowed: 1 to 32000");
    assertThatThrownBy(() -> client.remix("video_1", "x".repeat(32_001)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("RemixVideoRequest.prompt has 32001 characters; allowed: 1 to 32000");
    assertThat(CreateVideoRequest.builder().prompt("x".repeat(32_000)).build().prompt())
        .hasSize(32_000);
  }

  @Test
  void editWithoutPromptIsRejectedWhenBuilt() {
    assertThatThrownBy(() -> EditVideoRequest.builder().video(VideoReference.id("video_1")).build())
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("EditVideoRequest.prompt is required");
  }

  @Test
  void characterNameIsOneToEightyCharacters() {
    CreateCharacterRequest.Builder character =
        CreateCharacterRequest.builder().video(VideoReference.file(TestSupport.mp4(64), "c.mp4"));

    assertThatThrownBy(() -> character.name("n".repeat(81)).build())
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("CreateCharacterRequest.name has 81 characters; allowed: 1 to 80");
    assertThatThrownBy(() -> character.name("").build())
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("CreateCharacterRequest.name has 0 characters; allowed: 1 to 80");
    assertThat(character.name("n".repeat(80)).build().name()).hasSize(80);
  }

  @Test
  void characterFromAVideoIdIsRejectedBecauseTheSpecWantsAFile() {
    CreateCharacterRequest byId =
        CreateCharacterRequest.builder().video(VideoReference.id("video_1")).name("Mochi").build();

    assertThatThrownBy(() -> client.createCharacter(byId))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "createCharacter: video must be an MP4 file (VideoReference.file(...));"
                + " the spec accepts no video id here");
  }

  @Test
  void listLimitIsZeroToHundred() {
    assertThatThrownBy(() -> ListVideos.defaults().limit(101))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("list: limit 101 is out of range; allowed: 0 to 100");
    assertThatThrownBy(() -> ListVideos.defaults().limit(-1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("list: limit -1 is out of range; allowed: 0 to 100");
    assertThat(ListVideos.defaults().limit(0).limit()).hasValue(0);
    assertThat(ListVideos.defaults().limit(100).limit()).hasValue(100);
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
  void dotSegmentIdsThatWouldChangeTheUrlPathAreRejected() {
    assertThatThrownBy(() -> client.retrieve("."))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("retrieve: videoId \".\" is not an id (it would change the URL path)");
    assertThatThrownBy(() -> client.delete(".."))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("delete: videoId \"..\" is not an id (it would change the URL path)");
    assertThatThrownBy(() -> client.download("..", ContentVariant.VIDEO, dir.resolve("a.mp4")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("download: videoId \"..\" is not an id (it would change the URL path)");
  }

  @Test
  void sizeMustBeWidthByHeight() {
    CreateVideoRequest.Builder create =
        CreateVideoRequest.builder().prompt("a cat").size(VideoSize.of("big"));

    assertThatThrownBy(create::build)
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "CreateVideoRequest.size \"big\" does not match the pattern ^[1-9][0-9]*x[1-9][0-9]*$");
    assertThat(VideoSize.of("1920x1080")).isSameAs(VideoSize.S1920x1080);
    assertThat(VideoSize.DEFAULT).isSameAs(VideoSize.S720x1280);
  }

  @Test
  void anUnlistedSizeOfTheRightShapeIsKeptAndSent() {
    VideoSize wide = VideoSize.of("2048x1152");

    assertThat(wide.isKnown()).isFalse();
    assertThat(CreateVideoRequest.builder().prompt("a cat").size(wide).build().size())
        .hasValue(wide);
  }

  @Test
  void unknownDownloadVariantIsRejected() {
    assertThatThrownBy(
            () -> client.download("video_1", ContentVariant.of("poster"), dir.resolve("a.png")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "download: variant \"poster\" is not allowed;"
                + " allowed values: video, thumbnail, spritesheet");
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
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .size(VideoSize.S1280x720)
                        .inputReference(ImageReference.file(image))
                        .build()))
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
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .inputReference(ImageReference.file(jpeg(1280, 720), "a.jpg"))
                        .build()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "create: input_reference image a.jpg is 1280x720 but the video size is 720x1280"
                + " (the default; set size to match the image); the image must have the video's"
                + " pixel size");
  }

  @Test
  void webpPixelSizeIsReadFromItsHeader() {
    assertThatThrownBy(
            () ->
                client.create(
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .size(VideoSize.S1792x1024)
                        .inputReference(ImageReference.file(webp(1024, 1792), "a.webp"))
                        .build()))
        .hasMessageContaining("a.webp is 1024x1792 but the video size is 1792x1024");
  }

  @Test
  void uploadOfTheWrongTypeIsRejectedWithTheAllowedTypes() {
    assertThatThrownBy(
            () ->
                client.edit(
                    EditVideoRequest.builder()
                        .video(VideoReference.file(png(8, 8), "clip.mp4"))
                        .prompt("night")
                        .build()))
        .hasMessage("edit: video file clip.mp4 is image/png; allowed: video/mp4");
    assertThatThrownBy(
            () ->
                client.create(
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .inputReference(
                            ImageReference.file(
                                "GIF89a....".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                                "a.gif"))
                        .build()))
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
