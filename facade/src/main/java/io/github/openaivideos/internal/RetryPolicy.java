package io.github.openaivideos.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * When to try a call again, and after how long.
 *
 * <ul>
 *   <li>Statuses 408, 409, 429 and 5xx, and failed connections, are retried; 400, 401, 403, 404 and
 *       422 never are.
 *   <li>A request that is not safe to repeat (a POST that starts a job) is retried only when the
 *       server cannot have acted on it: the connection was never made, or the answer was 429. With
 *       {@code retryUnsafe} it is retried like any other.
 *   <li>The delay is the server's {@code retry-after-ms} or {@code Retry-After} (seconds or an HTTP
 *       date), capped at {@code maxDelay}; otherwise exponential backoff from {@code initialDelay}
 *       with jitter (each delay is 75% to 100% of the nominal one).
 * </ul>
 */
public final class RetryPolicy {
  private final int maxRetries;
  private final boolean retryUnsafe;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Clock clock;
  private final DoubleSupplier random;

  public RetryPolicy(
      int maxRetries,
      boolean retryUnsafe,
      Duration initialDelay,
      Duration maxDelay,
      Clock clock,
      DoubleSupplier random) {
    this.maxRetries = maxRetries;
    this.retryUnsafe = retryUnsafe;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.clock = clock;
    this.random = random;
  }

  public static DoubleSupplier defaultRandom() {
    return () -> ThreadLocalRandom.current().nextDouble();
  }

  public int maxRetries() {
    return maxRetries;
  }

  public RetryPolicy withMaxRetries(int maxRetries) {
    return new RetryPolicy(maxRetries, retryUnsafe, initialDelay, maxDelay, clock, random);
  }

  /**
   * Whether a status is worth another attempt, for a request that is (or is not) safe to repeat.
   */
  public boolean isRetryable(int status, boolean safeToRepeat) {
    boolean transientStatus = status == 408 || status == 409 || status == 429 || status >= 500;
    if (!transientStatus) {
      return false;
    }
    return safeToRepeat || retryUnsafe || status == 429;
  }

  /** Whether a failed connection is worth another attempt. */
  public boolean isRetryable(java.io.IOException failure, boolean safeToRepeat) {
    if (safeToRepeat || retryUnsafe) {
      return true;
    }
    // The request never left this machine: nothing at the server can have acted on it.
    return failure instanceof java.net.ConnectException
        || failure instanceof java.net.UnknownHostException
        || failure instanceof java.net.NoRouteToHostException;
  }

  /** The delay before retry number {@code retry} (1-based), honouring the server's hint. */
  public Duration delay(int retry, @Nullable Headers headers) {
    Optional<Duration> hinted =
        headers == null ? Optional.empty() : serverHint(headers::get, clock);
    if (hinted.isPresent()) {
      return min(hinted.get(), maxDelay);
    }
    double nominal = initialDelay.toMillis() * Math.pow(2, Math.min(retry - 1, 20));
    double capped = Math.min(nominal, maxDelay.toMillis());
    double jittered = capped * (1 - 0.25 * random.getAsDouble());
    return Duration.ofMillis((long) jittered);
  }

  /**
   * The server's hint, if it is a usable one: {@code retry-after-ms}, else {@code Retry-After} in
   * seconds or as an HTTP date (measured on {@code clock}). A hint that is not a finite,
   * non-negative number (NaN, Infinity, -5) or a date in the past is ignored, so the normal backoff
   * applies.
   *
   * @param header a header's first value by case-insensitive name, or null
   */
  public static Optional<Duration> serverHint(
      Function<String, @Nullable String> header, Clock clock) {
    Optional<Duration> ms = millis(header.apply("retry-after-ms"), 1);
    if (ms.isPresent()) {
      return ms;
    }
    String after = header.apply("retry-after");
    Optional<Duration> seconds = millis(after, 1000);
    if (seconds.isPresent() || after == null) {
      return seconds;
    }
    try {
      Instant at =
          ZonedDateTime.parse(after.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration until = Duration.between(clock.instant(), at);
      return until.isNegative() ? Optional.empty() : Optional.of(until);
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> millis(@Nullable String value, double scale) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      double ms = Double.parseDouble(value.trim()) * scale;
      return Double.isFinite(ms) && ms >= 0 && ms < Long.MAX_VALUE
          ? Optional.of(Duration.ofMillis((long) ms))
          : Optional.empty();
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
