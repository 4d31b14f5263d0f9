package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.models.Video;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** get, list, delete, remix, edit and extend against the simulator. */
class VideoCommandsTest {
  private final SimulatedCli cli = new SimulatedCli();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void getPrintsACompletedVideoAsATable() {
    Video video = cli.completedVideo("A cat");

    CliResult result = cli.run("get", video.id());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "id            "
                + video.id()
                + "\n"
                + "status        completed\n"
                + "progress      100%\n"
                + "model         sora-2\n"
                + "size          720x1280\n"
                + "seconds       4\n"
                + "created_at    2026-01-02T03:04:05Z\n"
                + "completed_at  2026-01-02T03:04:10Z\n"
                + "expires_at    2026-01-03T03:04:10Z\n"
                + "prompt        A cat\n");
  }

  @Test
  void getPrintsJsonWithTheApisFieldNames() {
    Video video = cli.completedVideo("A cat");

    CliResult result = cli.run("get", video.id(), "--json");

    assertThat(JsonText.object(result.out()))
        .containsOnlyKeys(
            "id",
            "object",
            "status",
            "progress",
            "model",
            "size",
            "seconds",
            "created_at",
            "completed_at",
            "expires_at",
            "prompt",
            "remixed_from_video_id",
            "error")
        .containsEntry("completed_at", (double) SimulatedCli.START.plusSeconds(5).getEpochSecond());
  }

  @Test
  void getOfAnUnknownIdIsAnApiErrorOnOneLine() {
    CliResult result = cli.run("get", "video_unknown");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .startsWith(
            "error: 404: No video found with id 'video_unknown'.; type: invalid_request_error;"
                + " param: video_id; code: not_found; request-id: req_");
  }

  @Test
  void listWithNoVideosSaysSo() {
    CliResult result = cli.run("list");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("No videos.\n");
  }

  @Test
  void listPrintsATableNewestFirstAndCleansThePrompt() {
    Video first = cli.completedVideo("First\nline");
    Video second = cli.queuedVideo("Second");

    CliResult result = cli.run("list");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines())
        .containsExactly(
            "ID                                      STATUS     PROGRESS  MODEL   SIZE      SECONDS "
                + " CREATED_AT            PROMPT",
            second.id()
                + "  queued     0%        sora-2  720x1280  4        2026-01-02T03:04:10Z  Second",
            first.id()
                + "  completed  100%      sora-2  720x1280  4        2026-01-02T03:04:05Z  First"
                + " line");
  }

  @Test
  void listWithALimitPointsToTheNextPage() {
    Video older = cli.completedVideo("Older");
    cli.completedVideo("Newer");

    CliResult result = cli.run("list", "--limit", "1", "--order", "asc");

    assertThat(result.out().lines()).hasSize(2);
    assertThat(result.out()).contains(older.id());
    assertThat(result.err())
        .isEqualTo("More videos: --after " + older.id() + " for the next page, or --all.\n");
  }

  @Test
  void listAllWalksEveryPage() {
    Video a = cli.completedVideo("A");
    Video b = cli.completedVideo("B");
    Video c = cli.completedVideo("C");

    CliResult result = cli.run("list", "--all", "--limit", "1", "--order", "asc", "--json");

    Map<String, Object> json = JsonText.object(result.out());
    assertThat(json).containsEntry("has_more", false).containsEntry("last_id", c.id());
    assertThat(json.get("data"))
        .asInstanceOf(InstanceOfAssertFactories.list(Map.class))
        .extracting(v -> v.get("id"))
        .containsExactly(a.id(), b.id(), c.id());
  }

  @Test
  void listAfterStartsAfterTheGivenId() {
    Video a = cli.completedVideo("A");
    Video b = cli.completedVideo("B");

    CliResult result = cli.run("list", "--order", "asc", "--after", a.id(), "--json");

    assertThat(JsonText.object(result.out()))
        .containsEntry("first_id", b.id())
        .containsEntry("has_more", false);
  }

  @Test
  void anUnknownOrderIsBadUsageNamingTheChoices() {
    CliResult result = cli.run("list", "--order", "up");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --order: 'up' is not one of asc, desc" + " (see 'videos list --help')\n");
  }

  @Test
  void aLimitOverOneHundredIsBadUsage() {
    CliResult result = cli.run("list", "--limit", "101");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --limit 101 is out of range; allowed: 0 to 100"
                + " (see 'videos list --help')\n");
  }

  @Test
  void deleteRemovesTheVideo() {
    Video video = cli.completedVideo("A cat");

    CliResult result = cli.run("delete", video.id());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("id       " + video.id() + "\ndeleted  true\n");
    assertThat(cli.run("get", video.id()).exitCode()).isEqualTo(1);
  }

  @Test
  void deletePrintsJson() {
    Video video = cli.completedVideo("A cat");

    CliResult result = cli.run("delete", video.id(), "--json");

    assertThat(JsonText.object(result.out()))
        .containsExactly(
            Map.entry("id", video.id()),
            Map.entry("object", "video.deleted"),
            Map.entry("deleted", true));
  }

  @Test
  void remixStartsAJobFromACompletedVideo() {
    Video source = cli.completedVideo("A cat");

    CliResult result = cli.run("remix", source.id(), "--prompt", "A dog", "--json");

    assertThat(result.exitCode()).isZero();
    assertThat(JsonText.object(result.out()))
        .containsEntry("status", "queued")
        .containsEntry("prompt", "A dog")
        .containsEntry("remixed_from_video_id", source.id());
  }

  @Test
  void remixOfAJobStillRunningIsAConflict() {
    Video running = cli.queuedVideo("A cat");

    CliResult result = cli.run("remix", running.id(), "--prompt", "A dog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("error: 409: ");
  }

  @Test
  void remixWithWaitFollowsTheNewJob() {
    Video source = cli.completedVideo("A cat");

    CliResult result = cli.run("remix", source.id(), "--prompt", "A dog", "--wait");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("status        completed\n")
        .contains("remixed_from  " + source.id() + "\n");
  }

  @Test
  void editOfAVideoById() {
    Video source = cli.completedVideo("A cat");

    CliResult result = cli.run("edit", "--video", source.id(), "--prompt", "At night", "--json");

    assertThat(result.exitCode()).isZero();
    assertThat(JsonText.object(result.out()))
        .containsEntry("status", "queued")
        .containsEntry("prompt", "At night");
  }

  @Test
  void editOfAnExistingFileUploadsIt() throws IOException {
    Path clip = Mp4.write(dir.resolve("clip.mp4"));

    CliResult result = cli.run("edit", "--video", clip.toString(), "--prompt", "At night");

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("status      queued\n");
  }

  @Test
  void extendAddsTheNewSegmentToTheSourceLength() {
    Video source = cli.completedVideo("A cat");

    CliResult result =
        cli.run(
            "extend", "--video", source.id(), "--prompt", "It bows", "--seconds", "16", "--json");

    assertThat(result.exitCode()).isZero();
    assertThat(JsonText.object(result.out())).containsEntry("seconds", "20");
  }

  @Test
  void extendOfAnUploadedFile() throws IOException {
    Path clip = Mp4.write(dir.resolve("clip.mp4"));

    CliResult result =
        cli.run("extend", "--video", clip.toString(), "--prompt", "It bows", "--seconds", "4");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("seconds     8\n");
  }

  @Test
  void extendSecondsMustBeOneOfTheFiveLengths() {
    CliResult result =
        cli.run("extend", "--video", "video_x", "--prompt", "It bows", "--seconds", "5");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --seconds: 5 is not allowed; allowed values: 4, 8,"
                + " 12, 16, 20 (see 'videos extend --help')\n");
  }

  @Test
  void everyGeneratingCommandWaitsTheSameWay() {
    Video source = cli.completedVideo("A cat");

    List<CliResult> results =
        List.of(
            cli.run("edit", "--video", source.id(), "--prompt", "At night", "--wait"),
            cli.run(
                "extend", "--video", source.id(), "--prompt", "Bows", "--seconds", "4", "--wait"));

    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.exitCode()).isZero();
              assertThat(r.err()).contains(" completed 100%\n");
              assertThat(r.out()).contains("status        completed\n");
            });
  }
}
