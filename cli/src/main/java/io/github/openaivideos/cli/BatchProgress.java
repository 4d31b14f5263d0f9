package io.github.openaivideos.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one progress line of a batch, on stderr: {@code batch 512/1000 done, 3 failed, 32 running,
 * 453 queued, ETA 4m10s}. On a terminal it is redrawn in place every second, cut to the terminal's
 * width; otherwise it is logged every {@link #LOG_EVERY} when it changed. The ETA comes from this
 * run's pace (lines finished since it started), measured on the tool's clock.
 */
final class BatchProgress implements AutoCloseable {
  static final Duration LOG_EVERY = Duration.ofSeconds(10);

  private final PrintStream err;
  private final Terminal terminal;
  private final boolean redraw;
  private final Clock clock;
  private final int total;
  private final Instant start;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger finishedNow = new AtomicInteger();
  private final ScheduledExecutorService ticker;
  private String lastLogged = "";
  private int lastLength;

  /**
   * @param redraw whether to redraw one line in place (a terminal, progress not turned off)
   * @param total the lines of the file
   */
  BatchProgress(PrintStream err, Terminal terminal, boolean redraw, Clock clock, int total) {
    this.err = err;
    this.terminal = terminal;
    this.redraw = redraw;
    this.clock = clock;
    this.total = total;
    this.start = clock.instant();
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "videos-batch-progress");
              thread.setDaemon(true);
              return thread;
            });
    long period = redraw ? 1 : LOG_EVERY.toSeconds();
    ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.SECONDS);
  }

  /** A line finished in an earlier run. */
  void alreadyFinished(boolean completed) {
    (completed ? done : failed).incrementAndGet();
  }

  void started() {
    running.incrementAndGet();
  }

  /** A line this run worked on ended: completed, failed (the job), or stopped by an error. */
  void ended(String state) {
    running.decrementAndGet();
    finishedNow.incrementAndGet();
    switch (state) {
      case "completed" -> done.incrementAndGet();
      case "failed" -> failed.incrementAndGet();
      default -> errors.incrementAndGet();
    }
  }

  /** The progress line, with an ETA once a line has finished. */
  String line() {
    int d = done.get();
    int f = failed.get();
    int e = errors.get();
    int r = running.get();
    int queued = Math.max(0, total - d - f - e - r);
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "batch %d/%d done, %d failed, %d running, %d queued",
                d,
                total,
                f,
                r,
                queued));
    if (e > 0) {
      line.append(", ").append(e).append(" errors");
    }
    int finished = finishedNow.get();
    int remaining = queued + r;
    if (finished > 0 && remaining > 0) {
      Duration elapsed = Duration.between(start, clock.instant());
      Duration eta = elapsed.multipliedBy(remaining).dividedBy(finished);
      line.append(", ETA ").append(duration(eta));
    }
    return line.toString();
  }

  private synchronized void tick() {
    String line = line();
    if (redraw) {
      int width = terminal.columns() - 1;
      String cut = line.length() > width ? line.substring(0, width) : line;
      int padding = Math.max(0, lastLength - cut.length());
      err.print("\r" + cut + " ".repeat(padding));
      err.flush();
      lastLength = cut.length();
    } else if (!line.equals(lastLogged)) {
      err.println(line);
      lastLogged = line;
    }
  }

  /** Stops the ticker and shows the final line. */
  @Override
  public synchronized void close() {
    ticker.shutdownNow();
    String line = line();
    if (redraw) {
      int width = terminal.columns() - 1;
      String cut = line.length() > width ? line.substring(0, width) : line;
      err.print("\r" + cut + " ".repeat(Math.max(0, lastLength - cut.length())) + "\n");
    } else {
      err.println(line);
    }
    err.flush();
  }

  /** {@code 4m10s}, {@code 1h02m}, {@code 12s}. */
  static String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60);
    }
    if (s >= 60) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return s + "s";
  }
}
