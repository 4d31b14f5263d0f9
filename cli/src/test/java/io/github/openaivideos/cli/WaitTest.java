package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.openaivideos.models.Video;
import io.github.openaivideos.simulator.Timing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --wait}, {@code --download} and {@code videos wait}: progress, results, exit codes. */
class WaitTest {
  private final SimulatedCli cli = new SimulatedCli();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void waitingWithoutATerminalLogsOneLinePerUpdate() {
    CliResult result = cli.run("create", "--prompt", "A cat", "--wait");

    assertThat(result.exitCode()).isZero();
    String id = CreateCommandTest.idIn(result.out());
    assertThat(result.err())
        .isEqualTo(
            "[0:00] "
                + id
                + " queued 0%\n"
                + "[0:01] "
                + id
                + " in_progress 0%\n"
                + "[0:02] "
                + id
                + " in_progress 25%\n"
                + "[0:03] "
                + id
                + " in_progress 50%\n"
                + "[0:04] "
                + id
                + " in_progress 75%\n"
                + "[0:05] "
                + id
                + " completed 100%\n");
    assertThat(result.out())
        .contains("status        completed\n")
        .contains("completed_at  2026-01-02T03:04:10Z\n");
  }

  @Test
  void waitingPollsOnTheSimulatorsHintWithoutRealSleeps() {
    cli.run("create", "--prompt", "A cat", "--wait");

    assertThat(cli.sleeps).containsOnly(Duration.ofSeconds(1)).hasSize(5);
  }

  @Test
  void onATerminalWaitingDrawsABarRedrawnInPlace() {
    CliResult result = cli.runOnTerminal("create", "--prompt", "A cat", "--wait");

    assertThat(result.exitCode()).isZero();
    String id = CreateCommandTest.idIn(result.out());
    assertThat(result.err())
        .isEqualTo(
            "\r"
                + id
                + " [....................]   0% queued 0:00"
                + "\r"
                + id
                + " [....................]   0% in_progress 0:01"
                + "\r"
                + id
                + " [#####...............]  25% in_progress 0:02"
                + "\r"
                + id
                + " [##########..........]  50% in_progress 0:03"
                + "\r"
                + id
                + " [###############.....]  75% in_progress 0:04"
                + "\r"
                + id
                + " [####################] 100% completed 0:05  "
                + "\n");
  }

  @Test
  void noProgressLogsLinesEvenOnATerminal() {
    CliResult result = cli.runOnTerminal("create", "--prompt", "A cat", "--wait", "--no-progress");

    assertThat(result.err()).doesNotContain("\r").contains(" in_progress 25%\n");
  }

  @Test
  void aFailedJobExitsWithThreeAndTheServersReason() {
    CliResult result = cli.run("create", "--prompt", "A forbidden dance", "--wait");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out()).isEmpty();
    List<String> lines = result.err().lines().toList();
    String id = lines.get(0).substring("[0:00] ".length(), lines.get(0).indexOf(" queued"));
    assertThat(lines)
        .containsExactly(
            "[0:00] " + id + " queued 0%",
            "[0:01] " + id + " failed 0%",
            "error: video "
                + id
                + " failed: Your request was blocked by our moderation system.; code:"
                + " moderation_blocked");
  }

  @Test
  void waitCommandFollowsAnExistingJobAndPrintsJson() {
    Video queued = cli.queuedVideo("A cat");

    CliResult result = cli.run("wait", queued.id(), "--json");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).endsWith("[0:05] " + queued.id() + " completed 100%\n");
    Map<String, Object> json = JsonText.object(result.out());
    assertThat(json)
        .containsEntry("id", queued.id())
        .containsEntry("status", "completed")
        .containsEntry("progress", 100.0)
        .doesNotContainKey("downloads");
  }

  @Test
  void waitingForAnUnknownJobIsAnApiError() {
    CliResult result = cli.run("wait", "video_missing");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith(
            "error: 404: No video found with id 'video_missing'.; type: invalid_request_error;"
                + " param: video_id; code: not_found; request-id: req_");
  }

  @Test
  void downloadSavesTheThreeAssetsNamedAfterTheId() throws IOException {
    Path folder = dir.resolve("out");

    CliResult result =
        cli.run("create", "--prompt", "A cat", "--download", folder.toString(), "--json");

    assertThat(result.exitCode()).isZero();
    Map<String, Object> json = JsonText.object(result.out());
    String id = (String) json.get("id");
    assertThat(json.get("downloads"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .extracting(d -> ((Map<?, ?>) d).get("variant"), d -> ((Map<?, ?>) d).get("path"))
        .containsExactly(
            tuple("video", folder.resolve(id + ".mp4").toString()),
            tuple("thumbnail", folder.resolve(id + ".thumbnail.png").toString()),
            tuple("spritesheet", folder.resolve(id + ".spritesheet.jpg").toString()));
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(id + ".mp4", id + ".thumbnail.png", id + ".spritesheet.jpg");
    }
    assertThat(Files.readAllBytes(folder.resolve(id + ".mp4")))
        .hasSizeGreaterThan(1000)
        .startsWith(new byte[] {0, 0, 0});
  }

  @Test
  void aDownloadFolderThatIsAFileIsBadUsageBeforeAnyJobStarts() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

    CliResult result = cli.run("create", "--prompt", "A cat", "--download", file.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --download: "
                + file
                + " is a file, not a folder (see 'videos create --help')\n");
    assertThat(cli.run("list", "--json").out()).contains("\"data\": []");
  }

  @Test
  void aJobStillRunningAtTheTimeoutIsAnApiError() {
    try (SimulatedCli slow = new SimulatedCli(Timing.of(Duration.ZERO, Duration.ofHours(1)))) {
      Video video = slow.queuedVideo("A long film");

      CliResult result = slow.run("wait", video.id(), "--timeout", "1");

      assertThat(result.exitCode()).isEqualTo(1);
      // The SDK words this as a wait timeout or as a retrieve out of time, depending on whether
      // the deadline falls between polls or exactly on one (as here, polling every second).
      assertThat(result.err().lines().toList())
          .last()
          .asString()
          .startsWith("error: ")
          .containsAnyOf("was still in_progress", "ran out of time");
    }
  }

  @Test
  void aTimeoutUnderOneMinuteIsBadUsage() {
    CliResult result = cli.run("wait", "video_1", "--timeout", "0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --timeout must be at least 1 minute, was 0 (see 'videos wait --help')\n");
  }
}
