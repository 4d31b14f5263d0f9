package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.generated.api.VideosApi;
import io.github.openaivideos.models.ListOrder;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Query of {@link VideosClient#list}: a cursor, a page size and an order. Immutable; each method
 * returns a changed copy. The page size's range comes from the spec.
 *
 * <pre>{@code
 * ListVideos.defaults().limit(20).order(ListOrder.ASC)
 * }</pre>
 */
public final class ListVideos {
  private static final ListVideos DEFAULTS = new ListVideos(null, null, null);

  private final @Nullable String after;
  private final @Nullable Integer limit;
  private final @Nullable ListOrder order;

  private ListVideos(@Nullable String after, @Nullable Integer limit, @Nullable ListOrder order) {
    this.after = after;
    this.limit = limit;
    this.order = order;
  }

  /** The server's defaults: newest first, its default page size. */
  public static ListVideos defaults() {
    return DEFAULTS;
  }

  /** Starts after this video id (the last id of the previous page). */
  public ListVideos after(String videoId) {
    return new ListVideos(Checks.id("list", "after", videoId), limit, order);
  }

  /**
   * Page size.
   *
   * @throws IllegalArgumentException outside the range the spec allows
   */
  public ListVideos limit(int limit) {
    if (limit < VideosApi.LIST_VIDEOS_LIMIT_MINIMUM
        || limit > VideosApi.LIST_VIDEOS_LIMIT_MAXIMUM) {
      throw new IllegalArgumentException(
          "list: limit "
              + limit
              + " is out of range; allowed: "
              + VideosApi.LIST_VIDEOS_LIMIT_MINIMUM
              + " to "
              + VideosApi.LIST_VIDEOS_LIMIT_MAXIMUM);
    }
    return new ListVideos(after, limit, order);
  }

  /** Sort order by creation time. */
  public ListVideos order(ListOrder order) {
    requireNonNull(order, "order == null");
    Checks.known("list", "order", order, order.isKnown(), ListOrder.knownValues());
    return new ListVideos(after, limit, order);
  }

  public Optional<String> after() {
    return Optional.ofNullable(after);
  }

  public OptionalInt limit() {
    return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  public Optional<ListOrder> order() {
    return Optional.ofNullable(order);
  }

  @Nullable Integer limitOrNull() {
    return limit;
  }

  @Nullable ListOrder orderOrNull() {
    return order;
  }

  @Nullable String afterOrNull() {
    return after;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListVideos other
        && java.util.Objects.equals(after, other.after)
        && java.util.Objects.equals(limit, other.limit)
        && java.util.Objects.equals(order, other.order);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(after, limit, order);
  }

  @Override
  public String toString() {
    return "ListVideos{after=" + after + ", limit=" + limit + ", order=" + order + "}";
  }
}
