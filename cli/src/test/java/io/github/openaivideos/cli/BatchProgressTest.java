package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class BatchProgressTest {
  private final FakeClock clock = new FakeClock(SimulatedCli.START);
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

  @Test
  void theLineCountsEveryStateAndEstimatesTheRestFromThisRunsPace() {
    try (BatchProgress progress = progress(null, 10)) {
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
  void onANarrowTerminalTheDoneCountAndTheEtaAreKept() {
    BatchProgress progress = progress(new StatusLine(stream, Terminal.of(40)), 1000);
    progress.started();
    clock.advance(Duration.ofSeconds(10));
    progress.ended("completed");

    progress.tick();

    // 999 left at one line per 10 s.
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("\rbatch 1/1000 done, ETA 2h46m30s" + StatusLine.CLEAR_TO_END);
  }

  @Test
  void onATerminalTheLastLineIsRedrawnAndEndsTheLine() {
    BatchProgress progress = progress(new StatusLine(stream, Terminal.of(80)), 3);
    progress.close();

    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "\rbatch 0/3 done, 0 failed, 0 running, 3 queued" + StatusLine.CLEAR_TO_END + "\n");
  }

  @Test
  void withoutATerminalALineIsLoggedOnlyWhenItChangedAndTenSecondsPassed() {
    BatchProgress progress = progress(null, 3);
    progress.tick();
    progress.started();
    clock.advance(Duration.ofSeconds(5));
    progress.tick(); // changed, but 5 s after the last line
    clock.advance(Duration.ofSeconds(5));
    progress.tick();
    clock.advance(Duration.ofSeconds(10));
    progress.tick(); // nothing changed
    progress.close();

    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "batch 0/3 done, 0 failed, 0 running, 3 queued\n"
                + "batch 0/3 done, 0 failed, 1 running, 2 queued\n"
                + "batch 0/3 done, 0 failed, 1 running, 2 queued\n");
  }

  @Test
  void aLineRunAgainIsCountedOnceWhenItEndsAgain() {
    BatchProgress progress = progress(null, 2);
    progress.started();
    progress.ended("error");
    progress.alreadyFinished(true);

    progress.retrying("error", true);
    progress.started();
    progress.ended("completed");
    progress.retrying("completed", false);
    progress.started();

    assertThat(progress.line()).isEqualTo("batch 1/2 done, 0 failed, 1 running, 0 queued, ETA 0s");
  }

  @Test
  void aTickThatComesAfterTheLineWasClosedDrawsNothing() {
    BatchProgress progress = progress(new StatusLine(stream, Terminal.of(80)), 3);
    progress.close();

    progress.tick(); // a tick that was under way while the line closed

    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "\rbatch 0/3 done, 0 failed, 0 running, 3 queued" + StatusLine.CLEAR_TO_END + "\n");
  }

  private BatchProgress progress(@Nullable StatusLine statusLine, int total) {
    return new BatchProgress(stream, statusLine, Ticker.NONE, clock, total);
  }
}
