package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@link VideosClient#list}: the generated {@link VideoList} and the query that fetched
 * it. {@link #autoPaging()} and {@link #stream()} walk every later page too, fetching each lazily
 * ({@code after} = the last id of the page before).
 */
public final class VideoPage {
  private final VideoList list;
  private final ListVideos params;
  private final Function<ListVideos, VideoPage> fetch;

  VideoPage(VideoList list, ListVideos params, Function<ListVideos, VideoPage> fetch) {
    this.list = requireNonNull(list, "list == null");
    this.params = requireNonNull(params, "params == null");
    this.fetch = requireNonNull(fetch, "fetch == null");
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
   * The query of the next page, if there is one.
   *
   * @throws InvalidResponseException if the server says there is more but its cursor did not move
   */
  public Optional<ListVideos> nextPageParams() {
    return next(params, hasMore(), list.lastId().orElse(null), data());
  }

  /** Fetches the next page, if there is one. */
  public Optional<VideoPage> nextPage() {
    return nextPageParams().map(fetch);
  }

  /**
   * Every video of this page and all later pages; each page is fetched when iteration reaches it.
   */
  public Iterable<Video> autoPaging() {
    return () -> new AutoPager(this);
  }

  /** {@link #autoPaging()} as a sequential stream. */
  public Stream<Video> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(new AutoPager(this), Spliterator.ORDERED), false);
  }

  @Override
  public String toString() {
    return "VideoPage{size=" + data().size() + ", hasMore=" + hasMore() + "}";
  }

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

  private static final class AutoPager implements Iterator<Video> {
    private VideoPage page;
    private int index;

    AutoPager(VideoPage first) {
      this.page = first;
    }

    @Override
    public boolean hasNext() {
      while (index >= page.data().size()) {
        Optional<VideoPage> next = page.nextPage();
        if (next.isEmpty()) {
          return false;
        }
        page = next.get();
        index = 0;
      }
      return true;
    }

    @Override
    public Video next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.data().get(index++);
    }
  }
}
