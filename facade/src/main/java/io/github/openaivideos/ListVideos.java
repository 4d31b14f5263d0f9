package io.github.openaivideos;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/** Parameters of {@link VideosClient#list}. Immutable: each method returns a new instance. */
public final class ListVideos {
  private final @Nullable ListOrder order;
  private final @Nullable Integer limit;
  private final @Nullable String after;

  private ListVideos(@Nullable ListOrder order, @Nullable Integer limit, @Nullable String after) {
    this.order = order;
    this.limit = limit;
    this.after = after;
  }

  /** The server's defaults (newest first, 20 per page on the hosted service). */
  public static ListVideos defaults() {
    return new ListVideos(null, null, null);
  }

  public static ListVideos newestFirst() {
    return new ListVideos(ListOrder.DESC, null, null);
  }

  public static ListVideos oldestFirst() {
    return new ListVideos(ListOrder.ASC, null, null);
  }

  public ListVideos order(ListOrder order) {
    return new ListVideos(Objects.requireNonNull(order, "order == null"), limit, after);
  }

  /**
   * Page size, 0 to 100.
   *
   * @throws IllegalArgumentException outside 0..100
   */
  public ListVideos limit(int limit) {
    if (limit < 0 || limit > Checks.MAX_LIST_LIMIT) {
      throw new IllegalArgumentException(
          "list: limit must be 0 to " + Checks.MAX_LIST_LIMIT + ", was " + limit);
    }
    return new ListVideos(order, limit, after);
  }

  /** Start after this video id (the {@code last_id} of the previous page). */
  public ListVideos after(String videoId) {
    return new ListVideos(order, limit, Checks.id("list", "after", videoId));
  }

  public Optional<ListOrder> order() {
    return Optional.ofNullable(order);
  }

  public OptionalInt limit() {
    return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  public Optional<String> after() {
    return Optional.ofNullable(after);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListVideos other
        && order == other.order
        && Objects.equals(limit, other.limit)
        && Objects.equals(after, other.after);
  }

  @Override
  public int hashCode() {
    return Objects.hash(order, limit, after);
  }

  @Override
  public String toString() {
    return "ListVideos{order=" + order + ", limit=" + limit + ", after=" + after + "}";
  }
}
