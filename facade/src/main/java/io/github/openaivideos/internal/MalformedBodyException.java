package io.github.openaivideos.internal;

/**
 * A success body that is not what the contract promises (malformed JSON, the wrong type, too
 * large). The client reports it as {@link io.github.openaivideos.InvalidResponseException} with the
 * status and request id.
 */
public final class MalformedBodyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedBodyException(String message, Throwable cause) {
    super(message, cause);
  }
}
