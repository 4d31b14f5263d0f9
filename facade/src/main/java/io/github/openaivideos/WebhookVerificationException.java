package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A webhook delivery was refused: it is not proven to come from the holder of the secret, it is
 * outside the time tolerance, or the secret itself is unusable. {@link #reason()} says which, and
 * the message says why in words. No message ever contains the secret.
 */
public final class WebhookVerificationException extends VideosException {
  private static final long serialVersionUID = 1L;

  /** Why a delivery (or a secret) was refused. */
  public enum Reason {
    /**
     * One of {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature} is absent.
     */
    MISSING_HEADER,
    /** {@code webhook-timestamp} is not a whole number of Unix seconds. */
    MALFORMED_TIMESTAMP,
    /**
     * The timestamp is further in the past than the tolerance: a replay or a very late delivery.
     */
    TIMESTAMP_TOO_OLD,
    /** The timestamp is further in the future than the tolerance. */
    TIMESTAMP_TOO_NEW,
    /** No {@code v1} signature in {@code webhook-signature} matches the id, timestamp and body. */
    NO_MATCHING_SIGNATURE,
    /** The secret is not {@code whsec_} followed by base64. */
    MALFORMED_SECRET,
    /** The signature matched, but the body is not a webhook event. */
    MALFORMED_EVENT
  }

  private final Reason reason;

  public WebhookVerificationException(Reason reason, String message) {
    this(reason, message, null);
  }

  public WebhookVerificationException(Reason reason, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = requireNonNull(reason, "reason == null");
  }

  public Reason reason() {
    return reason;
  }
}
