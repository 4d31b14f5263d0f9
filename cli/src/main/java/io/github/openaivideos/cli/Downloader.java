package io.github.openaivideos.cli;

import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.ContentVariant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves the assets of a completed video to files, each written atomically by the SDK. A file that
 * exists already is refused unless {@code --clobber} was given.
 */
final class Downloader {
  private final VideosClient client;
  private final boolean clobber;

  Downloader(VideosClient client, boolean clobber) {
    this.client = client;
    this.clobber = clobber;
  }

  /** Every asset (video, thumbnail, spritesheet) into the folder, under names from the id. */
  List<SavedAsset> saveAll(Path folder, String videoId) {
    for (ContentVariant variant : ContentVariant.knownValues()) {
      AssetFiles.refuseExisting(AssetFiles.targetsInside(folder, videoId, variant), clobber);
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
    long bytes = client.download(videoId, variant, target);
    Path saved =
        variant.equals(ContentVariant.VIDEO) ? target : AssetFiles.withImageExtension(target);
    return new SavedAsset(variant, saved, bytes);
  }

  /** One asset to exactly the file the user named. */
  SavedAsset saveAs(Path file, String videoId, ContentVariant variant) {
    AssetFiles.refuseExisting(List.of(file), clobber);
    long bytes = client.download(videoId, variant, file);
    return new SavedAsset(variant, file, bytes);
  }
}
