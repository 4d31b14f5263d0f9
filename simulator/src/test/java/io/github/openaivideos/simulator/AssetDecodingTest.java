package io.github.openaivideos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16: a real decoder (FFmpeg, from Debian's packages) reads every asset the simulator serves
 * without a single error, and finds in the MP4 what a client of the real service would: H.264 at 24
 * frames a second and an AAC sound track. On CI ({@code CI=true}) FFmpeg must be installed (by
 * {@code .ci/install-tools}); elsewhere these tests are skipped without it.
 */
class AssetDecodingTest {
  private static Path ffmpeg;
  private static Path ffprobe;
  private static VideosSimulator sim;
  private static Api api;

  @TempDir static Path dir;

  @BeforeAll
  static void findFfmpegAndStart() {
    ffmpeg = tool("ffmpeg");
    ffprobe = tool("ffprobe");
    sim = VideosSimulator.builder().timing(Timing.instant()).build().start();
    api = new Api(sim);
  }

  @AfterAll
  static void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  /** Every size the simulator accepts. */
  static Stream<String> sizes() {
    return VideoSize.SUPPORTED.stream().map(VideoSize::toString);
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void everyAssetOfAVideoDecodesWithoutErrors(String size) throws Exception {
    String seconds = "4";
    String id =
        api.create("{\"prompt\":\"p\",\"size\":\"" + size + "\",\"seconds\":\"" + seconds + "\"}")
            .get("id")
            .asText();
    Path video = download(id, "video", "mp4");
    Path thumbnail = download(id, "thumbnail", "png");
    Path spritesheet = download(id, "spritesheet", "jpg");

    Result decoded =
        run(
            ffmpeg.toString(),
            "-v",
            "error",
            "-nostdin",
            "-i",
            video.toString(),
            "-i",
            thumbnail.toString(),
            "-i",
            spritesheet.toString(),
            "-map",
            "0",
            "-f",
            "null",
            "-",
            "-map",
            "1",
            "-f",
            "null",
            "-",
            "-map",
            "2",
            "-f",
            "null",
            "-");

    assertThat(decoded.exitCode()).as(decoded.err()).isZero();
    assertThat(decoded.err()).as("decoder errors").isEmpty();
    VideoSize expected = VideoSize.parseSupported(size);
    JsonNode mp4 = probe(video);
    JsonNode picture = stream(mp4, "video");
    JsonNode sound = stream(mp4, "audio");
    assertThat(picture.get("codec_name").asText()).isEqualTo("h264");
    assertThat(picture.get("width").asInt()).isEqualTo(expected.width());
    assertThat(picture.get("height").asInt()).isEqualTo(expected.height());
    assertThat(picture.get("r_frame_rate").asText()).isEqualTo("24/1");
    assertThat(picture.get("nb_frames").asInt()).isEqualTo(24 * Integer.parseInt(seconds));
    assertThat(picture.get("color_range").asText()).isEqualTo("pc");
    assertThat(sound.get("codec_name").asText()).isEqualTo("aac");
    assertThat(sound.get("profile").asText()).isEqualTo("LC");
    assertThat(sound.get("sample_rate").asText()).isEqualTo("48000");
    assertThat(sound.get("channels").asInt()).isEqualTo(1);
    assertThat(mp4.get("format").get("duration").asDouble()).isEqualTo(Double.parseDouble(seconds));
  }

  @Test
  void anExtendedVideoAndAnEditOfAnUploadDecodeWithoutErrors() throws Exception {
    String source = api.create("{\"prompt\":\"p\",\"size\":\"1280x720\"}").get("id").asText();
    String extended =
        Api.json(
                api.postJson(
                    "videos/extensions",
                    "{\"prompt\":\"on\",\"seconds\":\"20\",\"video\":{\"id\":\"" + source + "\"}}"))
            .get("id")
            .asText();
    String edited =
        Api.json(
                api.postMultipart(
                    "videos/edits",
                    new Multipart()
                        .text("prompt", "edit")
                        .file(
                            "video",
                            "in.mp4",
                            "video/mp4",
                            Files.readAllBytes(download(extended, "video", "mp4")))))
            .get("id")
            .asText();

    for (String id : List.of(extended, edited)) {
      Path video = download(id, "video", "mp4");
      Result decoded =
          run(
              ffmpeg.toString(),
              "-v",
              "error",
              "-nostdin",
              "-i",
              video.toString(),
              "-f",
              "null",
              "-");
      assertThat(decoded.exitCode()).as(decoded.err()).isZero();
      assertThat(decoded.err()).as("decoder errors").isEmpty();
      assertThat(probe(video).get("format").get("duration").asDouble()).isEqualTo(24.0);
    }
  }

  /**
   * The P frames are written by hand (motion vectors, no residual): decoded frames must show the
   * disc where the storyboard draws it, a quarter turn apart, in the first loop, a later loop and
   * the second group of pictures.
   */
  @Test
  void decodedFramesShowTheStoryboardsPictures() throws Exception {
    String id =
        api.create("{\"prompt\":\"p\",\"size\":\"1280x720\",\"seconds\":\"4\"}").get("id").asText();
    Path video = download(id, "video", "mp4");
    Storyboard story =
        new Storyboard(
            new VideoRecord(
                id, "sora-2", "p", new VideoSize(1280, 720), 4, Instant.EPOCH, 0, null, null));

    int[] frames = {0, 6, 12, 18, 23, 30, 54, 95};
    StringBuilder select = new StringBuilder();
    for (int frame : frames) {
      select.append(select.length() == 0 ? "" : "+").append("eq(n\\,").append(frame).append(')');
    }
    byte[] decoded =
        run(
                ffmpeg.toString(),
                "-v",
                "error",
                "-nostdin",
                "-i",
                video.toString(),
                "-vf",
                "select=" + select,
                "-vsync",
                "passthrough",
                "-f",
                "rawvideo",
                "-pix_fmt",
                "rgb24",
                "-")
            .outBytes();

    int frameBytes = 1280 * 720 * 3;
    assertThat(decoded).hasSize(frames.length * frameBytes);
    for (int i = 0; i < frames.length; i++) {
      int frame = frames[i];
      byte[] picture = Arrays.copyOfRange(decoded, i * frameBytes, (i + 1) * frameBytes);
      BufferedImage expected = story.frame(frame);
      assertThat(meanDifference(picture, expected)).as("frame " + frame).isLessThan(2.0);
      int[] disc = story.offset(frame);
      int[] opposite = story.offset(frame + Storyboard.LOOP_FRAMES / 2);
      int[] discColour = pixel(expected, 640 + disc[0], 360 + disc[1]);
      assertThat(distance(pixel(picture, 1280, 640 + disc[0], 360 + disc[1]), discColour))
          .as("disc where it should be in frame " + frame)
          .isLessThan(12);
      assertThat(distance(pixel(picture, 1280, 640 + opposite[0], 360 + opposite[1]), discColour))
          .as("no disc where it is half a turn later, frame " + frame)
          .isGreaterThan(100);
    }
  }

  @Test
  void theSoundTrackChimesAtTheStartOfEverySecondAndIsQuietBetween() throws Exception {
    String id = api.create("{\"prompt\":\"p\",\"seconds\":\"4\"}").get("id").asText();
    Path video = download(id, "video", "mp4");

    byte[] pcm =
        run(
                ffmpeg.toString(),
                "-v",
                "error",
                "-nostdin",
                "-i",
                video.toString(),
                "-map",
                "0:a",
                "-f",
                "s16le",
                "-ac",
                "1",
                "-ar",
                "48000",
                "-")
            .outBytes();

    assertThat(pcm.length / 2).isBetween(4 * 48000 - 2048, 4 * 48000);
    for (int second = 1; second < 4; second++) {
      int start = second * 48000;
      assertThat(rms(pcm, start + 1200, start + 6000))
          .as("chime in second " + second)
          .isGreaterThan(1000);
      assertThat(rms(pcm, start + 14000, start + 46000))
          .as("quiet in second " + second)
          .isLessThan(50);
    }
  }

  private static Path download(String id, String variant, String extension) throws IOException {
    var response = api.getBytes("videos/" + id + "/content?variant=" + variant);
    assertThat(response.statusCode()).isEqualTo(200);
    Path file = dir.resolve(id + "-" + variant + "." + extension);
    Files.write(file, response.body());
    return file;
  }

  private static JsonNode probe(Path file) throws Exception {
    Result result =
        run(
            ffprobe.toString(),
            "-v",
            "error",
            "-show_entries",
            "stream=codec_type,codec_name,profile,width,height,r_frame_rate,nb_frames,"
                + "sample_rate,channels,color_range:format=duration",
            "-of",
            "json",
            file.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).as("ffprobe errors").isEmpty();
    return Api.JSON.readTree(result.outBytes());
  }

  private static JsonNode stream(JsonNode probe, String type) {
    for (JsonNode stream : probe.get("streams")) {
      if (stream.get("codec_type").asText().equals(type)) {
        return stream;
      }
    }
    throw new AssertionError("no " + type + " stream in " + probe);
  }

  private static double meanDifference(byte[] rgb, BufferedImage expected) {
    long total = 0;
    int width = expected.getWidth();
    for (int y = 0; y < expected.getHeight(); y++) {
      for (int x = 0; x < width; x++) {
        total += distance(pixel(rgb, width, x, y), pixel(expected, x, y));
      }
    }
    return (double) total / (3.0 * width * expected.getHeight());
  }

  private static int[] pixel(byte[] rgb, int width, int x, int y) {
    int i = (y * width + x) * 3;
    return new int[] {rgb[i] & 0xFF, rgb[i + 1] & 0xFF, rgb[i + 2] & 0xFF};
  }

  private static int[] pixel(BufferedImage image, int x, int y) {
    int rgb = image.getRGB(x, y);
    return new int[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
  }

  private static int distance(int[] a, int[] b) {
    return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
  }

  private static double rms(byte[] pcm, int fromSample, int toSample) {
    ByteBuffer samples = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
    double sum = 0;
    for (int i = fromSample; i < toSample; i++) {
      double value = samples.getShort(2 * i);
      sum += value * value;
    }
    return Math.sqrt(sum / (toSample - fromSample));
  }

  /** What a tool printed, and how it ended. */
  private static final class Result {
    private final int exitCode;
    private final byte[] out;
    private final String err;

    Result(int exitCode, byte[] out, String err) {
      this.exitCode = exitCode;
      this.out = out.clone();
      this.err = err;
    }

    int exitCode() {
      return exitCode;
    }

    byte[] outBytes() {
      return out.clone();
    }

    String err() {
      return err;
    }
  }

  private static Result run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<byte[]> out = readAll(process.getInputStream());
    CompletableFuture<byte[]> err = readAll(process.getErrorStream());
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", command));
    }
    return new Result(
        process.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
  }

  private static CompletableFuture<byte[]> readAll(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (InputStream in = stream) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * The tool on the PATH. Missing, it fails the test on CI, where {@code .ci/install-tools} puts it
   * there, and skips it elsewhere.
   */
  static Path tool(String name) {
    Optional<Path> found = ExternalTools.onPath(name);
    if (found.isPresent()) {
      return found.get();
    }
    String message =
        name
            + " is not on the PATH: run .ci/install-tools (it installs Debian's ffmpeg package)"
            + " so that the simulator's assets are checked with a real decoder";
    throw ExternalTools.unavailable(message);
  }
}
