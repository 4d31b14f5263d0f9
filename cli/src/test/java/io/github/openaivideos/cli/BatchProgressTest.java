package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchProgressTest {
  private final FakeClock clock = new FakeClock(SimulatedCli.START);
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void theLineCountsEveryStateAndEstimatesTheRestFromThisRunsPace() {
    try (BatchProgress progress = progress(Terminal.NONE, false, 10)) {
      progress.alreadyFinished(true);
      progress.alreadyFinished(false);
      progress.started();
      progress.started();
      progress.started();
      clock.advance(Duration.ofSeconds(30));
      progress.ended("completed");
      progress.ended("error");

      // 2 lines ended in 30 s; 5 queued + 1 running remain: 6 * 15 s.
      assertThat(progress.line())
          .isEqualTo("batch 2/10 done, 1 failed, 1 running, 5 queued, 1 errors, ETA 1m30s");
    }
  }

  @Test
  void onATerminalTheLastLineIsCutToTheWidthAndEndsTheLine() {
    BatchProgress progress = progress(Terminal.of(30), true, 1000);
    progress.close();

    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("\rbatch 0/1000 done, 0 failed, \n");
  }

  @Test
  void withoutATerminalTheLastLineIsLoggedWhole() {
    BatchProgress progress = progress(Terminal.NONE, false, 3);
    progress.close();

    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("batch 0/3 done, 0 failed, 0 running, 3 queued\n");
  }

  @Test
  void durationsReadAsMinutesAndHours() {
    assertThat(BatchProgress.duration(Duration.ofSeconds(9))).isEqualTo("9s");
    assertThat(BatchProgress.duration(Duration.ofSeconds(250))).isEqualTo("4m10s");
    assertThat(BatchProgress.duration(Duration.ofMinutes(62))).isEqualTo("1h02m");
  }

  private BatchProgress progress(Terminal terminal, boolean redraw, int total) {
    return new BatchProgress(
        new PrintStream(err, true, StandardCharsets.UTF_8), terminal, redraw, clock, total);
  }
}
