package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.models.Video;
import java.time.Duration;

/** Waiting for a job took longer than the deadline. The job itself goes on at the server. */
public final class WaitTimeoutException extends VideosException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // immutable value; exceptions are not serialized here
  private final Video lastSeen;

  private final Duration waited;

  public WaitTimeoutException(Video lastSeen, Duration waited) {
    super(
        "video "
            + requireNonNull(lastSeen, "lastSeen == null").findId().orElse("(no id)")
            + " was still "
            + lastSeen.findStatus().map(Object::toString).orElse("without a status")
            + " ("
            + lastSeen.findProgress().orElse(0)
            + "%) after waiting "
            + waited);
    this.lastSeen = lastSeen;
    this.waited = waited;
  }

  /** The job as last retrieved. */
  public Video lastSeen() {
    return lastSeen;
  }

  public Duration waited() {
    return waited;
  }
}
