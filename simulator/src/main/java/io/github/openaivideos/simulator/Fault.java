package io.github.openaivideos.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A failure to inject into upcoming requests; queue it with {@link Faults#next(Fault)}. Immutable:
 * the {@code with…}-style methods return a new fault.
 *
 * <pre>{@code
 * sim.faults().next(Fault.status(429).retryAfterSeconds(1));
 * sim.faults().next(2, Fault.status(503));
 * sim.faults().next(Fault.dropConnectionMidBody().onPaths("/v1/videos/[^/]+/content"));
 * sim.faults().next(Fault.delay(Duration.ofSeconds(2)));
 * }</pre>
 */
public final class Fault {
  enum Kind {
    STATUS,
    DROP_CONNECTION_MID_BODY,
    DELAY
  }

  final Kind kind;
  final int status;
  final @Nullable Duration retryAfter;
  final @Nullable Duration delay;
  final @Nullable Pattern paths;

  private Fault(
      Kind kind,
      int status,
      @Nullable Duration retryAfter,
      @Nullable Duration delay,
      @Nullable Pattern paths) {
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
    this.delay = delay;
    this.paths = paths;
  }

  /**
   * Answers with this HTTP status (400..599) and an error body instead of handling the request. 429
   * answers as a rate limit, 5xx as a server error.
   */
  public static Fault status(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400..599: " + status);
    }
    return new Fault(Kind.STATUS, status, null, null, null);
  }

  /**
   * Handles the request normally, then sends the headers (with the full {@code Content-Length}) and
   * only the first half of the body before closing the connection.
   */
  public static Fault dropConnectionMidBody() {
    return new Fault(Kind.DROP_CONNECTION_MID_BODY, 0, null, null, null);
  }

  /** Waits this long before handling the request normally. */
  public static Fault delay(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative");
    }
    return new Fault(Kind.DELAY, 0, null, delay, null);
  }

  /**
   * Adds {@code Retry-After} (in seconds) and {@code retry-after-ms} headers to a {@link
   * #status(int)} fault.
   */
  public Fault retryAfterSeconds(long seconds) {
    if (kind != Kind.STATUS) {
      throw new IllegalStateException("retryAfterSeconds applies to status faults only");
    }
    if (seconds < 0) {
      throw new IllegalArgumentException("seconds must not be negative");
    }
    return new Fault(kind, status, Duration.ofSeconds(seconds), delay, paths);
  }

  /**
   * Restricts the fault to requests whose path (for example {@code /v1/videos/video_1/content})
   * matches the whole of {@code pathRegex}; other requests pass untouched and leave it queued.
   */
  public Fault onPaths(String pathRegex) {
    return new Fault(kind, status, retryAfter, delay, Pattern.compile(pathRegex));
  }

  boolean appliesTo(String path) {
    return paths == null || paths.matcher(path).matches();
  }

  @Override
  public String toString() {
    String what =
        switch (kind) {
          case STATUS -> "status(" + status + ")";
          case DROP_CONNECTION_MID_BODY -> "dropConnectionMidBody()";
          case DELAY -> "delay(" + delay + ")";
        };
    return "Fault."
        + what
        + (retryAfter == null ? "" : ".retryAfterSeconds(" + retryAfter.toSeconds() + ")")
        + (paths == null ? "" : ".onPaths(\"" + paths.pattern() + "\")");
  }
}
