package io.github.openaivideos.cli;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Estimates the time left from the percent a job reports: linear, from the last moment the job was
 * still at the percent first seen (when it started moving) to its latest change. No estimate before
 * the percent has moved.
 */
final class Eta {
  private int firstPercent = -1;
  private Duration startedAt = Duration.ZERO;
  private int lastPercent = -1;
  private Duration lastChangeAt = Duration.ZERO;

  /** One observation: the percent at this point of the wait. */
  void observe(int percent, Duration elapsed) {
    if (firstPercent < 0) {
      firstPercent = percent;
      lastPercent = percent;
      startedAt = elapsed;
      return;
    }
    if (percent <= firstPercent) {
      startedAt = elapsed;
      return;
    }
    if (percent > lastPercent) {
      lastPercent = percent;
      lastChangeAt = elapsed;
    }
  }

  /** The time left at {@code now} (into the wait), rounded up to a second; null if unknown. */
  @Nullable Duration remaining(Duration now) {
    if (lastPercent <= firstPercent || lastPercent >= 100) {
      return null;
    }
    long movingMs = lastChangeAt.minus(startedAt).toMillis();
    if (movingMs <= 0) {
      return null;
    }
    double msPerPercent = (double) movingMs / (lastPercent - firstPercent);
    long endMs = lastChangeAt.toMillis() + Math.round((100 - lastPercent) * msPerPercent);
    long leftMs = Math.max(0, endMs - now.toMillis());
    return Duration.ofSeconds((leftMs + 999) / 1000);
  }
}
