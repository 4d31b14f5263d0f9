package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.Progress;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoModelName;
import io.github.openaivideos.models.VideoSize;
import io.github.openaivideos.models.VideoStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live displays of a wait: the bar (its fit, clock and ETA) and the log lines. */
class ProgressViewTest {
  static final String ID = "video_3ca3beb87fd8c4caa8c8229cfe7a3818";

  private final FakeClock clock = new FakeClock(Instant.parse("2026-01-02T03:04:05Z"));
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  static Progress progress(String status, int percent, int elapsedSeconds) {
    Video video =
        Video.builder()
            .id(ID)
            ._object("video")
            .model(VideoModelName.of("sora-2"))
            .status(VideoStatus.of(status))
            .progress(percent)
            .createdAt(1_767_323_045L)
            .size(VideoSize.of("1280x720"))
            .seconds("4")
            .build();
    return new Progress(video, Duration.ofSeconds(elapsedSeconds));
  }

  private String err() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The lines drawn, each as it appears between a carriage return and clear-to-end-of-line. */
  private List<String> drawn() {
    return Arrays.stream(err().split("\r"))
        .filter(s -> !s.isEmpty())
        .map(s -> s.replace(StatusLine.CLEAR_TO_END, ""))
        .toList();
  }

  @Test
  void elapsedIsMinutesAndSecondsThenHours() {
    assertThat(ProgressView.elapsed(Duration.ofSeconds(7))).isEqualTo("0:07");
    assertThat(ProgressView.elapsed(Duration.ofSeconds(754))).isEqualTo("12:34");
    assertThat(ProgressView.elapsed(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
  }

  @Test
  void theFullLineShowsBarPercentStatusTimeAndEtaWhenItFits() {
    assertThat(BarView.line(ID, 50, "in_progress", secs(12), secs(10), 119))
        .isEqualTo(ID + " [##########..........]  50% in_progress 0:12 ETA 0:10");
  }

  @Test
  void at80ColumnsTheIdIsCutToKeepTheEtaAndTheLineStopsShortOfTheLastColumn() {
    String line = BarView.line(ID, 50, "in_progress", secs(12), secs(10), 79);

    assertThat(line)
        .isEqualTo(ID.substring(0, 34) + "\u2026 [#####.....]  50% in_progress 0:12 ETA 0:10");
    assertThat(StatusLine.length(line)).isEqualTo(79);
  }

  @Test
  void withoutAnEtaAt80ColumnsTheWholeIdStaysAndTheBarShortens() {
    String line = BarView.line(ID, 50, "in_progress", secs(12), null, 79);

    assertThat(line).isEqualTo(ID + " [########........]  50% in_progress 0:12");
  }

  @Test
  void at40ColumnsTheBarGoesAndTheIdIsCutWithAnEllipsis() {
    assertThat(BarView.line(ID, 50, "in_progress", secs(12), secs(10), 39))
        .isEqualTo("video_3ca3beb87f\u2026  50% in_progress 0:12");
  }

  @Test
  void noBarLineReachesTheLastColumnAtAnyWidthFrom20To200() {
    for (int columns = 20; columns <= 200; columns++) {
      BarView view = new BarView(new StatusLine(err, Terminal.of(columns)), clock);
      bytes.reset();
      view.update(progress("in_progress", 37, 3723));
      view.update(progress("in_progress", 38, 3724));
      view.update(progress("in_progress", 100, 3725));
      for (String line : drawn()) {
        assertThat(StatusLine.length(line))
            .as("at %d columns: %s", columns, line)
            .isLessThan(columns);
      }
      assertThat(drawn()).as("at %d columns", columns).hasSize(3);
    }
  }

  @Test
  void eachRedrawIsACarriageReturnTheLineAndClearToEndOfLine() {
    BarView view = new BarView(new StatusLine(err, Terminal.of(120)), clock);

    view.update(progress("queued", 0, 0));
    view.close();

    assertThat(err()).isEqualTo("\r" + ID + " [....................]   0% queued 0:00\u001b[K\n");
  }

  @Test
  void theClockMovesEverySecondWhileTheServerHasNothingNew() {
    BarView view = new BarView(new StatusLine(err, Terminal.of(120)), clock);

    view.update(progress("queued", 0, 0));
    clock.advance(Duration.ofSeconds(1));
    view.tick();
    clock.advance(Duration.ofSeconds(1));
    view.tick();

    assertThat(drawn())
        .containsExactly(
            ID + " [....................]   0% queued 0:00",
            ID + " [....................]   0% queued 0:01",
            ID + " [....................]   0% queued 0:02");
  }

  @Test
  void theEtaAppearsOnceThePercentMovesAndCountsDownWithTheClock() {
    BarView view = new BarView(new StatusLine(err, Terminal.of(120)), clock);

    view.update(progress("queued", 0, 0));
    clock.advance(Duration.ofSeconds(1));
    view.update(progress("in_progress", 0, 1));
    clock.advance(Duration.ofSeconds(1));
    view.update(progress("in_progress", 25, 2));
    clock.advance(Duration.ofSeconds(1));
    view.tick();
    view.update(progress("completed", 100, 3));
    view.close();

    assertThat(drawn())
        .containsExactly(
            ID + " [....................]   0% queued 0:00",
            ID + " [....................]   0% in_progress 0:01",
            ID + " [#####...............]  25% in_progress 0:02 ETA 0:03",
            ID + " [#####...............]  25% in_progress 0:03 ETA 0:02",
            ID + " [####################] 100% completed 0:03\n");
  }

  @Test
  void timeInTheQueueDoesNotSlowTheEta() {
    BarView view = new BarView(new StatusLine(err, Terminal.of(120)), clock);

    view.update(progress("queued", 0, 0));
    clock.advance(Duration.ofSeconds(4));
    view.update(progress("in_progress", 3, 4));
    clock.advance(Duration.ofSeconds(1));
    view.update(progress("in_progress", 29, 5));

    assertThat(drawn())
        .containsExactly(
            ID + " [....................]   0% queued 0:00",
            ID + " [....................]   3% in_progress 0:04",
            ID + " [#####...............]  29% in_progress 0:05 ETA 0:03");
  }

  @Test
  void afterAnInterruptTheBarEndsItsLineAndDrawsNothingMore() {
    BarView view = new BarView(new StatusLine(err, Terminal.of(120)), clock);

    view.update(progress("queued", 0, 0));
    view.interrupted();
    view.update(progress("in_progress", 10, 1));
    view.tick();
    view.close();

    assertThat(err()).isEqualTo("\r" + ID + " [....................]   0% queued 0:00\u001b[K\n");
  }

  @Test
  void theLogPrintsOneLinePerChangeAndAStillLineEvery30SecondsOfSilence() {
    LogView view = new LogView(err, clock);

    view.update(progress("queued", 0, 0));
    for (int s = 1; s <= 61; s++) {
      clock.advance(Duration.ofSeconds(1));
      view.tick();
    }
    view.update(progress("in_progress", 5, 61));
    clock.advance(Duration.ofSeconds(1));
    view.tick();

    assertThat(err())
        .isEqualTo(
            "[0:00] "
                + ID
                + " queued 0%\n"
                + "[0:30] "
                + ID
                + " still queued 0%\n"
                + "[1:00] "
                + ID
                + " still queued 0%\n"
                + "[1:01] "
                + ID
                + " in_progress 5%\n");
  }

  @Test
  void theEtaIsUnknownUntilThePercentMoves() {
    Eta eta = new Eta();
    eta.observe(0, secs(0));
    eta.observe(0, secs(4));
    assertThat(eta.remaining(secs(5))).isNull();

    eta.observe(10, secs(6));
    assertThat(eta.remaining(secs(6))).isEqualTo(secs(18));
    assertThat(eta.remaining(secs(30))).isEqualTo(Duration.ZERO);
  }

  private static Duration secs(long seconds) {
    return Duration.ofSeconds(seconds);
  }
}
