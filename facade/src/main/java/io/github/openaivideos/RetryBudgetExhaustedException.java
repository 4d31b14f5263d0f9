package io.github.openaivideos;

/**
 * A call failed in a way that is normally retried, but the client's retry budget is spent: most
 * recent attempts of this client failed, so it stopped retrying to spare the server. The cause is
 * the failure itself (a {@link RateLimitException}, {@link InternalServerException}, {@link
 * ApiConnectionException}...).
 */
public final class RetryBudgetExhaustedException extends VideosException {
  private static final long serialVersionUID = 1L;

  public RetryBudgetExhaustedException(String operation, VideosException cause) {
    super(
        operation
            + " was not retried: the client's retry budget is exhausted because most recent attempts failed;"
            + " last error: "
            + cause.getMessage(),
        cause);
  }

  /** The failure that was not retried. */
  public VideosException failure() {
    return (VideosException) getCause();
  }
}
