package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.models.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadCommandTest {
  private final SimulatedCli cli = new SimulatedCli();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void downloadIntoAFolderNamesTheFileAfterTheId() throws IOException {
    Video video = cli.completedVideo("A cat");

    CliResult result = cli.run("download", video.id(), "-o", dir.toString());

    assertThat(result.exitCode()).isZero();
    Path file = dir.resolve(video.id() + ".mp4");
    String bytes = String.valueOf(Files.size(file));
    String columns = "%-7s  %-" + Math.max(5, bytes.length()) + "s  %s";
    assertThat(result.out().lines())
        .containsExactly(
            String.format(columns, "VARIANT", "BYTES", "PATH"),
            String.format(columns, "video", bytes, file));
  }

  @Test
  void aThumbnailGetsTheExtensionOfItsContent() throws IOException {
    Video video = cli.completedVideo("A cat");

    CliResult result =
        cli.run("download", video.id(), "--variant", "thumbnail", "-o", dir.toString(), "--json");

    assertThat(result.exitCode()).isZero();
    Path file = dir.resolve(video.id() + ".thumbnail.png");
    assertThat(JsonText.object(result.out()))
        .containsEntry("id", video.id())
        .containsEntry(
            "downloads",
            List.of(
                Map.of(
                    "variant",
                    "thumbnail",
                    "path",
                    file.toString(),
                    "bytes",
                    (double) Files.size(file))));
  }

  @Test
  void downloadToANamedFileWritesExactlyThere() {
    Video video = cli.completedVideo("A cat");
    Path file = dir.resolve("sheet.jpeg");

    CliResult result =
        cli.run("download", video.id(), "--variant", "spritesheet", "--output", file.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(file).isRegularFile();
    assertThat(dir.toFile().list()).containsExactly("sheet.jpeg");
  }

  @Test
  void downloadOfAJobStillRunningIsAnApiErrorAndWritesNothing() {
    Video video = cli.queuedVideo("A cat");

    CliResult result = cli.run("download", video.id(), "-o", dir.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("error: 409: ");
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void anUnknownVariantIsBadUsageNamingTheChoices() {
    CliResult result = cli.run("download", "video_x", "--variant", "poster");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --variant: 'poster' is not one of video, thumbnail,"
                + " spritesheet (see 'videos download --help')\n");
  }

  @Test
  void aTargetInAMissingFolderIsRefusedBeforeTheRequest() {
    Path target = dir.resolve("missing").resolve("cat.mp4");

    CliResult result = cli.run("download", "video_x", "-o", target.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: cannot write "
                + target
                + ": no such folder "
                + target.getParent()
                + " (end -o with / to create it)\n");
  }

  @Test
  void aTrailingSlashMeansAFolderThatIsCreated() {
    Video video = cli.completedVideo("A cat");
    Path folder = dir.resolve("nodir");

    CliResult result = cli.run("download", video.id(), "-o", folder + "/");

    assertThat(result.exitCode()).isZero();
    assertThat(folder.resolve(video.id() + ".mp4")).isRegularFile();
  }

  @Test
  void anExistingFileIsRefusedBeforeTheRequestUnlessClobber() throws IOException {
    Video video = cli.completedVideo("A cat");
    Path clip = Files.writeString(dir.resolve("clip.mp4"), "mine");

    CliResult refused = cli.run("download", video.id(), "-o", clip.toString());

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .isEqualTo(
            "error: cannot write " + clip + ": the file exists; add --clobber to overwrite\n");
    assertThat(clip).hasContent("mine");

    CliResult clobbered = cli.run("download", video.id(), "-o", clip.toString(), "--clobber");

    assertThat(clobbered.exitCode()).isZero();
    assertThat(Files.size(clip)).isGreaterThan(4);
  }

  @Test
  void waitWithDownloadRefusesFilesThatExist() throws IOException {
    Video video = cli.completedVideo("A cat");
    Path existing = Files.writeString(dir.resolve(video.id() + ".mp4"), "mine");

    CliResult result = cli.run("wait", video.id(), "--download", dir.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: cannot write " + existing + ": the file exists; add --clobber to overwrite\n");
    assertThat(cli.run("wait", video.id(), "--download", dir.toString(), "--clobber").exitCode())
        .isZero();
  }
}
