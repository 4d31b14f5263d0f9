package io.github.openaivideos.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The progress of one download on a terminal, redrawn in place ({@link StatusLine}) at most every
 * {@link #REDRAW} and on every tick, and erased when the file is saved (the result lists it):
 *
 * <pre>
 * video_123 video [########............] 3.2/7.9 MB 12.1 MB/s
 * video_123 video 3.2 MB 12.1 MB/s          (no Content-Length)
 * </pre>
 *
 * <p>Like the job's bar it always fits: a shorter bar, then no rate, then no bar, then a cut id.
 */
final class DownloadView implements DownloadMeter.Listener, AutoCloseable {
  static final Duration REDRAW = Duration.ofMillis(100);

  private final StatusLine line;
  private final Clock clock;
  private final String id;
  private final String label;
  private final Instant start;
  private long bytes;
  private long total = -1;
  private @Nullable Instant lastDraw;
  private boolean closed;

  DownloadView(StatusLine line, Clock clock, String id, String label) {
    this.line = line;
    this.clock = clock;
    this.id = Table.clean(id);
    this.label = Table.clean(label);
    this.start = clock.instant();
  }

  @Override
  public synchronized void progress(long bytes, long total) {
    if (closed) {
      return;
    }
    this.bytes = bytes;
    this.total = total;
    Instant now = clock.instant();
    if (lastDraw == null
        || bytes == total
        || Duration.between(lastDraw, now).compareTo(REDRAW) >= 0) {
      draw(now);
    }
  }

  /** Redraws with the rate of the moment, even when no bytes came. */
  synchronized void tick() {
    if (!closed && lastDraw != null) {
      draw(clock.instant());
    }
  }

  private void draw(Instant now) {
    lastDraw = now;
    long ms = Duration.between(start, now).toMillis();
    @Nullable Long rate = ms > 0 ? bytes * 1000 / ms : null;
    line.draw(line(id, label, bytes, total, rate, line.width()));
  }

  /**
   * Erases the line (the saved file is listed in the result); a tick or a report that comes later
   * draws nothing.
   */
  @Override
  public synchronized void close() {
    closed = true;
    line.clear();
  }

  /**
   * The line for a terminal that allows {@code width} code points.
   *
   * @param total the announced size, or -1
   * @param bytesPerSecond the average rate so far, or null before any time has passed
   */
  static String line(
      String id, String label, long bytes, long total, @Nullable Long bytesPerSecond, int width) {
    String amount = total >= 0 ? size(bytes, total) : size(bytes, bytes);
    @Nullable String rate =
        bytesPerSecond == null ? null : size(bytesPerSecond, bytesPerSecond) + "/s";
    List<String> tails = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    if (rate != null) {
      numbers.add(amount + " " + rate);
    }
    numbers.add(amount);
    if (total > 0) {
      int percent = (int) Math.min(100, bytes * 100 / total);
      for (String tail : numbers) {
        for (int cells = BarView.WIDTH; cells >= BarView.MIN_WIDTH; cells--) {
          tails.add(label + " " + BarView.bar(percent, cells) + " " + tail);
        }
      }
    }
    for (String tail : numbers) {
      tails.add(label + " " + tail);
    }
    return StatusLine.fit(id, tails, width);
  }

  /**
   * {@code 512 B}, {@code 3.2 kB}, {@code 7.9 MB}: the amount in the unit of {@code scale}; when it
   * differs from {@code scale}, both: {@code 3.2/7.9 MB}.
   */
  static String size(long amount, long scale) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    int unit = 0;
    double divisor = 1;
    while (unit < units.length - 1 && scale >= divisor * 1000) {
      divisor *= 1000;
      unit++;
    }
    String shownAmount = number(amount / divisor, unit);
    String text = amount == scale ? shownAmount : shownAmount + "/" + number(scale / divisor, unit);
    return text + " " + units[unit];
  }

  private static String number(double value, int unit) {
    return unit == 0 ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }
}
