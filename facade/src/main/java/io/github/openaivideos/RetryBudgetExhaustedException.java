package io.github.openaivideos;

/**
 * A note that a failure was not retried because the client's retry budget is spent: most recent
 * attempts of this client failed, so it stopped retrying to spare the server. It is never thrown on
 * its own: the failure itself (a {@link RateLimitException}, {@link InternalServerException},
 * {@link ApiConnectionException}...) is thrown, as it would be without a budget, with this note
 * attached as a {@linkplain Throwable#getSuppressed() suppressed exception} (the AWS SDK for Java
 * reports an exhausted retry quota the same way).
 *
 * <pre>{@code
 * boolean budgetSpent = Arrays.stream(e.getSuppressed())
 *     .anyMatch(RetryBudgetExhaustedException.class::isInstance);
 * }</pre>
 */
public final class RetryBudgetExhaustedException extends VideosException {
  private static final long serialVersionUID = 1L;

  public RetryBudgetExhaustedException(String operation) {
    super(
        operation
            + " was not retried: the client's retry budget is exhausted because most recent"
            + " attempts failed");
  }
}
