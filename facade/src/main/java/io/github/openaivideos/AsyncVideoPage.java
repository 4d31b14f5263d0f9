package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoList;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One page of {@link VideosAsyncClient#list}; later pages are fetched without blocking.
 *
 * <pre>{@code
 * client.async().list(ListVideos.defaults()).thenCompose(page -> page.forEachAsync(v -> ...));
 * }</pre>
 */
public final class AsyncVideoPage extends Page {
  private final Function<ListVideos, CompletableFuture<AsyncVideoPage>> fetch;

  AsyncVideoPage(
      VideoList list,
      ListVideos params,
      Function<ListVideos, CompletableFuture<AsyncVideoPage>> fetch,
      UnaryOperator<String> redact) {
    super(list, params, redact);
    this.fetch = requireNonNull(fetch, "fetch == null");
  }

  /** The next page, or empty when this is the last one; fails as {@link VideoPage#nextPage()}. */
  public CompletableFuture<Optional<AsyncVideoPage>> nextPage() {
    Optional<ListVideos> next;
    try {
      next = nextPageParams();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return next.isEmpty()
        ? CompletableFuture.completedFuture(Optional.empty())
        : fetch.apply(next.get()).thenApply(Optional::of);
  }

  /** Calls {@code action} with every video of this page and all later pages, in order. */
  public CompletableFuture<Void> forEachAsync(Consumer<Video> action) {
    requireNonNull(action, "action == null");
    data().forEach(action);
    return nextPage()
        .thenCompose(
            next ->
                next.isPresent()
                    ? next.get().forEachAsync(action)
                    : CompletableFuture.completedFuture(null));
  }

  @Override
  public String toString() {
    return "AsyncVideoPage{size=" + data().size() + ", hasMore=" + hasMore() + "}";
  }
}
