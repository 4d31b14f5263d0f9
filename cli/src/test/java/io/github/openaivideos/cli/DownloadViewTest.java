package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.Video;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Download progress: the line's fit, its numbers, and the meter that counts the bytes. */
class DownloadViewTest {
  static final String ID = ProgressViewTest.ID;

  @TempDir Path dir;

  @Test
  void theFullLineShowsBarBytesOfTotalAndRate() {
    assertThat(DownloadView.line(ID, "video", 3_200_000, 7_900_000, 12_100_000L, 119))
        .isEqualTo(ID + " video [########............] 3.2/7.9 MB 12.1 MB/s");
  }

  @Test
  void at80ColumnsTheBarShortensFirst() {
    String line = DownloadView.line(ID, "video", 3_200_000, 7_900_000, 12_100_000L, 79);

    assertThat(line).isEqualTo(ID + " video [####.......] 3.2/7.9 MB 12.1 MB/s").hasSize(79);
  }

  @Test
  void at40ColumnsTheRateAndBarGoAndTheIdIsCut() {
    assertThat(DownloadView.line(ID, "video", 3_200_000, 7_900_000, 12_100_000L, 39))
        .isEqualTo("video_3ca3beb87fd8c4c\u2026 video 3.2/7.9 MB");
  }

  @Test
  void withoutAContentLengthItShowsBytesAndRateOnly() {
    assertThat(DownloadView.line(ID, "video", 3_200_000, -1, 12_100_000L, 119))
        .isEqualTo(ID + " video 3.2 MB 12.1 MB/s");
  }

  @Test
  void sizesAreInTheUnitOfTheTotal() {
    assertThat(DownloadView.size(512, 900)).isEqualTo("512/900 B");
    assertThat(DownloadView.size(1_234, 1_234)).isEqualTo("1.2 kB");
    assertThat(DownloadView.size(500_000, 7_900_000)).isEqualTo("0.5/7.9 MB");
    assertThat(DownloadView.size(2_500_000_000L, 2_500_000_000L)).isEqualTo("2.5 GB");
  }

  @Test
  void noDownloadLineReachesTheLastColumnAtAnyWidthFrom20To200() {
    for (int columns = 20; columns <= 200; columns++) {
      for (long total : new long[] {-1, 7_900_000_000L}) {
        String line =
            DownloadView.line(ID, "spritesheet", 3_200_000_000L, total, 12_100_000L, columns - 1);
        assertThat(StatusLine.length(line)).as("%d columns: %s", columns, line).isLessThan(columns);
      }
    }
  }

  @Test
  void aTickOrReportAfterCloseDrawsNothing() {
    FakeClock clock = new FakeClock(Instant.parse("2026-01-02T03:04:05Z"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StatusLine line =
        new StatusLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), Terminal.of(120));
    DownloadView view = new DownloadView(line, clock, ID, "video");
    view.progress(4_000_000, 4_000_000);
    view.close();
    bytes.reset();

    clock.advance(Duration.ofSeconds(1));
    view.tick(); // the ticker's last tick, late
    view.progress(4_000_000, 4_000_000);

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void redrawsAtMostEveryTenthOfASecondAndAlwaysAtTheEnd() {
    FakeClock clock = new FakeClock(Instant.parse("2026-01-02T03:04:05Z"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StatusLine line =
        new StatusLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), Terminal.of(120));
    DownloadView view = new DownloadView(line, clock, ID, "video");

    view.progress(1_000_000, 4_000_000);
    clock.advance(Duration.ofMillis(50));
    view.progress(2_000_000, 4_000_000);
    clock.advance(Duration.ofMillis(50));
    view.progress(3_000_000, 4_000_000);
    view.progress(4_000_000, 4_000_000);
    view.close();

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "\r"
                + ID
                + " video [#####...............] 1.0/4.0 MB\u001b[K"
                + "\r"
                + ID
                + " video [###############.....] 3.0/4.0 MB 30.0 MB/s\u001b[K"
                + "\r"
                + ID
                + " video [####################] 4.0 MB 40.0 MB/s\u001b[K"
                + "\r\u001b[K");
  }

  @Test
  void theMeterReportsTheSizeOfARealMp4FromTheSimulator() throws Exception {
    try (SimulatedCli cli = new SimulatedCli()) {
      Video video = cli.completedVideo("A cat");
      DownloadMeter meter = new DownloadMeter();
      OkHttpClient http = new OkHttpClient.Builder().addInterceptor(meter).build();
      List<long[]> reports = new CopyOnWriteArrayList<>();
      Path file = dir.resolve("cat.mp4");
      try (VideosClient client =
              cli.clients()
                  .build(
                      VideosClient.builder()
                          .baseUrl(cli.simulator.baseUrl())
                          .apiKey("sk-test")
                          .okHttpClient(http));
          Interrupts.Registration listening =
              meter.listen((bytes, total) -> reports.add(new long[] {bytes, total}))) {
        client.download(video.id(), ContentVariant.VIDEO, file);
      } finally {
        HttpClientSetup.close(http);
      }

      long size = Files.size(file);
      assertThat(size).isGreaterThan(1000);
      assertThat(reports).isNotEmpty();
      assertThat(reports.get(reports.size() - 1)).containsExactly(size, size);
    }
  }

  @Test
  void onATerminalDownloadShowsTheFilesProgressThenErasesIt() throws Exception {
    try (SimulatedCli cli = new SimulatedCli()) {
      Video video = cli.completedVideo("A cat");

      CliResult result = cli.runOnTerminal("download", video.id(), "-o", dir.toString());

      long size = Files.size(dir.resolve(video.id() + ".mp4"));
      assertThat(result.exitCode()).isZero();
      assertThat(result.err())
          .startsWith("\r" + video.id() + " video [")
          .contains(
              "\r"
                  + video.id()
                  + " video [####################] "
                  + DownloadView.size(size, size)
                  + "\u001b[K")
          .endsWith("\r\u001b[K");
    }
  }
}
