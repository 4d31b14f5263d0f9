package io.github.openaivideos;

import io.github.openaivideos.models.Video;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The cursor rule both pages follow. */
final class Pages {
  private Pages() {}

  /**
   * The query of the page after one fetched with {@code params}: {@code after} = the page's {@code
   * last_id}, or its last video's id.
   *
   * @throws InvalidResponseException if there is more but the cursor is missing or did not move (a
   *     server that would otherwise be paged forever)
   */
  static Optional<ListVideos> next(
      ListVideos params, boolean hasMore, @Nullable String lastId, List<Video> data) {
    if (!hasMore) {
      return Optional.empty();
    }
    String cursor =
        lastId != null
            ? lastId
            : data.isEmpty() ? null : data.get(data.size() - 1).findId().orElse(null);
    if (cursor == null || cursor.equals(params.afterOrNull())) {
      throw new InvalidResponseException(
          "list: the server says has_more but its cursor "
              + (cursor == null ? "is missing" : "did not move from " + cursor)
              + "; stopping instead of fetching the same page again",
          200,
          null,
          null);
    }
    return Optional.of(params.after(cursor));
  }
}
