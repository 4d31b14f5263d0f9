package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.WebhookVerificationException.Reason;
import io.github.openaivideos.models.WebhookEvent;
import io.github.openaivideos.models.WebhookEventData;
import io.github.openaivideos.models.WebhookEventType;
import java.time.Instant;

/**
 * A verified webhook event about a video job, as {@link Webhooks#unwrap} returns it: {@link
 * Completed}, {@link Failed}, or {@link Unknown} for an event type this SDK does not know yet (kept
 * whole, with the body as received). Match it with {@code instanceof} or a {@code switch}.
 *
 * <p>Each record holds the {@link WebhookEvent} envelope generated from the spec ({@code id},
 * {@code object}, {@code created_at}, {@code type}, {@code data}, and any field the spec does not
 * list in {@code additionalProperties()}).
 */
public sealed interface VideoEvent
    permits VideoEvent.Completed, VideoEvent.Failed, VideoEvent.Unknown {
  /** The event as sent. */
  WebhookEvent event();

  /** The event's id, {@code evt_...}: the same for every retry of a delivery. */
  default String id() {
    return event().id();
  }

  /** The event type's wire value, e.g. {@code video.completed}. */
  default String type() {
    return event().type().value();
  }

  /** When the event happened, if the server said. */
  default java.util.Optional<Instant> createdAt() {
    return event().findCreatedAt().map(Instant::ofEpochSecond);
  }

  /** {@code video.completed}: the job finished; its assets can be downloaded. */
  record Completed(String videoId, WebhookEvent event) implements VideoEvent {
    public Completed {
      requireNonNull(videoId, "videoId == null");
      requireNonNull(event, "event == null");
    }
  }

  /** {@code video.failed}: the job failed; retrieve it for the error. */
  record Failed(String videoId, WebhookEvent event) implements VideoEvent {
    public Failed {
      requireNonNull(videoId, "videoId == null");
      requireNonNull(event, "event == null");
    }
  }

  /**
   * An event type this SDK does not know (a newer server): the envelope as parsed and the body as
   * received.
   */
  record Unknown(WebhookEvent event, String body) implements VideoEvent {
    public Unknown {
      requireNonNull(event, "event == null");
      requireNonNull(body, "body == null");
    }
  }

  /** The typed event of a verified body; an envelope without id or type is refused. */
  static VideoEvent parse(WebhookEvent event, String body) {
    if (event.findId().isEmpty()) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_EVENT, "the body is not a webhook event: it has no id");
    }
    WebhookEventType type =
        event
            .findType()
            .orElseThrow(
                () ->
                    new WebhookVerificationException(
                        Reason.MALFORMED_EVENT,
                        "the body is not a webhook event: event " + event.id() + " has no type"));
    if (!type.isKnown()) {
      return new Unknown(event, body);
    }
    String videoId =
        event
            .findData()
            .flatMap(WebhookEventData::findId)
            .orElseThrow(
                () ->
                    new WebhookVerificationException(
                        Reason.MALFORMED_EVENT, type + " event " + event.id() + " has no data.id"));
    if (type.equals(WebhookEventType.VIDEO_COMPLETED)) {
      return new Completed(videoId, event);
    }
    if (type.equals(WebhookEventType.VIDEO_FAILED)) {
      return new Failed(videoId, event);
    }
    // A type the spec lists but this class has no record for yet (the spec gained one).
    return new Unknown(event, body);
  }
}
