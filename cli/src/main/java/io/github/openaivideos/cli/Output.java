package io.github.openaivideos.cli;

import io.github.openaivideos.models.DeletedVideo;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoCharacter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** How a command prints its result: a table for people ({@link TableOutput}) or JSON. */
interface Output {
  /** One video, with the files downloaded for it (none unless --download was given). */
  void video(Video video, List<SavedAsset> saved);

  /**
   * A list of videos; {@code nextAfter} is the cursor of the next page when there is one that was
   * not fetched.
   */
  void videos(List<Video> videos, @Nullable String nextAfter);

  void deleted(DeletedVideo deleted);

  void character(VideoCharacter character);

  /** Files downloaded by {@code videos download}. */
  void saved(String videoId, List<SavedAsset> saved);
}
