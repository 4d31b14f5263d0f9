package io.github.openaivideos.cli;

import io.github.openaivideos.Progress;
import java.io.PrintStream;

/**
 * One plain line per update, for logs and pipes (no carriage returns):
 *
 * <pre>
 * [0:12] video_123 in_progress 50%
 * </pre>
 */
final class LogView implements ProgressView {
  private final PrintStream err;

  LogView(PrintStream err) {
    this.err = err;
  }

  @Override
  public void update(Progress progress) {
    err.println(
        "["
            + ProgressView.elapsed(progress.elapsed())
            + "] "
            + Table.clean(progress.videoId())
            + " "
            + progress.status().value()
            + " "
            + progress.percent()
            + "%");
  }

  @Override
  public void close() {
    // Every line is already complete.
  }
}
