package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.json;
import static io.github.openaivideos.TestSupport.videoJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.openaivideos.TestSupport.Part;
import io.github.openaivideos.TestSupport.TestTime;
import io.github.openaivideos.models.CreateCharacterRequest;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.EditVideoRequest;
import io.github.openaivideos.models.VideoSize;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads are recognized by their content: an ISO base media file by its brand (HEIC photos, M4A
 * audio and QuickTime movies all start with {@code ftyp}, and none is the MP4 the API wants), a
 * JPEG by walking its segments to the frame header however large the EXIF block before it.
 */
class UploadSniffingTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;
  private VideosClient client;

  @BeforeEach
  void setUp() {
    client = TestSupport.clientFor(server, new TestTime()).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  /** The start of an ISO base media file with this major brand, then filler. */
  private static byte[] isoFile(String brand) {
    byte[] b = new byte[4096];
    b[3] = 0x18;
    byte[] ftyp = ("ftyp" + brand + "\0\0\0\0" + brand).getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(ftyp, 0, b, 4, ftyp.length);
    return b;
  }

  private EditVideoRequest edit(byte[] video, String name) {
    return EditVideoRequest.builder()
        .video(VideoReference.file(video, name))
        .prompt("night")
        .build();
  }

  private CreateCharacterRequest character(byte[] video, String name) {
    return CreateCharacterRequest.builder()
        .video(VideoReference.file(video, name))
        .name("Mochi")
        .build();
  }

  @Test
  void aHeicPhotoIsRefusedAsTheEditVideoAndTheCharacterVideo() {
    byte[] heic = isoFile("heic");

    assertThatThrownBy(() -> client.edit(edit(heic, "photo.mp4")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("edit: video file photo.mp4 is image/heic; allowed: video/mp4");
    assertThatThrownBy(() -> client.createCharacter(character(heic, "photo.mp4")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("createCharacter: video file photo.mp4 is image/heic; allowed: video/mp4");
    assertThatThrownBy(() -> client.edit(edit(isoFile("mif1"), "still.mp4")))
        .hasMessage("edit: video file still.mp4 is image/heic; allowed: video/mp4");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anM4aAudioFileIsRefusedAsTheCharacterVideo() {
    assertThatThrownBy(() -> client.createCharacter(character(isoFile("M4A "), "voice.mp4")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("createCharacter: video file voice.mp4 is audio/mp4; allowed: video/mp4");
    assertThatThrownBy(() -> client.edit(edit(isoFile("M4A "), "voice.mp4")))
        .hasMessage("edit: video file voice.mp4 is audio/mp4; allowed: video/mp4");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aQuickTimeMovieIsRefusedAsTheEditVideo() {
    assertThatThrownBy(() -> client.edit(edit(isoFile("qt  "), "clip.mov")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("edit: video file clip.mov is video/quicktime; allowed: video/mp4");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anMp4BrandIsStillAcceptedAsTheEditVideo() throws Exception {
    server.enqueue(json(videoJson("video_2", "queued", 0)));

    client.edit(edit(isoFile("isom"), "clip.mp4"));

    List<Part> parts = TestSupport.parts(server.takeRequest());
    assertThat(parts.get(parts.size() - 1).contentType()).isEqualTo("video/mp4");
  }

  /**
   * A real 1280x720 JPEG with 600 KiB of APP1 (EXIF) segments inserted after its start: its frame
   * header lies past the first 512 KiB read.
   */
  private static byte[] jpegWithLargeExif() {
    byte[] jpeg = TestSupport.jpeg(1280, 720);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    for (int i = 0; i < 10; i++) {
      int payload = 60 * 1024;
      out.write(0xFF);
      out.write(0xE1);
      out.write((payload + 2) >> 8);
      out.write((payload + 2) & 0xFF);
      byte[] data = new byte[payload];
      if (i == 0) {
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, data, 0, 6);
      }
      out.write(data, 0, data.length);
    }
    out.write(jpeg, 2, jpeg.length - 2);
    byte[] big = out.toByteArray();
    assertThat(big.length).isGreaterThan(600 * 1024 + jpeg.length - 1);
    return big;
  }

  private void createWith(ImageReference image) {
    server.enqueue(json(videoJson("video_3", "queued", 0)));
    client.create(
        CreateVideoRequest.builder()
            .prompt("a cat")
            .size(VideoSize.S1280x720)
            .inputReference(image)
            .build());
  }

  /** The input_reference part as sent: its type and exact bytes. */
  private Part sentImage() throws Exception {
    List<Part> parts = TestSupport.parts(server.takeRequest());
    Part image = parts.get(parts.size() - 1);
    assertThat(image.disposition()).startsWith("form-data; name=\"input_reference\"; filename=");
    return image;
  }

  @Test
  void aJpegWhoseFrameHeaderLiesPastALargeExifBlockIsAcceptedFromAPath() throws Exception {
    byte[] jpeg = jpegWithLargeExif();
    Path file = dir.resolve("frame.jpg");
    Files.write(file, jpeg);

    createWith(ImageReference.file(file));

    Part image = sentImage();
    assertThat(image.contentType()).isEqualTo("image/jpeg");
    assertThat(image.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(jpeg);
  }

  @Test
  void aJpegWhoseFrameHeaderLiesPastALargeExifBlockIsAcceptedFromBytes() throws Exception {
    byte[] jpeg = jpegWithLargeExif();

    createWith(ImageReference.file(jpeg, "frame.jpg"));

    Part image = sentImage();
    assertThat(image.contentType()).isEqualTo("image/jpeg");
    assertThat(image.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(jpeg);
  }

  @Test
  void aJpegWhoseFrameHeaderLiesPastALargeExifBlockIsAcceptedFromAStream() throws Exception {
    byte[] jpeg = jpegWithLargeExif();

    createWith(ImageReference.file(new ByteArrayInputStream(jpeg), "frame.jpg"));

    Part image = sentImage();
    assertThat(image.contentType()).isEqualTo("image/jpeg");
    assertThat(image.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(jpeg);
  }

  @Test
  void theSizeFoundPastTheExifBlockOfAStreamIsChecked() {
    byte[] jpeg = jpegWithLargeExif();

    assertThatThrownBy(
            () ->
                client.create(
                    CreateVideoRequest.builder()
                        .prompt("a cat")
                        .size(VideoSize.S720x1280)
                        .inputReference(
                            ImageReference.file(new ByteArrayInputStream(jpeg), "frame.jpg"))
                        .build()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "create: input_reference image frame.jpg is 1280x720 but the video size is 720x1280;"
                + " the image must have the video's pixel size");
    assertThat(server.getRequestCount()).isZero();
  }
}
