package io.github.openaivideos;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the client throws for a failed call (invalid arguments are reported with
 * {@link IllegalArgumentException} before anything is sent). Unchecked.
 */
public class VideosException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VideosException(String message) {
    super(message);
  }

  public VideosException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
