package io.github.openaivideos.cli;

import io.github.openaivideos.Progress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the bar and the log share: the last observation and when it came, so that a tick can tell
 * how long the wait has lasted by now, and the end after which nothing more is shown. Subclasses
 * say what an observation and a tick show; every call is made under this object's lock.
 */
abstract class ClockedView implements ProgressView {
  private final Clock clock;
  private @Nullable Progress last;
  private Instant lastAt = Instant.EPOCH;
  private boolean ended;

  ClockedView(Clock clock) {
    this.clock = clock;
  }

  /** Shows a new observation. */
  abstract void show(Progress progress);

  /** A tick while the job runs: {@code elapsed} is the time waited by now. */
  abstract void showTime(Progress last, Duration elapsed);

  /** After the end, Ctrl-C or close: the display's own last step. */
  abstract void end(boolean interrupted);

  @Override
  public final synchronized void update(Progress progress) {
    if (ended) {
      return;
    }
    last = progress;
    lastAt = clock.instant();
    show(progress);
  }

  @Override
  public final synchronized void tick() {
    Progress progress = last;
    if (ended || progress == null || ProgressView.finished(progress)) {
      return;
    }
    Duration since = Duration.between(lastAt, clock.instant());
    showTime(progress, progress.elapsed().plus(since.isNegative() ? Duration.ZERO : since));
  }

  @Override
  public final synchronized void interrupted() {
    ended = true;
    end(true);
  }

  @Override
  public final synchronized void close() {
    ended = true;
    end(false);
  }
}
