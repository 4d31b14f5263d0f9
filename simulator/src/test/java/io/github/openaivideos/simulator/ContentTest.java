package io.github.openaivideos.simulator;

import static io.github.openaivideos.simulator.CreateVideoTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.MediaHeaderBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.SampleSizeBox;
import org.mp4parser.boxes.iso14496.part12.SyncSampleBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;
import org.mp4parser.boxes.iso14496.part14.ESDescriptorBox;
import org.mp4parser.boxes.sampleentry.AudioSampleEntry;
import org.mp4parser.boxes.sampleentry.VisualSampleEntry;

class ContentTest {
  private static VideosSimulator sim;
  private static Api api;
  private static String video;

  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    sim = VideosSimulator.builder().timing(Timing.instant()).build().start();
    api = new Api(sim);
    video =
        api.create("{\"prompt\":\"p\",\"seconds\":\"4\",\"size\":\"1280x720\"}").get("id").asText();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void videoVariantIsAnMp4WithTheJobsDurationAndSize() throws IOException {
    HttpResponse<byte[]> response = api.getBytes("videos/" + video + "/content");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("video/mp4");
    assertThat(response.headers().firstValueAsLong("content-length"))
        .hasValue(response.body().length);
    assertMp4(response.body(), 4.0, 1280, 720);
  }

  @Test
  void defaultVariantEqualsTheVideoVariant() {
    byte[] implicit = api.getBytes("videos/" + video + "/content").body();
    byte[] explicit = api.getBytes("videos/" + video + "/content?variant=video").body();

    assertThat(implicit).isEqualTo(explicit);
  }

  @Test
  void extensionMp4HasTheStitchedDuration() throws IOException {
    String extension =
        Api.json(
                api.postJson(
                    "videos/extensions",
                    "{\"prompt\":\"more\",\"seconds\":\"8\",\"video\":{\"id\":\"" + video + "\"}}"))
            .get("id")
            .asText();

    byte[] mp4 = api.getBytes("videos/" + extension + "/content").body();

    assertMp4(mp4, 12.0, 1280, 720);
  }

  @Test
  void fullHdVideoKeepsAHeightThatIsNotAMultipleOfSixteen() throws IOException {
    String fullHd = api.create("{\"prompt\":\"p\",\"size\":\"1080x1920\"}").get("id").asText();

    assertMp4(api.getBytes("videos/" + fullHd + "/content").body(), 4.0, 1080, 1920);
  }

  @Test
  void thumbnailIsAPngOfTheVideoSize() throws IOException {
    HttpResponse<byte[]> response = api.getBytes("videos/" + video + "/content?variant=thumbnail");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("image/png");
    assertThat(response.headers().firstValueAsLong("content-length"))
        .hasValue(response.body().length);
    assertThat(formatOf(response.body())).isEqualTo("png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(720);
  }

  @Test
  void spritesheetIsAJpegGridOfFrames() throws IOException {
    HttpResponse<byte[]> response =
        api.getBytes("videos/" + video + "/content?variant=spritesheet");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("image/jpeg");
    assertThat(formatOf(response.body())).isEqualTo("jpeg");
    BufferedImage sheet = ImageIO.read(new ByteArrayInputStream(response.body()));
    assertThat(sheet.getWidth()).isEqualTo(4 * 320);
    assertThat(sheet.getHeight()).isEqualTo(180);
  }

  @Test
  void unknownVariantIsRejected() {
    HttpResponse<String> response = api.get("videos/" + video + "/content?variant=gif");

    assertError(
        response,
        400,
        "variant",
        "invalid_value",
        "Invalid value for 'variant': 'gif'. Supported values are: 'video', 'thumbnail', and"
            + " 'spritesheet'.");
  }

  @Test
  void contentOfAnUnknownVideoIsA404() {
    assertThat(api.get("videos/video_nope/content").statusCode()).isEqualTo(404);
  }

  /**
   * Checks the served MP4 with an MP4 parser independent of the encoder: the movie lasts exactly
   * {@code seconds}; an H.264 track of that size holds 24 frames for each second, with a key frame
   * every two seconds; an AAC-LC track (48 kHz, mono) ends less than one audio frame before it.
   */
  static void assertMp4(byte[] bytes, double seconds, int width, int height) throws IOException {
    Path file = Files.createTempFile(dir, "served", ".mp4");
    Files.write(file, bytes);
    try (IsoFile iso = new IsoFile(file.toString())) {
      MovieHeaderBox header = iso.getMovieBox().getMovieHeaderBox();
      assertThat((double) header.getDuration() / header.getTimescale()).isEqualTo(seconds);
      List<TrackBox> tracks = iso.getMovieBox().getBoxes(TrackBox.class);
      assertThat(tracks)
          .extracting(t -> t.getMediaBox().getHandlerBox().getHandlerType())
          .containsExactly("vide", "soun");

      TrackBox video = tracks.get(0);
      TrackHeaderBox track = video.getTrackHeaderBox();
      assertThat(track.getWidth()).isEqualTo(width);
      assertThat(track.getHeight()).isEqualTo(height);
      VisualSampleEntry avc1 = org.mp4parser.tools.Path.getPath(video, "mdia/minf/stbl/stsd/avc1");
      assertThat(avc1.getWidth()).isEqualTo(width);
      assertThat(avc1.getHeight()).isEqualTo(height);
      MediaHeaderBox videoTime = video.getMediaBox().getMediaHeaderBox();
      assertThat((double) videoTime.getDuration() / videoTime.getTimescale()).isEqualTo(seconds);
      SampleSizeBox frames = org.mp4parser.tools.Path.getPath(video, "mdia/minf/stbl/stsz");
      assertThat(frames.getSampleCount()).isEqualTo((long) (seconds * 24));
      SyncSampleBox keyFrames = org.mp4parser.tools.Path.getPath(video, "mdia/minf/stbl/stss");
      assertThat(keyFrames.getSampleNumber()).startsWith(1L, 49L);
      assertThat(keyFrames.getSampleNumber()).hasSize((int) Math.ceil(seconds / 2));

      TrackBox audio = tracks.get(1);
      AudioSampleEntry mp4a = org.mp4parser.tools.Path.getPath(audio, "mdia/minf/stbl/stsd/mp4a");
      assertThat(mp4a.getSampleRate()).isEqualTo(48000);
      assertThat(mp4a.getChannelCount()).isEqualTo(1);
      ESDescriptorBox esds = org.mp4parser.tools.Path.getPath(mp4a, "esds");
      assertThat(
              esds.getEsDescriptor()
                  .getDecoderConfigDescriptor()
                  .getAudioSpecificInfo()
                  .getAudioObjectType())
          .as("AAC LC")
          .isEqualTo(2);
      MediaHeaderBox audioTime = audio.getMediaBox().getMediaHeaderBox();
      double audioSeconds = (double) audioTime.getDuration() / audioTime.getTimescale();
      assertThat(audioSeconds).isBetween(seconds - 1024.0 / 48000, seconds);
    }
  }

  private static String formatOf(byte[] image) throws IOException {
    try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
      return ImageIO.getImageReaders(in).next().getFormatName().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
