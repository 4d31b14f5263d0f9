package io.github.openaivideos.cli;

import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.ContentVariant;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Saves the assets of a completed video to files, each written atomically by the SDK, showing each
 * download's progress on a terminal. A download folder is created only when the first download
 * starts, so a wait that ends early (timeout, failure, Ctrl-C) leaves no empty folder behind. A
 * file that exists already is refused unless {@code --clobber} was given.
 */
final class Downloader {
  private final VideosClient client;
  private final Session session;
  private final boolean clobber;
  private @Nullable Path createdFolder;
  private @Nullable Path downloading;

  Downloader(VideosClient client, Session session, boolean clobber) {
    this.client = client;
    this.session = session;
    this.clobber = clobber;
  }

  /** Every asset (video, thumbnail, spritesheet) into the folder, under names from the id. */
  List<SavedAsset> saveAll(Path folder, String videoId) {
    for (ContentVariant variant : ContentVariant.knownValues()) {
      AssetFiles.refuseExisting(AssetFiles.targetsInside(folder, videoId, variant), clobber);
    }
    if (!Files.isDirectory(folder)) {
      AssetFiles.prepareFolder(folder);
      createdFolder = folder;
    }
    List<SavedAsset> saved = new ArrayList<>();
    for (ContentVariant variant : ContentVariant.knownValues()) {
      saved.add(saveInto(folder, videoId, variant));
    }
    return saved;
  }

  /**
   * One asset into the folder, under a name derived safely from the id (see {@link AssetFiles}).
   */
  SavedAsset saveInto(Path folder, String videoId, ContentVariant variant) {
    AssetFiles.refuseExisting(AssetFiles.targetsInside(folder, videoId, variant), clobber);
    Path target = AssetFiles.inside(folder, AssetFiles.fileName(videoId, variant));
    long bytes = download(videoId, variant, target);
    Path saved =
        variant.equals(ContentVariant.VIDEO) ? target : AssetFiles.withImageExtension(target);
    return new SavedAsset(variant, saved, bytes);
  }

  /** One asset to exactly the file the user named. */
  SavedAsset saveAs(Path file, String videoId, ContentVariant variant) {
    AssetFiles.refuseExisting(List.of(file), clobber);
    long bytes = download(videoId, variant, file);
    return new SavedAsset(variant, file, bytes);
  }

  private long download(String videoId, ContentVariant variant, Path target) {
    synchronized (this) {
      downloading = target;
    }
    Interrupts.Registration shown = show(videoId, variant.value());
    try {
      return client.download(videoId, variant, target);
    } finally {
      shown.close();
      synchronized (this) {
        downloading = null;
      }
    }
  }

  /** On a terminal, a {@link DownloadView} fed by the session's meter and ticker; else nothing. */
  private Interrupts.Registration show(String videoId, String label) {
    if (!session.showsLiveProgress()) {
      return () -> {};
    }
    DownloadView view =
        new DownloadView(session.statusLine(), session.live().clock(), videoId, label);
    Interrupts.Registration listening = session.downloadMeter().listen(view);
    Ticker.Ticks ticks = session.live().ticker().start(view::tick);
    return () -> {
      ticks.close();
      listening.close();
      view.close();
    };
  }

  /**
   * After Ctrl-C, while the process ends: removes the hidden partial file of the download in flight
   * (the SDK names it {@code .NAME.RANDOM.part} beside the target) and the folder if this run
   * created it and it is empty.
   */
  synchronized void cleanUpAfterInterrupt() {
    Path target = downloading;
    if (target != null) {
      Path parent = target.toAbsolutePath().getParent();
      String prefix = "." + target.getFileName() + ".";
      if (parent != null) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(parent)) {
          for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.startsWith(prefix) && name.endsWith(".part")) {
              Files.deleteIfExists(file);
            }
          }
        } catch (IOException e) {
          // Best effort: the process is ending.
        }
      }
    }
    Path folder = createdFolder;
    if (folder != null) {
      try {
        Files.delete(folder); // fails, as it should, unless the folder is empty
      } catch (IOException e) {
        // Not empty (or gone): keep what was saved.
      }
    }
  }
}
