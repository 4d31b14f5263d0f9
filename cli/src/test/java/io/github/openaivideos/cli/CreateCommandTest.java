package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateCommandTest {
  private final SimulatedCli cli = new SimulatedCli();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void createPrintsTheQueuedJobAsATable() {
    CliResult result = cli.run("create", "--prompt", "A calico cat playing a piano");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    String id = idIn(result.out());
    assertThat(result.out())
        .isEqualTo(
            "id          "
                + id
                + "\n"
                + "status      queued\n"
                + "progress    0%\n"
                + "model       sora-2\n"
                + "size        720x1280\n"
                + "seconds     4\n"
                + "created_at  2026-01-02T03:04:05Z\n"
                + "prompt      A calico cat playing a piano\n");
  }

  @Test
  void createSendsModelSecondsAndSizeAndPrintsJson() {
    CliResult result =
        cli.run(
            "create",
            "--prompt",
            "A \"quoted\"\nprompt",
            "--model",
            "sora-2-pro",
            "--seconds",
            "8",
            "--size",
            "1280x720",
            "--json");

    assertThat(result.exitCode()).isZero();
    Map<String, Object> json = JsonText.object(result.out());
    assertThat(json)
        .containsEntry("object", "video")
        .containsEntry("status", "queued")
        .containsEntry("progress", 0.0)
        .containsEntry("model", "sora-2-pro")
        .containsEntry("size", "1280x720")
        .containsEntry("seconds", "8")
        .containsEntry("created_at", (double) SimulatedCli.START.getEpochSecond())
        .containsEntry("completed_at", null)
        .containsEntry("prompt", "A \"quoted\"\nprompt")
        .containsEntry("error", null);
    assertThat((String) json.get("id")).startsWith("video_");
  }

  @Test
  void globalOptionsWorkBeforeTheCommandToo() {
    CliResult result = cli.run("--json", "create", "--prompt", "A cat");

    assertThat(result.exitCode()).isZero();
    assertThat(JsonText.object(result.out())).containsEntry("status", "queued");
  }

  @Test
  void secondsOutsideFourEightTwelveIsBadUsageListingTheAllowedValues() {
    CliResult result = cli.run("create", "--prompt", "A cat", "--seconds", "5");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "error: --seconds: 5 is not allowed; allowed values: 4, 8,"
                + " 12 (see 'videos create --help')\n");
  }

  @Test
  void sixteenSecondsIsOnlyForExtensions() {
    CliResult result = cli.run("create", "--prompt", "A cat", "--seconds", "16");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --seconds: 16 is not allowed; allowed values: 4,"
                + " 8, 12 (see 'videos create --help')\n");
  }

  @Test
  void aSizeThatIsNotWidthByHeightIsBadUsage() {
    CliResult result = cli.run("create", "--prompt", "A cat", "--size", "big");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --size: size \"big\" is not WIDTHxHEIGHT; known"
                + " sizes: 720x1280, 1280x720, 1024x1792, 1792x1024, 1920x1080, 1080x1920"
                + " (see 'videos create --help')\n");
  }

  @Test
  void aMissingPromptIsBadUsage() {
    CliResult result = cli.run("create");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: Missing required option: '--prompt=TEXT' (see 'videos create --help')\n");
  }

  @Test
  void anEmptyPromptIsRejectedBeforeAnythingIsSent() {
    CliResult result = cli.run("create", "--prompt", "");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: --prompt must not be blank (see 'videos create --help')\n");
  }

  @Test
  void anHttpsInputReferenceIsSentAsAUrl() {
    CliResult result =
        cli.run("create", "--prompt", "A cat", "--input-reference", "https://example.com/cat.png");

    assertThat(result.exitCode()).isZero();
  }

  @Test
  void aPlainHttpInputReferenceIsBadUsage() {
    CliResult result =
        cli.run("create", "--prompt", "A cat", "--input-reference", "http://example.com/cat.png");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --input-reference: the image URL must"
                + " be an https: URL or a data:image/ URL, was \"http://example.com/cat.png\""
                + " (see 'videos create --help')\n");
  }

  @Test
  void anInputReferenceFileIsUploaded() throws IOException {
    Path image = dir.resolve("first-frame.png");
    ImageIO.write(new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB), "png", image.toFile());

    CliResult result =
        cli.run(
            "create",
            "--prompt",
            "A cat",
            "--size",
            "1280x720",
            "--input-reference",
            image.toString());

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void aMissingInputReferenceFileIsBadUsage() {
    Path missing = dir.resolve("missing.png");

    CliResult result =
        cli.run("create", "--prompt", "A cat", "--input-reference", missing.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --input-reference: no such file: "
                + missing
                + " (see 'videos create --help')\n");
  }

  /** The id in the first row of a video table. */
  static String idIn(String table) {
    String first = table.lines().findFirst().orElseThrow();
    assertThat(first).startsWith("id ");
    return first.substring(2).strip();
  }
}
