package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Options for the calls of one derived client, from {@link
 * VideosClient#withOptions(RequestOptions)}: a whole-call timeout, extra headers and query
 * parameters, a retry count. Extra body properties go on the request models ({@code
 * putAdditionalProperty}).
 *
 * <pre>{@code
 * client.withOptions(RequestOptions.builder().timeout(Duration.ofSeconds(5)).header("X-Trace", id).build())
 *     .retrieve(videoId);
 * }</pre>
 */
public final class RequestOptions {
  private final @Nullable Duration timeout;
  private final Map<String, String> headers;
  private final @Nullable Integer maxRetries;
  private final Map<String, String> queryParams;

  private RequestOptions(Builder b) {
    this.timeout = b.timeout;
    this.headers = Map.copyOf(b.headers);
    this.queryParams = Map.copyOf(b.queryParams);
    this.maxRetries = b.maxRetries;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Bound on each whole call (connect, send, wait, read), if set. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** Query parameters added to every request's URL, for parameters the spec does not have yet. */
  public Map<String, String> queryParams() {
    return queryParams;
  }

  public OptionalInt maxRetries() {
    return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
  }

  @Override
  public String toString() {
    return "RequestOptions{timeout="
        + timeout
        + ", headers="
        + headers.keySet()
        + ", queryParams="
        + queryParams.keySet()
        + ", maxRetries="
        + maxRetries
        + "}";
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private @Nullable Duration timeout;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable Integer maxRetries;
    private final Map<String, String> queryParams = new LinkedHashMap<>();

    private Builder() {}

    /** A query parameter added to the URL of every call (one value per name). */
    public Builder queryParam(String name, String value) {
      requireNonNull(name, "name == null");
      requireNonNull(value, "value == null");
      if (name.isBlank()) {
        throw new IllegalArgumentException("query parameter name must not be blank");
      }
      queryParams.put(name, value);
      return this;
    }

    public Builder timeout(Duration timeout) {
      requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public Builder header(String name, String value) {
      Headers.check(name, value);
      headers.put(name, value);
      return this;
    }

    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
