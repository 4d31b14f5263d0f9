package io.github.openaivideos.cli;

import io.github.openaivideos.ApiConnectionException;
import io.github.openaivideos.ApiException;
import io.github.openaivideos.InternalServerException;
import io.github.openaivideos.RateLimitException;
import io.github.openaivideos.Sleeper;
import io.github.openaivideos.VideosException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * One backoff for every worker of a batch: each request passes through {@link #call}, which first
 * waits until the shared "not before" instant. A 429 (or a 5xx or a lost connection, where a retry
 * is safe) moves that instant for everyone, by the server's {@code retry-after-ms} or {@code
 * Retry-After} when it sends one, else by an exponential delay with jitter (doubling with each
 * failure in a row, capped); then the request is tried again. So a rate limit slows the whole batch
 * down instead of each worker hammering on alone. Workers released together are spread over a
 * little time (see {@link #awaitTurn}). Time is the injected clock and sleeper, so tests never
 * really sleep.
 */
final class SharedBackoff {
  static final Duration INITIAL = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofSeconds(60);

  /** The most a held-back worker adds to its wait, to spread the workers out again. */
  static final Duration MAX_STAGGER = Duration.ofSeconds(1);

  /** Attempts of one request before its error is given up on. */
  static final int MAX_ATTEMPTS = 8;

  /** Whether a failed request may be sent again. */
  enum Retry {
    /** Anything that did not change the server: reads, downloads, and 429s of any request. */
    SAFE,
    /** A request that may start a job: only a 429 (refused before anything started) is retried. */
    ONLY_RATE_LIMITS
  }

  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final AtomicReference<Instant> notBefore;
  private final AtomicInteger failuresInARow = new AtomicInteger();
  private final AtomicInteger rateLimits = new AtomicInteger();

  /**
   * @param random numbers in [0, 1) for the jitter
   */
  SharedBackoff(Clock clock, Sleeper sleeper, DoubleSupplier random) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
    this.notBefore = new AtomicReference<>(Instant.MIN);
  }

  /** Runs the request once the shared backoff allows, trying again while it may. */
  <T> T call(Retry retry, Supplier<T> request) {
    for (int attempt = 1; ; attempt++) {
      awaitTurn();
      try {
        T result = request.get();
        failuresInARow.set(0);
        return result;
      } catch (VideosException e) {
        if (!retryable(e, retry) || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        if (e instanceof RateLimitException) {
          rateLimits.incrementAndGet();
        }
        backOff(e);
      }
    }
  }

  /** 429s seen so far (what a test of the backoff reads). */
  int rateLimits() {
    return rateLimits.get();
  }

  /** The instant before which no request is sent (in the past when there is no backoff). */
  Instant notBefore() {
    Instant instant = notBefore.get();
    return instant == null ? Instant.MIN : instant;
  }

  private static boolean retryable(VideosException e, Retry retry) {
    if (e instanceof RateLimitException) {
      return true;
    }
    return retry == Retry.SAFE
        && (e instanceof InternalServerException || e instanceof ApiConnectionException);
  }

  /** Moves the shared instant at least as far as this failure asks. */
  void backOff(VideosException e) {
    int failures = failuresInARow.incrementAndGet();
    Duration delay =
        e instanceof ApiException api
            ? api.retryAfter(clock).orElseGet(() -> exponential(failures))
            : exponential(failures);
    if (delay.compareTo(MAX) > 0) {
      delay = MAX;
    }
    Instant until = clock.instant().plus(delay);
    notBefore.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
  }

  private Duration exponential(int failures) {
    long base = INITIAL.toMillis() << Math.min(failures - 1, 10);
    double jittered = Math.min(base, MAX.toMillis()) * (0.5 + 0.5 * random.getAsDouble());
    return Duration.ofMillis((long) jittered);
  }

  /**
   * Sleeps until the shared instant. A worker that has to wait adds a random tenth of its wait (at
   * most {@link #MAX_STAGGER}), so that the workers held back do not all send at the same moment
   * and draw the next 429 together.
   */
  private void awaitTurn() {
    boolean staggered = false;
    while (true) {
      Duration wait = Duration.between(clock.instant(), notBefore());
      if (wait.isNegative() || wait.isZero()) {
        return;
      }
      if (!staggered) {
        staggered = true;
        long spread = Math.min(MAX_STAGGER.toMillis(), wait.toMillis() / 10);
        wait = wait.plusMillis((long) (spread * random.getAsDouble()));
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while backing off");
      }
    }
  }
}
