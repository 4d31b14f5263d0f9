package io.github.openaivideos.simulator;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Derives a job's state at a given instant from its creation time and the {@link Timing}. */
final class Lifecycle {
  /**
   * How long the assets of a completed video stay available, as announced by {@code expires_at}.
   */
  static final Duration ASSET_LIFETIME = Duration.ofDays(1);

  enum Status {
    QUEUED("queued"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    FAILED("failed");

    final String wire;

    Status(String wire) {
      this.wire = wire;
    }
  }

  /**
   * A job's state at one instant.
   *
   * @param completedAt Unix seconds, null until the job finished
   * @param expiresAt Unix seconds, null unless the job completed
   */
  record State(Status status, int progress, @Nullable Long completedAt, @Nullable Long expiresAt) {
    boolean finished() {
      return status == Status.COMPLETED || status == Status.FAILED;
    }
  }

  private final Timing timing;

  Lifecycle(Timing timing) {
    this.timing = timing;
  }

  State stateAt(VideoRecord video, Instant now) {
    Duration elapsed = Duration.between(video.createdAt(), now);
    if (elapsed.compareTo(timing.queued()) < 0) {
      return new State(Status.QUEUED, 0, null, null);
    }
    if (video.failure() != null) {
      long failedAt = video.createdAt().plus(timing.queued()).getEpochSecond();
      return new State(Status.FAILED, 0, failedAt, null);
    }
    if (elapsed.compareTo(timing.total()) < 0) {
      double running = elapsed.minus(timing.queued()).toNanos();
      int progress = (int) Math.min(99, 100 * running / timing.inProgress().toNanos());
      return new State(Status.IN_PROGRESS, progress, null, null);
    }
    Instant completed = video.createdAt().plus(timing.total());
    return new State(
        Status.COMPLETED,
        100,
        completed.getEpochSecond(),
        completed.plus(ASSET_LIFETIME).getEpochSecond());
  }

  /** How long until the job leaves its current unfinished state; zero once finished. */
  Duration untilFinished(VideoRecord video, Instant now) {
    Instant end =
        video.createdAt().plus(video.failure() != null ? timing.queued() : timing.total());
    Duration left = Duration.between(now, end);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
