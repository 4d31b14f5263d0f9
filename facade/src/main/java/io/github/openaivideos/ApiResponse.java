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
public record ApiResponse<T>(
    T value, int statusCode, @Nullable String requestId, Map<String, List<String>> headers) {

  public ApiResponse {
    requireNonNull(value, "value == null");
    headers = Map.copyOf(requireNonNull(headers, "headers == null"));
  }

  /** The {@code x-request-id} of the response, if the server sent one. */
  public Optional<String> requestIdOptional() {
    return Optional.ofNullable(requestId);
  }

  /** The first value of a header, matched without regard to case. */
  public Optional<String> header(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(wanted) && !e.getValue().isEmpty()) {
        return Optional.of(e.getValue().get(0));
      }
    }
    return Optional.empty();
  }
}
