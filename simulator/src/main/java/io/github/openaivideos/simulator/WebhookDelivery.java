package io.github.openaivideos.simulator;

import org.jspecify.annotations.Nullable;

/**
 * One attempt to deliver a webhook event, as the simulator logs it.
 *
 * @param eventId the event's id ({@code evt_...}), the same on every attempt
 * @param webhookId the {@code webhook-id} header, the same on every attempt
 * @param type {@code video.completed} or {@code video.failed}
 * @param videoId the video the event is about
 * @param attempt 1 for the first attempt
 * @param maxAttempts how many attempts there are at most
 * @param status the HTTP status answered, 0 when there was no answer
 * @param error why there was no answer (a connection refused, a timeout), or null
 */
public record WebhookDelivery(
    String eventId,
    String webhookId,
    String type,
    String videoId,
    int attempt,
    int maxAttempts,
    int status,
    @Nullable String error) {

  /** Whether the endpoint answered 2xx. */
  public boolean delivered() {
    return status >= 200 && status < 300;
  }

  /** Whether another attempt follows. */
  public boolean willRetry() {
    return !delivered() && attempt < maxAttempts;
  }

  /** One line: {@code evt_... video.completed video_... attempt 1/5: 204 delivered}. */
  @Override
  public String toString() {
    return eventId
        + " "
        + type
        + " "
        + videoId
        + " attempt "
        + attempt
        + "/"
        + maxAttempts
        + ": "
        + (error != null ? error : Integer.toString(status))
        + (delivered() ? " delivered" : willRetry() ? " (will retry)" : " (gave up)");
  }
}
