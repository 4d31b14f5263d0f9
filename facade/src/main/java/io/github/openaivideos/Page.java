package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What the blocking and the async page share: the server's page and the query that fetched it. */
abstract class Page {
  final VideoList list;
  final ListVideos params;
  private final UnaryOperator<String> redact;

  /**
   * @param redact applied to a message that quotes the server's cursor
   */
  Page(VideoList list, ListVideos params, UnaryOperator<String> redact) {
    this.list = requireNonNull(list, "list == null");
    this.params = requireNonNull(params, "params == null");
    this.redact = requireNonNull(redact, "redact == null");
  }

  /** The page as the server sent it, unknown properties included. */
  public VideoList response() {
    return list;
  }

  /** The videos of this page only. */
  public List<Video> data() {
    return list.findData().orElse(List.of());
  }

  public boolean hasMore() {
    return list.findHasMore().orElse(false);
  }

  /**
   * The query of the page after this one ({@code after} = the page's {@code last_id}, or its last
   * video's id), if there is more.
   *
   * @throws InvalidResponseException if there is more but the cursor is missing or did not move (a
   *     server that would otherwise be paged forever)
   */
  public Optional<ListVideos> nextPageParams() {
    if (!hasMore()) {
      return Optional.empty();
    }
    List<Video> data = data();
    String cursor =
        list.lastId()
            .orElseGet(
                () -> data.isEmpty() ? null : data.get(data.size() - 1).findId().orElse(null));
    if (cursor == null || cursor.equals(params.afterOrNull())) {
      throw new InvalidResponseException(
          redact.apply(
              "list: the server says has_more but its cursor "
                  + (cursor == null ? "is missing" : "did not move from " + cursor)
                  + "; stopping instead of fetching the same page again"),
          200,
          null,
          null);
    }
    if (cursor.isBlank() || Checks.isDotSegment(cursor)) {
      throw new InvalidResponseException(
          redact.apply(
              "list: the server says has_more but its cursor \""
                  + cursor
                  + "\" is not a video id; stopping instead of sending it back"),
          200,
          null,
          null);
    }
    return Optional.of(params.after(cursor));
  }
}
