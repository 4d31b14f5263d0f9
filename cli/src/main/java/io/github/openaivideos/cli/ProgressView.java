package io.github.openaivideos.cli;

import io.github.openaivideos.Progress;
import io.github.openaivideos.models.VideoStatus;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows a job's progress while the tool waits for it; closing it ends the display. Updates come
 * from the waiting thread, ticks from the ticker thread, the interrupt from the Ctrl-C hook.
 */
interface ProgressView extends AutoCloseable {
  /** Shows one observation: status, percent and time waited so far. */
  void update(Progress progress);

  /** A second went by (no news from the server): lets the display move its clock. */
  void tick();

  /** The user pressed Ctrl-C: end the line and show nothing more. */
  void interrupted();

  /** Leaves the terminal on a fresh line. */
  @Override
  void close();

  /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
  static String elapsed(Duration elapsed) {
    long seconds = elapsed.toSeconds();
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }

  /** Whether the job has reached its end (nothing more will move). */
  static boolean finished(Progress progress) {
    return finished(progress.status());
  }

  /** Whether a job in this status has reached its end: completed or failed. */
  static boolean finished(VideoStatus status) {
    return VideoStatus.COMPLETED.equals(status) || VideoStatus.FAILED.equals(status);
  }
}
