package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the server said about a failed call: the HTTP status, the fields of its {@code {"error":
 * {...}}} body, the {@code x-request-id} and all response headers.
 */
public record ApiError(
    int statusCode,
    String message,
    @Nullable String type,
    @Nullable String code,
    @Nullable String param,
    @Nullable String requestId,
    Map<String, List<String>> headers) {

  public ApiError {
    requireNonNull(message, "message == null");
    headers = Map.copyOf(requireNonNull(headers, "headers == null"));
  }
}
