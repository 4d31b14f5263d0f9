package io.github.openaivideos.cli;

import io.github.openaivideos.Progress;
import io.github.openaivideos.models.VideoStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A progress bar redrawn in place on a terminal ({@link StatusLine}): the id, the bar, the percent,
 * the status, the time waited, and once the percent has moved (while in progress) an estimate of
 * the time left.
 *
 * <pre>
 * video_123 [##########..........]  50% in_progress 0:12 ETA 0:10
 * </pre>
 *
 * <p>It always fits the terminal: when the full line is too wide, the bar gets shorter, then the id
 * is cut with an ellipsis to keep the ETA (an 80-column terminal shows {@code
 * video_68d7512d07848190b3e45da0ec… [#####.....] 50% in_progress 0:12 ETA 0:10}), then the ETA
 * goes, then the bar, then the id is cut further. The clock moves every {@link #tick} (each second)
 * even when the server has nothing new.
 */
final class BarView extends ClockedView {
  static final int WIDTH = 20;
  static final int MIN_WIDTH = 10;

  /** The fewest code points of the id kept (with its ellipsis) to make room for the ETA. */
  static final int MIN_ID = 16;

  private final StatusLine line;
  private final Eta eta = new Eta();

  BarView(StatusLine line, Clock clock) {
    super(clock);
    this.line = line;
  }

  @Override
  void show(Progress progress) {
    if (VideoStatus.IN_PROGRESS.equals(progress.status())) {
      // From the first observation in progress: time in the queue says nothing of the rate.
      eta.observe(progress.percent(), progress.elapsed());
    }
    draw(progress, progress.elapsed());
  }

  @Override
  void showTime(Progress last, Duration elapsed) {
    draw(last, elapsed);
  }

  /** Ctrl-C leaves the line as it is and draws nothing more; the end moves to a fresh line. */
  @Override
  void end(boolean interrupted) {
    if (interrupted) {
      line.stop();
    } else {
      line.end();
    }
  }

  private void draw(Progress progress, Duration elapsed) {
    @Nullable Duration left = ProgressView.finished(progress) ? null : eta.remaining(elapsed);
    line.draw(
        line(
            Table.clean(progress.videoId()),
            progress.percent(),
            Table.clean(progress.status().value()),
            elapsed,
            left,
            line.width()));
  }

  /**
   * The line for a terminal that allows {@code width} code points: the full line when it fits,
   * otherwise a shorter bar, then an id cut to make room for the ETA (down to {@link #MIN_ID}),
   * then no ETA, then no bar, then an id cut further (see the class comment).
   */
  static String line(
      String id, int percent, String status, Duration elapsed, @Nullable Duration eta, int width) {
    int shown = Math.max(0, Math.min(100, percent));
    String numbers =
        String.format(Locale.ROOT, "%3d%% %s %s", shown, status, ProgressView.elapsed(elapsed));
    if (eta != null) {
      String withEta = numbers + " ETA " + ProgressView.elapsed(eta);
      for (int cells = WIDTH; cells >= MIN_WIDTH; cells--) {
        String line = id + " " + bar(shown, cells) + " " + withEta;
        if (StatusLine.length(line) <= width) {
          return line;
        }
      }
      // The estimate matters more than the whole id, which the result and any resume hint print.
      String tail = bar(shown, MIN_WIDTH) + " " + withEta;
      int room = width - 1 - StatusLine.length(tail);
      if (room >= MIN_ID) {
        return StatusLine.cut(id, room - 1) + StatusLine.ELLIPSIS + " " + tail;
      }
    }
    List<String> tails = new ArrayList<>();
    for (int cells = WIDTH; cells >= MIN_WIDTH; cells--) {
      tails.add(bar(shown, cells) + " " + numbers);
    }
    tails.add(numbers);
    return StatusLine.fit(id, tails, width);
  }

  /** {@code [#####.....]} with this many cells. */
  static String bar(int percent, int cells) {
    int filled = percent * cells / 100;
    return "[" + "#".repeat(filled) + ".".repeat(cells - filled) + "]";
  }
}
