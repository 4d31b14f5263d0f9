package io.github.openaivideos.internal;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.ApiResponse;
import io.github.openaivideos.Progress;
import io.github.openaivideos.Sleeper;
import io.github.openaivideos.VideoFailedException;
import io.github.openaivideos.WaitTimeoutException;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Waits for a job to finish. The interval starts at {@code initial} and grows by half each poll up
 * to {@code max}; a server hint ({@code openai-poll-after-ms}) replaces it, never below {@link
 * #MIN_HINT}, capped at {@code max}. The deadline bounds the wait: no poll starts after it, and the
 * last one is made at the deadline itself (its call may take up to {@link #FINAL_POLL_GRACE}).
 * Blocking and asynchronous waits share every decision; asynchronous ones hold no thread between
 * polls.
 */
public final class Poller {
  /** The shortest wait a server's poll hint can ask for. */
  public static final Duration MIN_HINT = Duration.ofMillis(500);

  /** How long the poll made at the deadline may take. */
  public static final Duration FINAL_POLL_GRACE = Duration.ofSeconds(10);

  private final Duration initial;
  private final Duration max;
  private final Clock clock;
  private final Sleeper sleeper;

  public Poller(Duration initial, Duration max, Clock clock, Sleeper sleeper) {
    this.initial = requireNonNull(initial, "initial == null");
    this.max = requireNonNull(max, "max == null");
    this.clock = requireNonNull(clock, "clock == null");
    this.sleeper = requireNonNull(sleeper, "sleeper == null");
  }

  /** Retrieves a video; the call is bounded by {@code callDeadline}. */
  public interface Retrieve {
    ApiResponse<Video> retrieve(String id, Instant callDeadline);
  }

  /** One wait in progress: what it has seen so far and when the next poll is due. */
  private final class Wait {
    final Instant start;
    final Instant deadline;
    final Consumer<Progress> listener;
    Duration interval = initial;
    @Nullable Video last;

    Wait(Duration timeout, Consumer<Progress> listener) {
      this.start = clock.instant();
      this.deadline = start.plus(timeout);
      this.listener = listener;
    }

    /** The bound of the next poll's call: the deadline, or a grace past it for the last poll. */
    Instant callDeadline() {
      Instant now = clock.instant();
      return now.isBefore(deadline) ? deadline : now.plus(FINAL_POLL_GRACE);
    }

    /**
     * Reads one poll's answer: the finished video, or how long to wait before the next poll.
     *
     * @throws VideoFailedException if the job failed
     * @throws WaitTimeoutException if it is still running and the deadline has passed
     */
    Optional<Duration> observe(ApiResponse<Video> response) {
      Video video = response.value();
      if (last == null
          || !last.findStatus().equals(video.findStatus())
          || !last.findProgress().equals(video.findProgress())) {
        listener.accept(new Progress(video, Duration.between(start, clock.instant())));
      }
      last = video;
      VideoStatus status = video.findStatus().orElse(null);
      if (VideoStatus.FAILED.equals(status)) {
        throw new VideoFailedException(video);
      }
      if (VideoStatus.COMPLETED.equals(status)) {
        return Optional.empty();
      }
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        throw new WaitTimeoutException(video, Duration.between(start, now));
      }
      Duration delay = nextDelay(response, interval);
      interval = min(interval.plus(interval.dividedBy(2)), max);
      return Optional.of(min(delay, Duration.between(now, deadline)));
    }
  }

  /**
   * Blocks until the job is completed; throws if it failed, timed out, or the thread is
   * interrupted.
   */
  public Video await(String id, Duration timeout, Consumer<Progress> listener, Retrieve retrieve) {
    Wait wait = new Wait(timeout, listener);
    while (true) {
      ApiResponse<Video> response = retrieve.retrieve(id, wait.callDeadline());
      Optional<Duration> delay = wait.observe(response);
      if (delay.isEmpty()) {
        return response.value();
      }
      try {
        sleeper.sleep(delay.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        CancellationException c =
            new CancellationException("waiting for video " + id + " was interrupted");
        c.initCause(e);
        throw c;
      }
    }
  }

  /** Waits without blocking; cancelling the future stops polling and cancels the call in flight. */
  public CompletableFuture<Video> awaitAsync(
      String id,
      Duration timeout,
      Consumer<Progress> listener,
      BiFunction<String, Instant, CompletableFuture<ApiResponse<Video>>> retrieve,
      ScheduledExecutorService scheduler) {
    CompletableFuture<Video> result = new CompletableFuture<>();
    AtomicReference<@Nullable Future<?>> inFlight = new AtomicReference<>();
    result.whenComplete(
        (v, t) -> {
          Future<?> current = inFlight.get();
          if (result.isCancelled() && current != null) {
            current.cancel(true);
          }
        });
    Wait wait = new Wait(timeout, listener);
    new Object() {
      void poll() {
        if (result.isDone()) {
          return;
        }
        CompletableFuture<ApiResponse<Video>> call = retrieve.apply(id, wait.callDeadline());
        inFlight.set(call);
        call.whenComplete(
            (response, failure) -> {
              if (failure != null) {
                result.completeExceptionally(unwrap(failure));
                return;
              }
              try {
                Optional<Duration> delay = wait.observe(response);
                if (delay.isEmpty()) {
                  result.complete(response.value());
                } else {
                  inFlight.set(
                      scheduler.schedule(
                          this::poll, delay.get().toMillis(), TimeUnit.MILLISECONDS));
                }
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            });
      }
    }.poll();
    return result;
  }

  /** The server's poll hint if it is a number (never below {@link #MIN_HINT}), capped at max. */
  private Duration nextDelay(ApiResponse<Video> response, Duration interval) {
    Duration d = interval;
    Optional<String> hint = response.header("openai-poll-after-ms");
    if (hint.isPresent()) {
      try {
        double ms = Double.parseDouble(hint.get().trim());
        if (!Double.isNaN(ms)) {
          d = Duration.ofMillis((long) Math.min(Math.max(ms, MIN_HINT.toMillis()), 1e12));
        }
      } catch (NumberFormatException ignored) {
        // Not a number: the usual interval.
      }
    }
    return min(d, max);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }
}
