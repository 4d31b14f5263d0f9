package io.github.openaivideos.cli;

import io.github.openaivideos.ApiTimeoutException;
import io.github.openaivideos.Progress;
import io.github.openaivideos.VideoFailedException;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.WaitTimeoutException;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.Video;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Waits for a job with a live progress display, saves its files if asked, and prints the finished
 * video. A failed job ends the wait with {@link io.github.openaivideos.VideoFailedException}.
 *
 * <p>Two ways out leave the job running on the server, and both say how to resume it: the timeout
 * ({@link ExitCode#WAIT_TIMEOUT}) and Ctrl-C ({@link ExitCode#INTERRUPTED}), which ends the bar's
 * line, prints the message, and removes a download folder this run created if it is still empty.
 */
final class JobFollower {
  /** Characters a shell takes literally: anything else in a resume command is quoted. */
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._/:@%+=,-]+");

  private final Session session;
  private final VideosClient client;

  JobFollower(Session session, VideosClient client) {
    this.session = session;
    this.client = client;
  }

  /** Checks the options before anything is sent: the download folder exists or can be made. */
  static void check(FollowOptions options) {
    if (options.downloadFolder != null) {
      AssetFiles.checkFolder(options.downloadFolder);
    }
  }

  int follow(String videoId, FollowOptions options) {
    Path folder = options.downloadFolder;
    if (folder != null && !options.clobber) {
      // Refused before the wait: the files' names are known from the id.
      for (ContentVariant variant : ContentVariant.knownValues()) {
        AssetFiles.refuseExisting(AssetFiles.targetsInside(folder, videoId, variant), false);
      }
    }
    Downloader downloader = new Downloader(client, session, options.clobber);
    String resume = resumeCommand(videoId, options.downloadFolder);
    AtomicBoolean interrupted = new AtomicBoolean();
    Thread following = Thread.currentThread();
    int code;
    ProgressView view = session.progressView();
    Interrupts.Registration onInterrupt =
        session
            .live()
            .interrupts()
            .register(
                () -> {
                  interrupted.set(true);
                  view.interrupted();
                  session.statusLine().stop();
                  session
                      .err()
                      .println(
                          "interrupted: the job keeps running on the server; resume with: "
                              + resume);
                  downloader.cleanUpAfterInterrupt();
                  following.interrupt();
                });
    try {
      code = follow(videoId, options, view, downloader, resume);
    } catch (RuntimeException e) {
      if (!interrupted.get()) {
        throw e;
      }
      code = ExitCode.INTERRUPTED;
    } finally {
      onInterrupt.close();
      view.close();
    }
    if (interrupted.get()) {
      Thread.interrupted(); // ours: this run ends here, the caller's thread goes on
      return ExitCode.INTERRUPTED;
    }
    return code;
  }

  /** Waits with {@code view} ticking, then saves the files: the exit code, or an exception. */
  private int follow(
      String videoId,
      FollowOptions options,
      ProgressView view,
      Downloader downloader,
      String resume) {
    AtomicReference<@Nullable Progress> lastSeen = new AtomicReference<>();
    Instant start = session.live().clock().instant();
    Video done;
    Ticker.Ticks ticks = session.live().ticker().start(view::tick);
    try {
      done =
          client.waitUntilDone(
              videoId,
              options.timeout(),
              progress -> {
                lastSeen.set(progress);
                view.update(progress);
              });
    } catch (VideoFailedException failed) {
      if (session.options().json || session.options().quiet) {
        // A script reading stdout gets the failed job too; the error line goes to stderr.
        view.close();
        session.output().video(failed.video(), List.of());
      }
      throw failed;
    } catch (WaitTimeoutException e) {
      view.close();
      return timedOut(videoId, new Progress(e.lastSeen(), e.waited()), resume);
    } catch (ApiTimeoutException e) {
      // The poll made at the deadline ran out of time: the same timeout, seen from the call.
      Duration waited = Duration.between(start, session.live().clock().instant());
      if (waited.compareTo(options.timeout()) < 0) {
        throw e;
      }
      view.close();
      return timedOut(videoId, lastSeen.get(), waited, resume);
    } finally {
      ticks.close();
    }
    view.close();
    Path folder = options.downloadFolder;
    List<SavedAsset> saved = folder == null ? List.of() : downloader.saveAll(folder, done.id());
    session.output().video(done, saved);
    return ExitCode.OK;
  }

  private int timedOut(String videoId, Progress lastSeen, String resume) {
    return timedOut(videoId, lastSeen, lastSeen.elapsed(), resume);
  }

  /**
   * Prints {@code timed out: video_123 is still in_progress (37%) after 1m00s; it keeps running on
   * the server; resume with: videos wait video_123}.
   */
  private int timedOut(
      String videoId, @Nullable Progress lastSeen, Duration waited, String resume) {
    String state =
        lastSeen == null
            ? "is still running"
            : "is still " + lastSeen.status().value() + " (" + lastSeen.percent() + "%)";
    String message =
        "timed out: "
            + videoId
            + " "
            + state
            + " after "
            + Durations.format(waited)
            + "; it keeps running on the server; resume with: "
            + resume;
    session.err().println(ErrorReporter.clean(message, ErrorReporter.secretsOf(session)));
    return ExitCode.WAIT_TIMEOUT;
  }

  /** {@code videos wait ID}, plus {@code --download DIR} when files were asked for. */
  static String resumeCommand(String videoId, @Nullable Path folder) {
    String command = "videos wait " + shellWord(videoId);
    return folder == null ? command : command + " --download " + shellWord(folder.toString());
  }

  /** The text as one shell word: as it is when plain, else in single quotes. */
  static String shellWord(String text) {
    String clean = Table.clean(text);
    return SHELL_SAFE.matcher(clean).matches() ? clean : "'" + clean.replace("'", "'\\''") + "'";
  }
}
