package io.github.openaivideos.cli;

import io.github.openaivideos.models.DeletedVideo;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoCharacter;
import java.io.PrintStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code -q/--quiet}: only ids on stdout, one per line, for {@code $(...)} and {@code xargs}; the
 * files {@code download} wrote, one path per line. No hints.
 */
final class QuietOutput implements Output {
  private final PrintStream out;

  QuietOutput(PrintStream out) {
    this.out = out;
  }

  @Override
  public void video(Video video, List<SavedAsset> saved) {
    out.println(Table.clean(video.id()));
  }

  @Override
  public void videos(List<Video> videos, @Nullable String nextAfter) {
    for (Video video : videos) {
      out.println(Table.clean(video.id()));
    }
  }

  @Override
  public void deleted(DeletedVideo deleted) {
    out.println(Table.clean(deleted.id()));
  }

  @Override
  public void character(VideoCharacter character) {
    out.println(Table.clean(character.id().orElse("")));
  }

  @Override
  public void saved(String videoId, List<SavedAsset> saved) {
    for (SavedAsset asset : saved) {
      out.println(asset.path());
    }
  }
}
