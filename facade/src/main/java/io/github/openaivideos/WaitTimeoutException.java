package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.models.Video;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Waiting for a job took longer than the deadline. The job itself goes on at the server. The
 * message has the API key redacted should the server have echoed it; {@link #lastSeen()} is kept as
 * the server sent it.
 */
public final class WaitTimeoutException extends VideosException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // immutable value; exceptions are not serialized here
  private final Video lastSeen;

  private final Duration waited;

  public WaitTimeoutException(Video lastSeen, Duration waited) {
    this(lastSeen, waited, UnaryOperator.identity());
  }

  /**
   * @param redact applied to the message, which quotes the server's id and status (the client
   *     passes its redaction of the API key)
   */
  public WaitTimeoutException(Video lastSeen, Duration waited, UnaryOperator<String> redact) {
    super(
        redact.apply(
            "video "
                + requireNonNull(lastSeen, "lastSeen == null").findId().orElse("(no id)")
                + " was still "
                + lastSeen.findStatus().map(Object::toString).orElse("without a status")
                + " ("
                + lastSeen.findProgress().orElse(0)
                + "%) after waiting "
                + waited));
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
