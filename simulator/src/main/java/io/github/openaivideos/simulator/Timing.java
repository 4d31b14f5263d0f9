package io.github.openaivideos.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a simulated job spends in each state: {@code queued} for {@link #queued()}, then {@code
 * in_progress} for {@link #inProgress()} with its progress rising linearly from 0 to 99, then
 * {@code completed} (or {@code failed}). States are computed from the simulator's clock whenever a
 * job is read, so no background thread is involved (but for webhook delivery, when configured: a
 * thread looks at unfinished jobs to send their events).
 *
 * @param queued time spent queued
 * @param inProgress time spent in progress
 */
public record Timing(Duration queued, Duration inProgress) {

  /** Validates that both durations are present and not negative. */
  public Timing {
    Objects.requireNonNull(queued, "queued");
    Objects.requireNonNull(inProgress, "inProgress");
    if (queued.isNegative() || inProgress.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  /** A job queued for {@code queued}, then in progress for {@code inProgress}. */
  public static Timing of(Duration queued, Duration inProgress) {
    return new Timing(queued, inProgress);
  }

  /** Jobs finish the moment they are created: handy for tests that only need a finished video. */
  public static Timing instant() {
    return new Timing(Duration.ZERO, Duration.ZERO);
  }

  /** One second queued and four in progress: long enough for a demo to show the states. */
  public static Timing defaults() {
    return new Timing(Duration.ofSeconds(1), Duration.ofSeconds(4));
  }

  Duration total() {
    return queued.plus(inProgress);
  }
}
