package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoStatus;
import java.time.Duration;

/**
 * One observation of a job while waiting for it: its status, percent done, and how long the wait
 * has lasted so far.
 */
public record Progress(Video video, Duration elapsed) {
  public Progress {
    requireNonNull(video, "video == null");
    requireNonNull(elapsed, "elapsed == null");
  }

  public String videoId() {
    return video.findId().orElse("");
  }

  public VideoStatus status() {
    return video.status();
  }

  /** Approximate completion, 0 to 100. */
  public int percent() {
    return video.findProgress().orElse(0);
  }
}
