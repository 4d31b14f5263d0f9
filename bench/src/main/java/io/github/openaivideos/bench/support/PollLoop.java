package io.github.openaivideos.bench.support;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The poll loop a user writes when the client has no wait of its own: an asynchronous retrieve,
 * then a timer on one shared scheduler thread until the job is done. Holds no thread between polls.
 */
public final class PollLoop {
  private PollLoop() {}

  public static <V> CompletableFuture<V> await(
      String id,
      Function<String, CompletableFuture<V>> retrieve,
      Predicate<V> done,
      Duration interval,
      Duration timeout,
      ScheduledExecutorService scheduler) {
    CompletableFuture<V> result = new CompletableFuture<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    poll(id, retrieve, done, interval, deadline, scheduler, result);
    return result;
  }

  private static <V> void poll(
      String id,
      Function<String, CompletableFuture<V>> retrieve,
      Predicate<V> done,
      Duration interval,
      long deadline,
      ScheduledExecutorService scheduler,
      CompletableFuture<V> result) {
    retrieve
        .apply(id)
        .whenComplete(
            (v, t) -> {
              if (t != null) {
                result.completeExceptionally(t);
              } else if (done.test(v)) {
                result.complete(v);
              } else if (System.nanoTime() + interval.toNanos() > deadline) {
                result.completeExceptionally(new IllegalStateException(id + " timed out"));
              } else {
                scheduler.schedule(
                    () -> poll(id, retrieve, done, interval, deadline, scheduler, result),
                    interval.toMillis(),
                    TimeUnit.MILLISECONDS);
              }
            });
  }
}
