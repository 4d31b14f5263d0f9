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
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Waits for a job to finish. The interval starts at {@code initial} and grows by half each poll up
 * to {@code max}; a server hint ({@code openai-poll-after-ms}) replaces it, capped at {@code max}.
 * The deadline bounds the whole wait, every retrieve included. Asynchronous waits hold no thread
 * between polls.
 */
public final class Poller {
  /** The shortest wait a server's poll hint can ask for. */
  public static final Duration MIN_HINT = Duration.ofMillis(500);

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

  /** Retrieves a video, bounded by a deadline. */
  public interface Retrieve {
    ApiResponse<Video> retrieve(String id, Instant deadline);
  }

  /**
   * Blocks until the job is completed; throws if it failed, timed out, or the thread is
   * interrupted.
   */
  public Video await(String id, Duration timeout, Consumer<Progress> listener, Retrieve retrieve) {
    Instant start = clock.instant();
    Instant deadline = start.plus(timeout);
    Duration interval = initial;
    Video last = null;
    while (true) {
      ApiResponse<Video> response = retrieve.retrieve(id, deadline);
      Video video = response.value();
      last = report(listener, last, video, start);
      if (isDone(video)) {
        return finish(video);
      }
      Duration delay = nextDelay(response, interval);
      interval = grow(interval);
      if (!clock.instant().plus(delay).isBefore(deadline)) {
        throw new WaitTimeoutException(video, Duration.between(start, clock.instant()).plus(delay));
      }
      try {
        sleeper.sleep(delay);
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
    Instant start = clock.instant();
    new Object() {
      @Nullable Video last;

      void poll(Duration interval) {
        if (result.isDone()) {
          return;
        }
        Instant deadline = start.plus(timeout);
        CompletableFuture<ApiResponse<Video>> call = retrieve.apply(id, deadline);
        inFlight.set(call);
        call.whenComplete(
            (response, failure) -> {
              if (failure != null) {
                result.completeExceptionally(unwrap(failure));
                return;
              }
              try {
                Video video = response.value();
                last = report(listener, last, video, start);
                if (isDone(video)) {
                  result.complete(finish(video));
                  return;
                }
                Duration delay = nextDelay(response, interval);
                if (!clock.instant().plus(delay).isBefore(deadline)) {
                  result.completeExceptionally(
                      new WaitTimeoutException(
                          video, Duration.between(start, clock.instant()).plus(delay)));
                  return;
                }
                inFlight.set(
                    scheduler.schedule(
                        () -> poll(grow(interval)), delay.toMillis(), TimeUnit.MILLISECONDS));
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            });
      }
    }.poll(initial);
    return result;
  }

  private Video report(
      Consumer<Progress> listener, @Nullable Video last, Video video, Instant start) {
    boolean changed =
        last == null
            || !last.findStatus().equals(video.findStatus())
            || !last.findProgress().equals(video.findProgress());
    if (changed) {
      listener.accept(new Progress(video, Duration.between(start, clock.instant())));
    }
    return video;
  }

  /** Completed and failed are the spec's final states; any other status (a new one too) waits. */
  private static boolean isDone(Video video) {
    VideoStatus status = video.findStatus().orElse(null);
    return VideoStatus.COMPLETED.equals(status) || VideoStatus.FAILED.equals(status);
  }

  private static Video finish(Video video) {
    if (VideoStatus.FAILED.equals(video.findStatus().orElse(null))) {
      throw new VideoFailedException(video);
    }
    return video;
  }

  /**
   * The server's poll hint ({@code openai-poll-after-ms}) if it is a number, never below {@link
   * #MIN_HINT} (a hint of 0 or less must not make the client poll back to back), capped at {@code
   * max}; otherwise the current interval.
   */
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
    return d.compareTo(max) > 0 ? max : d;
  }

  private Duration grow(Duration interval) {
    Duration next = interval.plus(interval.dividedBy(2));
    return next.compareTo(max) > 0 ? max : next;
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof java.util.concurrent.CompletionException && t.getCause() != null
        ? t.getCause()
        : t;
  }
}
