package io.github.openaivideos;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with a success status but a body that breaks the contract: malformed or empty
 * JSON, a body that is not JSON, or a download of the wrong content type.
 */
public final class InvalidResponseException extends VideosException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final @Nullable String requestId;

  public InvalidResponseException(
      String message, int statusCode, @Nullable String requestId, @Nullable Throwable cause) {
    super(message + (requestId != null ? "; request-id: " + requestId : ""), cause);
    this.statusCode = statusCode;
    this.requestId = requestId;
  }

  public int statusCode() {
    return statusCode;
  }

  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
