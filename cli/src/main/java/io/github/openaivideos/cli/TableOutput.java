package io.github.openaivideos.cli;

import io.github.openaivideos.models.DeletedVideo;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoCharacter;
import io.github.openaivideos.models.VideoStatus;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Results as aligned plain-text tables, for people. On a terminal the list fits its width (the
 * prompt column shrinks, then the less useful columns go) and status words are coloured; hints such
 * as the next page's cursor go to stderr, so that stdout holds only the table.
 */
final class TableOutput implements Output {
  /** Prompts longer than this are cut in the list table. */
  static final int LIST_PROMPT_WIDTH = 40;

  /** The narrowest prompt column kept; below it the column is dropped. */
  static final int MIN_PROMPT_WIDTH = 10;

  private static final String GAP = "  ";

  /** A column of the list table. */
  private record Column(String header, Function<Video, String> value) {}

  private static final Column ID = new Column("ID", Video::id);
  private static final Column STATUS = new Column("STATUS", v -> v.status().value());
  private static final Column PROGRESS = new Column("PROGRESS", v -> v.progress() + "%");
  private static final Column MODEL = new Column("MODEL", v -> v.model().value());
  private static final Column SIZE = new Column("SIZE", v -> v.size().value());
  private static final Column SECONDS = new Column("SECONDS", Video::seconds);
  private static final Column CREATED_AT = new Column("CREATED_AT", v -> time(v.createdAt()));
  private static final Column PROMPT =
      new Column("PROMPT", v -> Table.clean(v.prompt().orElse("")));

  private static final List<Column> LIST_COLUMNS =
      List.of(ID, STATUS, PROGRESS, MODEL, SIZE, SECONDS, CREATED_AT, PROMPT);

  /** The columns dropped, in this order, when the list is wider than the terminal. */
  private static final List<Column> DROP_ORDER =
      List.of(SECONDS, SIZE, MODEL, CREATED_AT, PROGRESS, PROMPT);

  private final PrintStream out;
  private final PrintStream err;
  private final int width;
  private final boolean colour;

  /**
   * @param width the terminal's width, or 0 when stdout is not a terminal (nothing is cut)
   * @param colour whether status words are coloured
   */
  TableOutput(PrintStream out, PrintStream err, int width, boolean colour) {
    this.out = out;
    this.err = err;
    this.width = width;
    this.colour = colour;
  }

  /** A table for a pipe: full width, no colour, hints on {@code err}. */
  TableOutput(PrintStream out, PrintStream err) {
    this(out, err, 0, false);
  }

  /** The ANSI colour of a status word: green done, red failed, yellow on its way. */
  static @Nullable String statusColour(VideoStatus status) {
    if (VideoStatus.COMPLETED.equals(status)) {
      return "32";
    }
    if (VideoStatus.FAILED.equals(status)) {
      return "31";
    }
    return VideoStatus.QUEUED.equals(status) || VideoStatus.IN_PROGRESS.equals(status)
        ? "33"
        : null;
  }

  @Override
  public void video(Video video, List<SavedAsset> saved) {
    Table table = new Table();
    table.row("id", video.id());
    table.row("status", video.status().value());
    if (colour) {
      table.paint(1, statusColour(video.status()));
    }
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
      List<Column> columns = new ArrayList<>(LIST_COLUMNS);
      int promptWidth = fit(columns, videos);
      int statusColumn = columns.indexOf(STATUS);
      Table table = new Table();
      table.row(columns.stream().map(Column::header).toArray(String[]::new));
      for (Video v : videos) {
        String[] cells = new String[columns.size()];
        for (int i = 0; i < cells.length; i++) {
          String cell = columns.get(i).value().apply(v);
          cells[i] = columns.get(i).equals(PROMPT) ? Table.abbreviate(cell, promptWidth) : cell;
        }
        table.row(cells);
        if (colour && statusColumn >= 0) {
          table.paint(statusColumn, statusColour(v.status()));
        }
      }
      out.print(table.render());
    }
    if (nextAfter != null) {
      err.println(
          "More videos: --after " + Table.clean(nextAfter) + " for the next page, or --all.");
    }
  }

  /**
   * Drops columns until the table fits {@link #width}; returns the width left for the prompt. With
   * no width (not a terminal) every column stays and the prompt is cut at {@link
   * #LIST_PROMPT_WIDTH}.
   */
  private int fit(List<Column> columns, List<Video> videos) {
    if (width <= 0) {
      return LIST_PROMPT_WIDTH;
    }
    while (true) {
      int fixed = 0;
      for (Column column : columns) {
        if (!column.equals(PROMPT)) {
          fixed += widest(column, videos) + GAP.length();
        }
      }
      if (columns.contains(PROMPT)) {
        int left = Math.min(LIST_PROMPT_WIDTH, width - fixed);
        if (left >= MIN_PROMPT_WIDTH || left >= widest(PROMPT, videos)) {
          return left;
        }
      } else if (fixed - GAP.length() <= width) {
        return 0;
      }
      Column next = DROP_ORDER.stream().filter(columns::contains).findFirst().orElse(null);
      if (next == null) {
        return 0; // ID and STATUS alone are wider than the terminal: the lines wrap
      }
      columns.remove(next);
    }
  }

  private static int widest(Column column, List<Video> videos) {
    int widest = column.header().length();
    for (Video video : videos) {
      String cell = Table.clean(column.value().apply(video));
      widest = Math.max(widest, cell.codePointCount(0, cell.length()));
    }
    return widest;
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
