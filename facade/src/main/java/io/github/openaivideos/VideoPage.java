package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

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
 * One page of {@link VideosClient#list}. {@link #autoPaging()} and {@link #stream()} walk every
 * later page too, fetching each lazily ({@code after} = the last id of the page before).
 */
public final class VideoPage {
  private final List<Video> data;
  private final @Nullable String firstId;
  private final @Nullable String lastId;
  private final boolean hasMore;
  private final ListVideos params;
  private final Function<ListVideos, VideoPage> fetch;

  VideoPage(
      List<Video> data,
      @Nullable String firstId,
      @Nullable String lastId,
      boolean hasMore,
      ListVideos params,
      Function<ListVideos, VideoPage> fetch) {
    this.data = List.copyOf(data);
    this.firstId = firstId;
    this.lastId = lastId;
    this.hasMore = hasMore;
    this.params = requireNonNull(params, "params == null");
    this.fetch = requireNonNull(fetch, "fetch == null");
  }

  /** The videos of this page only. */
  public List<Video> data() {
    return data;
  }

  public Optional<String> firstId() {
    return Optional.ofNullable(firstId);
  }

  public Optional<String> lastId() {
    return Optional.ofNullable(lastId);
  }

  public boolean hasMore() {
    return hasMore;
  }

  /** The parameters of the next page, if there is one. */
  public Optional<ListVideos> nextPageParams() {
    String cursor =
        lastId != null ? lastId : data.isEmpty() ? null : data.get(data.size() - 1).id();
    if (!hasMore || cursor == null) {
      return Optional.empty();
    }
    return Optional.of(params.after(cursor));
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
    return "VideoPage{size=" + data.size() + ", lastId=" + lastId + ", hasMore=" + hasMore + "}";
  }

  private static final class AutoPager implements Iterator<Video> {
    private VideoPage page;
    private int index;

    AutoPager(VideoPage first) {
      this.page = first;
    }

    @Override
    public boolean hasNext() {
      while (index >= page.data.size()) {
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
      return page.data.get(index++);
    }
  }
}
