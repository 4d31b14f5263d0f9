package io.github.openaivideos.cli;

import io.github.openaivideos.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar redrawn in place on a terminal: a carriage return, then the bar, the percent, the
 * status and the time waited, padded with spaces over whatever the previous, longer line left.
 *
 * <pre>
 * video_123 [##########..........]  50% in_progress 0:12
 * </pre>
 */
final class BarView implements ProgressView {
  static final int WIDTH = 20;

  private final PrintStream err;
  private int lastLength;

  BarView(PrintStream err) {
    this.err = err;
  }

  @Override
  public void update(Progress progress) {
    String line = line(progress);
    int padding = Math.max(0, lastLength - line.length());
    err.print("\r" + line + " ".repeat(padding));
    err.flush();
    lastLength = line.length();
  }

  @Override
  public void close() {
    if (lastLength > 0) {
      err.println();
    }
  }

  static String line(Progress progress) {
    int percent = Math.max(0, Math.min(100, progress.percent()));
    int filled = percent * WIDTH / 100;
    return String.format(
        Locale.ROOT,
        "%s [%s%s] %3d%% %s %s",
        Table.clean(progress.videoId()),
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        percent,
        progress.status().value(),
        ProgressView.elapsed(progress.elapsed()));
  }
}
