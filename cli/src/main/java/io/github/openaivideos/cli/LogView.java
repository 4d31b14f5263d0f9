package io.github.openaivideos.cli;

import io.github.openaivideos.Progress;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;

/**
 * One plain line per change, for logs and pipes (no carriage returns), and while nothing changes a
 * reminder at most every {@link #STILL} that the wait goes on:
 *
 * <pre>
 * [0:00] video_123 queued 0%
 * [0:30] video_123 still queued 0%
 * [0:42] video_123 in_progress 5%
 * </pre>
 */
final class LogView extends ClockedView {
  static final Duration STILL = Duration.ofSeconds(30);

  private final PrintStream err;
  private Duration lastPrinted = Duration.ZERO;

  LogView(PrintStream err, Clock clock) {
    super(clock);
    this.err = err;
  }

  @Override
  void show(Progress progress) {
    print(progress.elapsed(), "", progress);
  }

  @Override
  void showTime(Progress last, Duration elapsed) {
    if (elapsed.minus(lastPrinted).compareTo(STILL) >= 0) {
      print(elapsed, "still ", last);
    }
  }

  /** Every line is complete already. */
  @Override
  void end(boolean interrupted) {}

  private void print(Duration elapsed, String still, Progress progress) {
    err.println(
        "["
            + ProgressView.elapsed(elapsed)
            + "] "
            + Table.clean(progress.videoId())
            + " "
            + still
            + Table.clean(progress.status().value())
            + " "
            + progress.percent()
            + "%");
    lastPrinted = elapsed;
  }
}
