package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A parsed result with the HTTP details it came with, from {@link VideosClient#withRawResponse()}.
 *
 * @param <T> the parsed body
 */
public final class ApiResponse<T> {
  private final T value;
  private final int statusCode;
  private final @Nullable String requestId;
  private final Map<String, List<String>> headers;

  ApiResponse(
      T value, int statusCode, @Nullable String requestId, Map<String, List<String>> headers) {
    this.value = requireNonNull(value, "value == null");
    this.statusCode = statusCode;
    this.requestId = requestId;
    this.headers = Map.copyOf(requireNonNull(headers, "headers == null"));
  }

  /** The parsed body. */
  public T value() {
    return value;
  }

  /** The HTTP status, e.g. 200. */
  public int statusCode() {
    return statusCode;
  }

  /** The {@code x-request-id} of the response, if the server sent one. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** Every response header, by lower-case name. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header, matched without regard to case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(values.get(0));
  }

  /** The same response with its body transformed. */
  <R> ApiResponse<R> map(java.util.function.Function<T, R> transform) {
    return new ApiResponse<>(transform.apply(value), statusCode, requestId, headers);
  }

  @Override
  public String toString() {
    return "ApiResponse{status="
        + statusCode
        + ", requestId="
        + requestId
        + ", value="
        + value
        + "}";
  }
}
