package io.github.openaivideos.cli;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task at a fixed rate while something is shown live (the progress bar's clock moves every
 * second even when no poll came back). The tool uses {@link #DAEMON}; tests use {@link #NONE} and
 * call the views' {@code tick()} themselves, so that every line is drawn at an exact time.
 */
@FunctionalInterface
interface Ticker {
  /** How often a live display is redrawn. */
  Duration EVERY = Duration.ofSeconds(1);

  /** Never ticks. */
  Ticker NONE = task -> () -> {};

  /** One daemon thread per started task, stopped when its ticks are closed. */
  Ticker DAEMON =
      task -> {
        ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "videos-ticker");
                  t.setDaemon(true);
                  return t;
                });
        long ms = EVERY.toMillis();
        ScheduledFuture<?> ticking =
            thread.scheduleAtFixedRate(task, ms, ms, TimeUnit.MILLISECONDS);
        return () -> {
          ticking.cancel(false);
          thread.shutdownNow();
        };
      };

  /** Starts running {@code task} every {@link #EVERY}; closing the result stops it. */
  Ticks start(Runnable task);

  /** A running ticker; closing it stops the ticks. */
  @FunctionalInterface
  interface Ticks extends AutoCloseable {
    @Override
    void close();
  }
}
