package io.github.openaivideos.cli;

import io.github.openaivideos.VideoFailedException;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.Video;
import java.nio.file.Path;
import java.util.List;

/**
 * Waits for a job with a progress display, saves its files if asked, and prints the finished video.
 * A failed job ends the wait with {@link io.github.openaivideos.VideoFailedException}.
 */
final class JobFollower {
  private final Session session;
  private final VideosClient client;

  JobFollower(Session session, VideosClient client) {
    this.session = session;
    this.client = client;
  }

  /** Checks the options before anything is sent: the download folder exists or can be made. */
  static void check(FollowOptions options) {
    options.timeout();
    if (options.downloadFolder != null) {
      AssetFiles.prepareFolder(options.downloadFolder);
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
    Video done;
    try (ProgressView view = session.progressView()) {
      done = client.waitUntilDone(videoId, options.timeout(), view::update);
    } catch (VideoFailedException failed) {
      if (session.options().json || session.options().quiet) {
        // A script reading stdout gets the failed job too; the error line goes to stderr.
        session.output().video(failed.video(), List.of());
      }
      throw failed;
    }
    List<SavedAsset> saved =
        folder == null
            ? List.of()
            : new Downloader(client, options.clobber).saveAll(folder, done.id());
    session.output().video(done, saved);
    return ExitCode.OK;
  }
}
