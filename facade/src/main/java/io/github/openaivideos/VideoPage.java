package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of {@link VideosClient#list}: the generated {@link VideoList} and the query that fetched
 * it. {@link #autoPaging()} and {@link #stream()} walk every later page too, fetching each lazily
 * ({@code after} = the last id of the page before).
 */
public final class VideoPage extends Page {
  private final Function<ListVideos, VideoPage> fetch;

  VideoPage(
      VideoList list,
      ListVideos params,
      Function<ListVideos, VideoPage> fetch,
      UnaryOperator<String> redact) {
    super(list, params, redact);
    this.fetch = requireNonNull(fetch, "fetch == null");
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
