package io.github.openaivideos;

import org.jspecify.annotations.Nullable;

/**
 * No complete answer came from the server: the connection failed, was reset, or a body ended early.
 * Retried automatically where that is safe; this is what remains when retries are exhausted.
 */
public class ApiConnectionException extends VideosException {
  private static final long serialVersionUID = 1L;

  public ApiConnectionException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
