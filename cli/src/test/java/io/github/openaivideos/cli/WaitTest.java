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
  void onATerminalWaitingDrawsABarRedrawnInPlaceWithAnEtaOnceItMoves() {
    cli.columns = 120;

    CliResult result = cli.runOnTerminal("create", "--prompt", "A cat", "--wait");

    assertThat(result.exitCode()).isZero();
    String id = CreateCommandTest.idIn(result.out());
    assertThat(result.err())
        .isEqualTo(
            "\r"
                + id
                + " [....................]   0% queued 0:00\u001b[K"
                + "\r"
                + id
                + " [....................]   0% in_progress 0:01\u001b[K"
                + "\r"
                + id
                + " [#####...............]  25% in_progress 0:02 ETA 0:03\u001b[K"
                + "\r"
                + id
                + " [##########..........]  50% in_progress 0:03 ETA 0:02\u001b[K"
                + "\r"
                + id
                + " [###############.....]  75% in_progress 0:04 ETA 0:01\u001b[K"
                + "\r"
                + id
                + " [####################] 100% completed 0:05\u001b[K"
                + "\n");
  }

  @Test
  void at80ColumnsEveryBarLineStopsShortOfTheLastColumnAndKeepsTheEta() {
    CliResult result = cli.runOnTerminal("create", "--prompt", "A cat", "--wait");

    String id = CreateCommandTest.idIn(result.out());
    assertThat(result.err().split("\r"))
        .filteredOn(line -> !line.isEmpty())
        .allSatisfy(line -> assertThat(line.replace("\u001b[K", "").strip()).hasSizeLessThan(80))
        .contains(
            id.substring(0, 34) + "\u2026 [#####.....]  50% in_progress 0:03 ETA 0:02\u001b[K");
  }

  @Test
  void whileQueuedTheBarsClockMovesEverySecond() {
    try (SimulatedCli slow =
        new SimulatedCli(Timing.of(Duration.ofSeconds(15), Duration.ofSeconds(4)))) {
      slow.columns = 120;
      slow.afterSleep = slow.ticker::tick;
      Video video = slow.queuedVideo("A slow cat");

      CliResult result = slow.runOnTerminal("wait", video.id());

      assertThat(result.exitCode()).isZero();
      List<String> drawn =
          Stream.of(result.err().split("\r"))
              .filter(line -> !line.isEmpty())
              .map(line -> line.replace("\u001b[K", ""))
              .toList();
      List<String> queued = new java.util.ArrayList<>();
      for (int s = 0; s <= 14; s++) {
        queued.add(
            video.id() + " [....................]   0% queued 0:" + String.format("%02d", s));
      }
      assertThat(drawn.subList(0, 15)).containsExactlyElementsOf(queued);
      assertThat(drawn.get(15)).isEqualTo(video.id() + " [....................]   0% queued 0:15");
      assertThat(drawn.get(16))
          .isEqualTo(video.id() + " [....................]   0% in_progress 0:15");
      assertThat(slow.ticker.ticking()).isZero();
    }
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
  void aJobStillRunningAtTheTimeoutSaysHowToResumeAndExitsWithFour() {
    try (SimulatedCli slow = new SimulatedCli(Timing.of(Duration.ZERO, Duration.ofHours(1)))) {
      Video video = slow.queuedVideo("A long film");
      Path folder = dir.resolve("out");

      CliResult result =
          slow.run("wait", video.id(), "--timeout", "1", "--download", folder.toString());

      assertThat(result.exitCode()).isEqualTo(4);
      assertThat(result.out()).isEmpty();
      assertThat(result.err().lines().toList())
          .last()
          .isEqualTo(
              "timed out: "
                  + video.id()
                  + " is still in_progress (1%) after 1m00s; it keeps running on the server;"
                  + " resume with: videos wait "
                  + video.id()
                  + " --download "
                  + folder);
      assertThat(folder).doesNotExist();
    }
  }

  @Test
  void aTimeoutInSecondsEndsTheWaitThen() {
    try (SimulatedCli slow = new SimulatedCli(Timing.of(Duration.ZERO, Duration.ofHours(1)))) {
      Video video = slow.queuedVideo("A long film");

      CliResult result = slow.run("wait", video.id(), "--timeout", "90s");

      assertThat(result.exitCode()).isEqualTo(4);
      assertThat(result.err())
          .endsWith(
              "timed out: "
                  + video.id()
                  + " is still in_progress (2%) after 1m30s; it keeps running on the server;"
                  + " resume with: videos wait "
                  + video.id()
                  + "\n");
    }
  }

  @Test
  void aTimeoutLongEnoughLetsTheJobFinish() {
    CliResult result = cli.run("create", "--prompt", "A cat", "--wait", "--timeout", "1h30m");

    assertThat(result.exitCode()).isZero();
  }

  @Test
  void aTimeoutThatIsNotADurationIsBadUsage() {
    CliResult result = cli.run("wait", "video_1", "--timeout", "abc");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --timeout: 'abc' is not a duration; use e.g. 90s,"
                + " 10m or 1h (see 'videos wait --help')\n");
  }

  @Test
  void aZeroTimeoutIsBadUsage() {
    CliResult result = cli.run("wait", "video_1", "--timeout", "0s");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --timeout: '0s' is no time at all; use e.g. 90s,"
                + " 10m or 1h (see 'videos wait --help')\n");
  }

  @Test
  void ctrlCDuringAWaitEndsTheBarsLineSaysHowToResumeAndLeavesNoFolder() {
    cli.columns = 120;
    Path folder = dir.resolve("out");
    cli.afterSleep =
        () -> {
          if (cli.sleeps.size() == 2) {
            cli.interrupts.interrupt();
          }
        };

    CliResult result =
        cli.runOnTerminal("create", "--prompt", "A cat", "--download", folder.toString());

    assertThat(result.exitCode()).isEqualTo(130);
    assertThat(result.out()).isEmpty();
    String id = result.err().substring(1, result.err().indexOf(' '));
    assertThat(result.err())
        .isEqualTo(
            "\r"
                + id
                + " [....................]   0% queued 0:00\u001b[K"
                + "\r"
                + id
                + " [....................]   0% in_progress 0:01\u001b[K"
                + "\n"
                + "interrupted: the job keeps running on the server; resume with: videos wait "
                + id
                + " --download "
                + folder
                + "\n");
    assertThat(folder).doesNotExist();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void ctrlCFromAnotherThreadEndsALoggedWaitToo() throws Exception {
    java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch interrupted = new java.util.concurrent.CountDownLatch(1);
    cli.afterSleep =
        () -> {
          waiting.countDown();
          try {
            interrupted.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    java.util.concurrent.ExecutorService other =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      other.execute(
          () -> {
            try {
              waiting.await();
            } catch (InterruptedException e) {
              return;
            }
            cli.interrupts.interrupt();
            interrupted.countDown();
          });

      CliResult result = cli.run("create", "--prompt", "A cat", "--wait");

      assertThat(result.exitCode()).isEqualTo(130);
      assertThat(result.err().lines().toList())
          .hasSize(2)
          .last()
          .asString()
          .startsWith(
              "interrupted: the job keeps running on the server; resume with: videos wait video_");
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void theDownloadFolderIsCreatedOnlyWhenTheFirstDownloadStarts() {
    Path folder = dir.resolve("a").resolve("b");

    CliResult failed =
        cli.run("create", "--prompt", "A forbidden dance", "--download", folder.toString());
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(dir.resolve("a")).doesNotExist();

    CliResult done = cli.run("create", "--prompt", "A cat", "--download", folder.toString());
    assertThat(done.exitCode()).isZero();
    assertThat(folder).isDirectory();
  }
}
