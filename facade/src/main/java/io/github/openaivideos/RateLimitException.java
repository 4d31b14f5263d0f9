package io.github.openaivideos;

/** 429 Too Many Requests: rate limited; retried automatically within the retry budget. */
public final class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  public RateLimitException(ApiError error) {
    super(error);
  }
}
