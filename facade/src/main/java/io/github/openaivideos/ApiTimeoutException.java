package io.github.openaivideos;

import org.jspecify.annotations.Nullable;

/** A connect, read, write or whole-call timeout expired. */
public final class ApiTimeoutException extends ApiConnectionException {
  private static final long serialVersionUID = 1L;

  public ApiTimeoutException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
