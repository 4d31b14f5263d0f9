package io.github.openaivideos.cli;

import io.github.openaivideos.models.DeletedVideo;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoCharacter;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Results as aligned plain-text tables, for people. */
final class TableOutput implements Output {
  /** Prompts longer than this are cut in the list table. */
  static final int LIST_PROMPT_WIDTH = 40;

  private final PrintStream out;

  TableOutput(PrintStream out) {
    this.out = out;
  }

  @Override
  public void video(Video video, List<SavedAsset> saved) {
    Table table = new Table();
    table.row("id", video.id());
    table.row("status", video.status().value());
    table.row("progress", video.progress() + "%");
    table.row("model", video.model().value());
    table.row("size", video.size().value());
    table.row("seconds", video.seconds());
    table.row("created_at", time(video.createdAt()));
    video.completedAt().ifPresent(at -> table.row("completed_at", time(at)));
    video.expiresAt().ifPresent(at -> table.row("expires_at", time(at)));
    video.prompt().ifPresent(prompt -> table.row("prompt", prompt));
    video.remixedFromVideoId().ifPresent(id -> table.row("remixed_from", id));
    video.error().ifPresent(e -> table.row("error", e.code() + ": " + e.message()));
    for (SavedAsset asset : saved) {
      table.row("saved", asset.path() + " (" + asset.bytes() + " bytes)");
    }
    out.print(table.render());
  }

  @Override
  public void videos(List<Video> videos, @Nullable String nextAfter) {
    if (videos.isEmpty()) {
      out.println("No videos.");
    } else {
      Table table = new Table();
      table.row("ID", "STATUS", "PROGRESS", "MODEL", "SIZE", "SECONDS", "CREATED_AT", "PROMPT");
      for (Video v : videos) {
        table.row(
            v.id(),
            v.status().value(),
            v.progress() + "%",
            v.model().value(),
            v.size().value(),
            v.seconds(),
            time(v.createdAt()),
            Table.abbreviate(Table.clean(v.prompt().orElse("")), LIST_PROMPT_WIDTH));
      }
      out.print(table.render());
    }
    if (nextAfter != null) {
      out.println(
          "More videos: --after " + Table.clean(nextAfter) + " for the next page, or --all.");
    }
  }

  @Override
  public void deleted(DeletedVideo deleted) {
    out.print(
        new Table()
            .row("id", deleted.id())
            .row("deleted", String.valueOf(deleted.deleted()))
            .render());
  }

  @Override
  public void character(VideoCharacter character) {
    out.print(
        new Table()
            .row("id", character.id().orElse("-"))
            .row("name", character.name().orElse("-"))
            .row("created_at", time(character.createdAt()))
            .render());
  }

  @Override
  public void saved(String videoId, List<SavedAsset> saved) {
    Table table = new Table().row("VARIANT", "BYTES", "PATH");
    for (SavedAsset asset : saved) {
      table.row(asset.variant().value(), String.valueOf(asset.bytes()), asset.path().toString());
    }
    out.print(table.render());
  }

  /** Unix seconds as ISO-8601 in UTC: {@code 2026-01-02T03:04:05Z}. */
  static String time(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond).toString();
  }
}
