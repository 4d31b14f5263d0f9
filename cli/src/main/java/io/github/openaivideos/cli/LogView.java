package io.github.openaivideos.cli;

import io.github.openaivideos.Progress;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

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
final class LogView implements ProgressView {
  static final Duration STILL = Duration.ofSeconds(30);

  private final PrintStream err;
  private final Clock clock;
  private @Nullable Progress last;
  private Instant lastAt = Instant.EPOCH;
  private Duration lastPrinted = Duration.ZERO;
  private boolean ended;

  LogView(PrintStream err, Clock clock) {
    this.err = err;
    this.clock = clock;
  }

  @Override
  public synchronized void update(Progress progress) {
    if (ended) {
      return;
    }
    last = progress;
    lastAt = clock.instant();
    print(progress.elapsed(), "", progress);
  }

  @Override
  public synchronized void tick() {
    Progress progress = last;
    if (ended || progress == null || ProgressView.finished(progress)) {
      return;
    }
    Duration since = Duration.between(lastAt, clock.instant());
    Duration now = progress.elapsed().plus(since);
    if (now.minus(lastPrinted).compareTo(STILL) >= 0) {
      print(now, "still ", progress);
    }
  }

  @Override
  public synchronized void interrupted() {
    ended = true;
  }

  @Override
  public synchronized void close() {
    ended = true;
  }

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
