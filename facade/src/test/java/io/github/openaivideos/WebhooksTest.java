package io.github.openaivideos;

import static io.github.openaivideos.WebhookSigning.OTHER_SECRET;
import static io.github.openaivideos.WebhookSigning.SECRET;
import static io.github.openaivideos.WebhookSigning.event;
import static io.github.openaivideos.WebhookSigning.headers;
import static io.github.openaivideos.WebhookSigning.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.openaivideos.WebhookVerificationException.Reason;
import io.github.openaivideos.models.WebhookEventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Verifying and typing webhook deliveries: every reason to refuse one, and what passes. */
class WebhooksTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final String BODY = event("evt_1", "video.completed", "video_1", 1795608000L);

  private final Webhooks webhooks = Webhooks.of(SECRET).withClock(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aSignedCompletedEventIsVerifiedAndTyped() {
    VideoEvent event = webhooks.unwrap(BODY, headers(SECRET, "msg_1", NOW, BODY));

    assertThat(event).isInstanceOf(VideoEvent.Completed.class);
    VideoEvent.Completed completed = (VideoEvent.Completed) event;
    assertThat(completed.videoId()).isEqualTo("video_1");
    assertThat(completed.id()).isEqualTo("evt_1");
    assertThat(completed.type()).isEqualTo("video.completed");
    assertThat(completed.createdAt()).contains(Instant.ofEpochSecond(1795608000L));
    assertThat(completed.event().type()).isSameAs(WebhookEventType.VIDEO_COMPLETED);
    assertThat(completed.event()._object()).isEqualTo("event");
  }

  @Test
  void aSignedFailedEventIsTypedAsFailed() {
    String body = event("evt_2", "video.failed", "video_2", 1795608000L);

    VideoEvent event = webhooks.unwrap(body, headers(SECRET, "msg_2", NOW, body));

    assertThat(event).isEqualTo(new VideoEvent.Failed("video_2", event.event()));
  }

  @Test
  void anUnknownEventTypeParsesAndKeepsTheRawEvent() {
    String body =
        "{\"id\":\"evt_3\",\"object\":\"event\",\"created_at\":1795608000,"
            + "\"type\":\"video.archived\",\"data\":{\"id\":\"video_3\"},\"reason\":\"old\"}";

    VideoEvent event = webhooks.unwrap(body, headers(SECRET, "msg_3", NOW, body));

    assertThat(event).isInstanceOf(VideoEvent.Unknown.class);
    VideoEvent.Unknown unknown = (VideoEvent.Unknown) event;
    assertThat(unknown.body()).isEqualTo(body);
    assertThat(unknown.type()).isEqualTo("video.archived");
    assertThat(unknown.event().type().isKnown()).isFalse();
    assertThat(unknown.event().data().id()).isEqualTo("video_3");
    assertThat(unknown.event().additionalProperties()).containsEntry("reason", "old");
  }

  @Test
  void headersMayBeASimpleMapWithNamesInAnyCase() {
    Map<String, String> simple = new LinkedHashMap<>();
    simple.put("Webhook-Id", "msg_1");
    simple.put("WEBHOOK-TIMESTAMP", Long.toString(NOW.getEpochSecond()));
    simple.put("webhook-Signature", signature(SECRET, "msg_1", NOW.getEpochSecond(), BODY));

    VideoEvent event = webhooks.unwrap(BODY, simple);

    assertThat(((VideoEvent.Completed) event).videoId()).isEqualTo("video_1");
  }

  @Test
  void aMissingHeaderIsNamed() {
    Map<String, List<String>> noId = headers(SECRET, "msg_1", NOW, BODY);
    noId.remove("webhook-id");
    Map<String, List<String>> blankSignature = headers(SECRET, "msg_1", NOW, BODY);
    blankSignature.put("webhook-signature", List.of(" "));

    assertRefused(
        () -> webhooks.unwrap(BODY, noId), Reason.MISSING_HEADER, "missing header webhook-id");
    assertRefused(
        () -> webhooks.unwrap(BODY, blankSignature),
        Reason.MISSING_HEADER,
        "missing header webhook-signature");
    assertRefused(
        () -> webhooks.unwrap(BODY, Map.of()),
        Reason.MISSING_HEADER,
        "missing headers webhook-id, webhook-timestamp, webhook-signature");
  }

  @Test
  void aBodyChangedByOneByteIsRefused() {
    Map<String, List<String>> headers = headers(SECRET, "msg_1", NOW, BODY);
    String changed = BODY.replace("video_1", "video_2");

    assertRefused(
        () -> webhooks.unwrap(changed, headers),
        Reason.NO_MATCHING_SIGNATURE,
        "no signature matches (1 checked): the secret differs, or the body, id or timestamp was"
            + " changed");
  }

  @Test
  void aChangedIdOrTimestampIsRefused() {
    Map<String, List<String>> otherId = headers(SECRET, "msg_1", NOW, BODY);
    otherId.put("webhook-id", List.of("msg_2"));
    Map<String, List<String>> otherTime = headers(SECRET, "msg_1", NOW, BODY);
    otherTime.put("webhook-timestamp", List.of(Long.toString(NOW.getEpochSecond() - 1)));

    assertThatThrownBy(() -> webhooks.unwrap(BODY, otherId))
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE));
    assertThatThrownBy(() -> webhooks.unwrap(BODY, otherTime))
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE));
  }

  @Test
  void anEventSignedWithAnotherSecretIsRefused() {
    assertRefused(
        () -> webhooks.unwrap(BODY, headers(OTHER_SECRET, "msg_1", NOW, BODY)),
        Reason.NO_MATCHING_SIGNATURE,
        "no signature matches (1 checked): the secret differs, or the body, id or timestamp was"
            + " changed");
  }

  @Test
  void anyMatchingSignatureOfSeveralPassesDuringKeyRotation() {
    long ts = NOW.getEpochSecond();
    Map<String, List<String>> headers = headers(SECRET, "msg_1", NOW, BODY);
    headers.put(
        "webhook-signature",
        List.of(
            signature(OTHER_SECRET, "msg_1", ts, BODY)
                + " v1a,c29tZXRoaW5nIGVsc2U= v1,!!notbase64!! "
                + signature(SECRET, "msg_1", ts, BODY)));

    assertThat(webhooks.unwrap(BODY, headers)).isInstanceOf(VideoEvent.Completed.class);
  }

  @Test
  void signaturesSpreadOverSeveralHeaderValuesAreAllChecked() {
    long ts = NOW.getEpochSecond();
    Map<String, List<String>> headers = headers(SECRET, "msg_1", NOW, BODY);
    headers.put(
        "webhook-signature",
        List.of(signature(OTHER_SECRET, "msg_1", ts, BODY), signature(SECRET, "msg_1", ts, BODY)));

    assertThat(webhooks.unwrap(BODY, headers)).isInstanceOf(VideoEvent.Completed.class);
  }

  @Test
  void aSignatureHeaderWithoutAV1EntryIsRefused() {
    Map<String, List<String>> headers = headers(SECRET, "msg_1", NOW, BODY);
    headers.put("webhook-signature", List.of("v1a,c29tZXRoaW5n v2,abc"));

    assertRefused(
        () -> webhooks.unwrap(BODY, headers),
        Reason.NO_MATCHING_SIGNATURE,
        "header webhook-signature has no v1 signature");
  }

  @Test
  void aTimestampOlderThanTheToleranceIsRefusedAsAReplay() {
    Instant sent = NOW.minusSeconds(301);

    assertRefused(
        () -> webhooks.unwrap(BODY, headers(SECRET, "msg_1", sent, BODY)),
        Reason.TIMESTAMP_TOO_OLD,
        "the timestamp 2026-11-25T11:54:59Z is 301 s in the past; tolerance 300 s (a replay or a"
            + " late delivery)");
  }

  @Test
  void aTimestampFurtherAheadThanTheToleranceIsRefused() {
    Instant sent = NOW.plusSeconds(301);

    assertRefused(
        () -> webhooks.unwrap(BODY, headers(SECRET, "msg_1", sent, BODY)),
        Reason.TIMESTAMP_TOO_NEW,
        "the timestamp 2026-11-25T12:05:01Z is 301 s in the future; tolerance 300 s");
  }

  @Test
  void timestampsAtTheEdgesOfTheDefaultFiveMinutesPass() {
    Instant early = NOW.minus(Duration.ofMinutes(5));
    Instant late = NOW.plus(Duration.ofMinutes(5));

    assertThat(webhooks.unwrap(BODY, headers(SECRET, "msg_1", early, BODY))).isNotNull();
    assertThat(webhooks.unwrap(BODY, headers(SECRET, "msg_1", late, BODY))).isNotNull();
    assertThat(Webhooks.of(SECRET).tolerance()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void theToleranceIsConfigurable() {
    Webhooks strict = webhooks.withTolerance(Duration.ofSeconds(10));
    Webhooks lenient = webhooks.withTolerance(Duration.ofHours(1));
    Instant sent = NOW.minusSeconds(11);

    assertRefused(
        () -> strict.unwrap(BODY, headers(SECRET, "msg_1", sent, BODY)),
        Reason.TIMESTAMP_TOO_OLD,
        "the timestamp 2026-11-25T11:59:49Z is 11 s in the past; tolerance 10 s (a replay or a"
            + " late delivery)");
    assertThat(lenient.unwrap(BODY, headers(SECRET, "msg_1", NOW.minusSeconds(3599), BODY)))
        .isInstanceOf(VideoEvent.Completed.class);
    assertThatThrownBy(() -> webhooks.withTolerance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tolerance must not be negative, was PT-1S");
  }

  @Test
  void theClockDecidesWhatIsTooOld() {
    Map<String, List<String>> headers = headers(SECRET, "msg_1", NOW, BODY);
    Webhooks tomorrow =
        webhooks.withClock(Clock.fixed(NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC));

    assertRefused(
        () -> tomorrow.unwrap(BODY, headers),
        Reason.TIMESTAMP_TOO_OLD,
        "the timestamp 2026-11-25T12:00:00Z is 86400 s in the past; tolerance 300 s (a replay or a"
            + " late delivery)");
  }

  @Test
  void aTimestampThatIsNotWholeSecondsIsRefused() {
    Map<String, List<String>> text = headers(SECRET, "msg_1", NOW, BODY);
    text.put("webhook-timestamp", List.of("2026-11-25T12:00:00Z"));
    Map<String, List<String>> millis = headers(SECRET, "msg_1", NOW, BODY);
    millis.put("webhook-timestamp", List.of("-1795608000"));

    assertRefused(
        () -> webhooks.unwrap(BODY, text),
        Reason.MALFORMED_TIMESTAMP,
        "header webhook-timestamp is not a whole number of Unix seconds: \"2026-11-25T12:00:00Z\"");
    assertRefused(
        () -> webhooks.unwrap(BODY, millis),
        Reason.MALFORMED_TIMESTAMP,
        "header webhook-timestamp is not a whole number of Unix seconds: \"-1795608000\"");
  }

  @Test
  void aMalformedSecretIsRefusedWithoutQuotingIt() {
    assertRefused(
        () -> Webhooks.of("c2VjcmV0LXdpdGhvdXQtcHJlZml4"),
        Reason.MALFORMED_SECRET,
        "the webhook secret is malformed: it must start with whsec_");
    assertRefused(
        () -> Webhooks.of("whsec_not*base64!"),
        Reason.MALFORMED_SECRET,
        "the webhook secret is malformed: the part after whsec_ is not base64");
    assertRefused(
        () -> Webhooks.of("whsec_"),
        Reason.MALFORMED_SECRET,
        "the webhook secret is malformed: the part after whsec_ is empty");
  }

  @Test
  void aVerifiedBodyThatIsNotAnEventIsRefused() {
    String notJson = "thanks!";
    String noVideo = "{\"id\":\"evt_4\",\"object\":\"event\",\"type\":\"video.completed\"}";
    String noType = "{\"id\":\"evt_5\",\"object\":\"event\"}";

    assertRefused(
        () -> webhooks.unwrap(notJson, headers(SECRET, "msg_1", NOW, notJson)),
        Reason.MALFORMED_EVENT,
        "the body is not a JSON webhook event: Use JsonReader.setLenient(true) to accept"
            + " malformed JSON at path $");
    assertRefused(
        () -> webhooks.unwrap(noVideo, headers(SECRET, "msg_1", NOW, noVideo)),
        Reason.MALFORMED_EVENT,
        "video.completed event evt_4 has no data.id");
    assertRefused(
        () -> webhooks.unwrap(noType, headers(SECRET, "msg_1", NOW, noType)),
        Reason.MALFORMED_EVENT,
        "the body is not a webhook event: event evt_5 has no type");
  }

  @Test
  void theSecretAppearsInNoMessageAndNoToString() {
    String keyPart = SECRET.substring("whsec_".length());
    List<String> texts = new ArrayList<>();
    texts.add(webhooks.toString());
    texts.add(webhooks.withTolerance(Duration.ofSeconds(1)).toString());
    texts.add(
        WebhookReceiver.builder().webhooks(webhooks).port(0).host("127.0.0.1").build().toString());
    Map<String, List<String>> stale = headers(SECRET, "msg_1", NOW.minusSeconds(900), BODY);
    for (ThrowingCallable refused :
        List.<ThrowingCallable>of(
            () -> webhooks.unwrap(BODY, Map.of()),
            () -> webhooks.unwrap("x" + BODY, headers(SECRET, "msg_1", NOW, BODY)),
            () -> webhooks.unwrap(BODY, stale),
            () -> Webhooks.of(keyPart),
            () -> Webhooks.of("whsec_" + keyPart + "*"))) {
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(refused);
      assertThat(thrown).isInstanceOf(WebhookVerificationException.class);
      texts.add(thrown.getMessage());
      texts.add(thrown.toString());
    }

    assertThat(texts).hasSize(13).allSatisfy(text -> assertThat(text).doesNotContain(keyPart));
    assertThat(webhooks.toString()).isEqualTo("Webhooks{secret=whsec_****, tolerance=PT5M}");
  }

  private static void assertRefused(ThrowingCallable call, Reason reason, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e).hasMessage(message);
            });
  }
}
