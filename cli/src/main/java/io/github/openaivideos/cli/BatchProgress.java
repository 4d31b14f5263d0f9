package io.github.openaivideos.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The one progress line of a batch, on stderr: {@code batch 512/1000 done, 3 failed, 32 running,
 * 453 queued, ETA 4m10s}. On a terminal it is the session's {@link StatusLine}, redrawn every
 * second by the session's {@link Ticker} and fitted to the terminal's width (the ETA is kept before
 * the counts that are cut); otherwise a line is logged on a tick when it changed and {@link
 * #LOG_EVERY} has passed since the last one. The ETA comes from this run's pace (lines finished
 * since it started), measured on the tool's clock.
 */
final class BatchProgress implements AutoCloseable {
  static final Duration LOG_EVERY = Duration.ofSeconds(10);

  private final PrintStream err;
  private final @Nullable StatusLine statusLine;
  private final Clock clock;
  private final int total;
  private final Instant start;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger finishedNow = new AtomicInteger();
  private final Ticker.Ticks ticks;
  private String lastLogged = "";
  private @Nullable Instant lastLoggedAt;
  private boolean closed;

  /**
   * @param statusLine the line to redraw in place, or null to log lines (not a terminal, or
   *     progress turned off)
   * @param total the lines of the file
   */
  BatchProgress(
      PrintStream err, @Nullable StatusLine statusLine, Ticker ticker, Clock clock, int total) {
    this.err = err;
    this.statusLine = statusLine;
    this.clock = clock;
    this.total = total;
    this.start = clock.instant();
    this.ticks = ticker.start(this::tick);
  }

  /** A line finished in an earlier run. */
  void alreadyFinished(boolean completed) {
    (completed ? done : failed).incrementAndGet();
  }

  /**
   * A line counted as ended (in this run, or finished in an earlier one) is run again: it leaves
   * its count, so that it is counted once when it ends again.
   *
   * @param thisRun whether it ended in this run (else it was finished in an earlier one)
   */
  void retrying(String state, boolean thisRun) {
    if (thisRun) {
      finishedNow.decrementAndGet();
    }
    switch (state) {
      case "completed" -> done.decrementAndGet();
      case "failed" -> failed.decrementAndGet();
      default -> errors.decrementAndGet();
    }
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
    return counts() + eta().map(eta -> ", ETA " + eta).orElse("");
  }

  private String counts() {
    int e = errors.get();
    return String.format(
            Locale.ROOT,
            "batch %d/%d done, %d failed, %d running, %d queued",
            done.get(),
            total,
            failed.get(),
            running.get(),
            queued())
        + (e > 0 ? ", " + e + " errors" : "");
  }

  private int queued() {
    return Math.max(0, total - done.get() - failed.get() - errors.get() - running.get());
  }

  private Optional<String> eta() {
    int finished = finishedNow.get();
    int remaining = queued() + running.get();
    if (finished == 0 || remaining == 0) {
      return Optional.empty();
    }
    Duration elapsed = Duration.between(start, clock.instant());
    return Optional.of(Durations.format(elapsed.multipliedBy(remaining).dividedBy(finished)));
  }

  /**
   * The line for a terminal of {@code width}: whole when it fits, else the done count and the ETA
   * before the other counts, which are cut.
   */
  String fitted(int width) {
    String whole = line();
    if (StatusLine.length(whole) <= width) {
      return whole;
    }
    String shortLine =
        String.format(Locale.ROOT, "batch %d/%d done", done.get(), total)
            + eta().map(eta -> ", ETA " + eta).orElse("");
    return StatusLine.cut(shortLine, width);
  }

  /** One tick: redraw the line, or log it when it changed and enough time has passed. */
  synchronized void tick() {
    if (closed) {
      return; // a tick that lost the race with close: the final line is already shown
    }
    if (statusLine != null) {
      statusLine.draw(fitted(statusLine.width()));
      return;
    }
    String line = line();
    Instant now = clock.instant();
    if (!line.equals(lastLogged)
        && (lastLoggedAt == null || !now.isBefore(lastLoggedAt.plus(LOG_EVERY)))) {
      err.println(line);
      lastLogged = line;
      lastLoggedAt = now;
    }
  }

  /** Stops the ticks and shows the final line. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ticks.close();
    if (statusLine != null) {
      statusLine.draw(fitted(statusLine.width()));
      statusLine.end();
    } else {
      err.println(line());
    }
    err.flush();
  }
}
