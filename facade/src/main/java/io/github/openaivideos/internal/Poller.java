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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
  private final @Nullable WakeUps wakeUps;
  private final Redactor redactor;

  public Poller(Duration initial, Duration max, Clock clock, Sleeper sleeper) {
    this(initial, max, clock, sleeper, null);
  }

  /**
   * A poller that also listens to {@code wakeUps}: a wait sleeps until the next poll is due or its
   * video's wake-up completes (a webhook said the job finished), whichever comes first, then polls.
   * A wake-up ends one sleep early, once per wait; after it, or without one, polling goes on at the
   * usual interval, so a missed or late webhook never holds a wait up.
   */
  public Poller(
      Duration initial, Duration max, Clock clock, Sleeper sleeper, @Nullable WakeUps wakeUps) {
    this(initial, max, clock, sleeper, wakeUps, Redactor.NONE);
  }

  /**
   * @param redactor applied to the messages of the exceptions a wait ends with, which quote the
   *     server's id, status and error
   */
  public Poller(
      Duration initial,
      Duration max,
      Clock clock,
      Sleeper sleeper,
      @Nullable WakeUps wakeUps,
      Redactor redactor) {
    this.initial = requireNonNull(initial, "initial == null");
    this.max = requireNonNull(max, "max == null");
    this.clock = requireNonNull(clock, "clock == null");
    this.sleeper = requireNonNull(sleeper, "sleeper == null");
    this.wakeUps = wakeUps;
    this.redactor = requireNonNull(redactor, "redactor == null");
  }

  /** News about a video, e.g. its webhook event: a future that completes when there is some. */
  @FunctionalInterface
  public interface WakeUps {
    CompletableFuture<?> forVideo(String videoId);
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
        throw new VideoFailedException(video, redactor);
      }
      if (VideoStatus.COMPLETED.equals(status)) {
        return Optional.empty();
      }
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        throw new WaitTimeoutException(video, Duration.between(start, now), redactor);
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
    CompletableFuture<?> wakeUp = wakeUpFor(id);
    while (true) {
      ApiResponse<Video> response = retrieve.retrieve(id, wait.callDeadline());
      Optional<Duration> delay = wait.observe(response);
      if (delay.isEmpty()) {
        return response.value();
      }
      try {
        if (wakeUp != null) {
          // Woken (or already complete): poll now, and from then on at the usual interval.
          if (sleeper.sleep(delay.get(), wakeUp)) {
            wakeUp = null;
          }
        } else {
          sleeper.sleep(delay.get());
        }
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
    CompletableFuture<?> wakeUp = wakeUpFor(id);
    // The poll scheduled for later, while one is; a wake-up takes it and polls at once instead.
    AtomicReference<@Nullable ScheduledFuture<?>> pending = new AtomicReference<>();
    AtomicBoolean woken = new AtomicBoolean();
    new Object() {
      {
        if (wakeUp != null) {
          wakeUp.whenComplete((event, failure) -> wake());
        }
      }

      /** Runs the scheduled poll now, once per wait. */
      void wake() {
        ScheduledFuture<?> scheduled = pending.getAndSet(null);
        if (scheduled != null && !woken.get() && scheduled.cancel(false)) {
          woken.set(true);
          try {
            scheduler.execute(this::poll);
          } catch (RejectedExecutionException closed) {
            result.completeExceptionally(closed);
          }
        }
      }

      void schedule(Duration delay) {
        if (wakeUp != null && wakeUp.isDone() && woken.compareAndSet(false, true)) {
          delay = Duration.ZERO; // it came while a call was in flight
        }
        ScheduledFuture<?> next =
            scheduler.schedule(this::poll, delay.toMillis(), TimeUnit.MILLISECONDS);
        inFlight.set(next);
        pending.set(next);
        if (wakeUp != null && wakeUp.isDone() && !woken.get()) {
          wake(); // it came while this poll was being scheduled
        }
      }

      void poll() {
        pending.set(null);
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
                  schedule(delay.get());
                }
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            });
      }
    }.poll();
    return result;
  }

  /**
   * The wake-up of a wait that starts now, or null: none without wake-ups, and none when it has
   * already come (the first poll, made now, sees what it announced).
   */
  private @Nullable CompletableFuture<?> wakeUpFor(String id) {
    CompletableFuture<?> wakeUp = wakeUps == null ? null : wakeUps.forVideo(id);
    return wakeUp == null || wakeUp.isDone() ? null : wakeUp;
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
