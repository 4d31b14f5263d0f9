package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import com.squareup.moshi.JsonDataException;
import io.github.openaivideos.WebhookVerificationException.Reason;
import io.github.openaivideos.internal.Json;
import io.github.openaivideos.models.WebhookEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Verifies and reads webhook deliveries: {@code Webhooks.of(secret).unwrap(body, headers)} checks
 * the signature and the timestamp per <a href="https://www.standardwebhooks.com/">Standard
 * Webhooks</a> and returns the typed {@link VideoEvent}, or throws {@link
 * WebhookVerificationException} saying why the delivery is refused.
 *
 * <pre>{@code
 * Webhooks webhooks = Webhooks.of(System.getenv("OPENAI_WEBHOOK_SECRET"));
 * VideoEvent event = webhooks.unwrap(body, headers); // headers: Map<String, List<String>> or Map<String, String>
 * if (event instanceof VideoEvent.Completed done) {
 *   client.download(done.videoId(), ContentVariant.VIDEO, Path.of(done.videoId() + ".mp4"));
 * }
 * }</pre>
 *
 * <p>A delivery carries {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and {@code
 * webhook-signature}: space-separated {@code v1,<base64 HMAC-SHA256>} entries over {@code
 * id.timestamp.body}, keyed with the base64-decoded part of the {@code whsec_...} secret. It passes
 * when any entry matches (several appear while a secret is rotated); signatures are compared in
 * constant time. A timestamp further than the tolerance (5 minutes by default) from this clock is
 * refused, so a captured delivery cannot be replayed later.
 *
 * <p>Immutable and thread-safe. The secret appears in no message, log line or {@code toString}.
 */
public final class Webhooks {
  /** How far a delivery's timestamp may be from the clock by default. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  public static final String ID_HEADER = "webhook-id";
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";
  public static final String SIGNATURE_HEADER = "webhook-signature";

  private static final String SECRET_PREFIX = "whsec_";
  private static final String HMAC = "HmacSHA256";

  private final SecretKeySpec key;
  private final Duration tolerance;
  private final Clock clock;

  private Webhooks(SecretKeySpec key, Duration tolerance, Clock clock) {
    this.key = key;
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /**
   * Verifies with this secret: {@code whsec_} followed by the base64 of the key.
   *
   * @throws WebhookVerificationException ({@link Reason#MALFORMED_SECRET}) if it is not
   */
  public static Webhooks of(String secret) {
    requireNonNull(secret, "secret == null");
    String trimmed = secret.trim();
    if (!trimmed.startsWith(SECRET_PREFIX)) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_SECRET,
          "the webhook secret is malformed: it must start with " + SECRET_PREFIX);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(trimmed.substring(SECRET_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character: not passed on.
      throw new WebhookVerificationException(
          Reason.MALFORMED_SECRET,
          "the webhook secret is malformed: the part after " + SECRET_PREFIX + " is not base64");
    }
    if (bytes.length == 0) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_SECRET,
          "the webhook secret is malformed: the part after " + SECRET_PREFIX + " is empty");
    }
    return new Webhooks(new SecretKeySpec(bytes, HMAC), DEFAULT_TOLERANCE, Clock.systemUTC());
  }

  /** The same verifier with another tolerance (zero accepts only the current second). */
  public Webhooks withTolerance(Duration tolerance) {
    requireNonNull(tolerance, "tolerance == null");
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("tolerance must not be negative, was " + tolerance);
    }
    return new Webhooks(key, tolerance, clock);
  }

  /** The same verifier measuring timestamps by {@code clock}. */
  public Webhooks withClock(Clock clock) {
    return new Webhooks(key, tolerance, requireNonNull(clock, "clock == null"));
  }

  public Duration tolerance() {
    return tolerance;
  }

  /**
   * Verifies a delivery and returns its event.
   *
   * @param body the request body exactly as received
   * @param headers the request headers, names in any case; each value a {@code String} or a {@code
   *     Collection<String>} (so {@code Map<String, String>} and {@code Map<String, List<String>>}
   *     both fit)
   * @throws WebhookVerificationException if the delivery is refused; {@link
   *     WebhookVerificationException#reason()} says why
   */
  public VideoEvent unwrap(String body, Map<String, ?> headers) {
    requireNonNull(body, "body == null");
    return unwrap(body.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** {@link #unwrap(String, Map)} on the body's bytes as received. */
  public VideoEvent unwrap(byte[] body, Map<String, ?> headers) {
    requireNonNull(body, "body == null");
    requireNonNull(headers, "headers == null");
    verify(body, headers);
    return VideoEvent.parse(read(body), new String(body, StandardCharsets.UTF_8));
  }

  private void verify(byte[] body, Map<String, ?> headers) {
    List<String> ids = values(headers, ID_HEADER);
    List<String> timestamps = values(headers, TIMESTAMP_HEADER);
    List<String> signatures = values(headers, SIGNATURE_HEADER);
    List<String> missing = new ArrayList<>();
    if (ids.isEmpty()) {
      missing.add(ID_HEADER);
    }
    if (timestamps.isEmpty()) {
      missing.add(TIMESTAMP_HEADER);
    }
    if (signatures.isEmpty()) {
      missing.add(SIGNATURE_HEADER);
    }
    if (!missing.isEmpty()) {
      throw new WebhookVerificationException(
          Reason.MISSING_HEADER,
          (missing.size() == 1 ? "missing header " : "missing headers ")
              + String.join(", ", missing));
    }
    String id = ids.get(0);
    String timestamp = timestamps.get(0);
    long seconds = seconds(timestamp);
    checkTolerance(seconds);
    byte[] expected = sign(id, timestamp, body);
    int checked = 0;
    for (String entry : String.join(" ", signatures).split(" ", -1)) {
      int comma = entry.indexOf(',');
      if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
        continue;
      }
      checked++;
      byte[] candidate;
      try {
        candidate = Base64.getDecoder().decode(entry.substring(comma + 1));
      } catch (IllegalArgumentException notBase64) {
        continue;
      }
      if (MessageDigest.isEqual(expected, candidate)) {
        return;
      }
    }
    if (checked == 0) {
      throw new WebhookVerificationException(
          Reason.NO_MATCHING_SIGNATURE, "header " + SIGNATURE_HEADER + " has no v1 signature");
    }
    throw new WebhookVerificationException(
        Reason.NO_MATCHING_SIGNATURE,
        "no signature matches ("
            + checked
            + " checked): the secret differs, or the body, id or timestamp was changed");
  }

  private static long seconds(String timestamp) {
    if (timestamp.isEmpty()
        || timestamp.length() > 15
        || !timestamp.chars().allMatch(Webhooks::digit)) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_TIMESTAMP,
          "header "
              + TIMESTAMP_HEADER
              + " is not a whole number of Unix seconds: \""
              + printable(timestamp)
              + "\"");
    }
    return Long.parseLong(timestamp);
  }

  private static boolean digit(int c) {
    return c >= '0' && c <= '9';
  }

  private void checkTolerance(long seconds) {
    long now = clock.instant().getEpochSecond();
    long limit = tolerance.getSeconds();
    if (seconds < now - limit) {
      throw new WebhookVerificationException(
          Reason.TIMESTAMP_TOO_OLD,
          "the timestamp "
              + Instant.ofEpochSecond(seconds)
              + " is "
              + (now - seconds)
              + " s in the past; tolerance "
              + limit
              + " s (a replay or a late delivery)");
    }
    if (seconds > now + limit) {
      throw new WebhookVerificationException(
          Reason.TIMESTAMP_TOO_NEW,
          "the timestamp "
              + Instant.ofEpochSecond(seconds)
              + " is "
              + (seconds - now)
              + " s in the future; tolerance "
              + limit
              + " s");
    }
  }

  /** HMAC-SHA256 of {@code id.timestamp.body}. */
  private byte[] sign(String id, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  private static WebhookEvent read(byte[] body) {
    WebhookEvent event;
    try {
      event =
          Json.MOSHI.adapter(WebhookEvent.class).fromJson(new String(body, StandardCharsets.UTF_8));
    } catch (IOException | JsonDataException e) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_EVENT, "the body is not a JSON webhook event: " + e.getMessage(), e);
    }
    if (event == null) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_EVENT, "the body is not a JSON webhook event: null");
    }
    return event;
  }

  /** The non-blank values of a header, whatever the case of its name. */
  private static List<String> values(Map<String, ?> headers, String name) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, ?> header : headers.entrySet()) {
      if (header.getKey() == null || !header.getKey().equalsIgnoreCase(name)) {
        continue;
      }
      Object value = header.getValue();
      if (value instanceof String text) {
        add(values, text);
      } else if (value instanceof Collection<?> list) {
        for (Object item : list) {
          if (item instanceof String text) {
            add(values, text);
          }
        }
      } else if (value != null) {
        throw new IllegalArgumentException(
            "header "
                + name
                + " must be a String or a Collection<String>, was "
                + value.getClass());
      }
    }
    return values;
  }

  private static void add(List<String> values, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      values.add(value.trim());
    }
  }

  /** At most 40 printable ASCII characters of a header value, for a message. */
  private static String printable(String value) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < value.length() && s.length() < 40; i++) {
      char c = value.charAt(i);
      s.append(c >= ' ' && c < 0x7f && c != '"' ? c : '?');
    }
    return value.length() > 40 ? s + "..." : s.toString();
  }

  @Override
  public String toString() {
    return "Webhooks{secret=" + SECRET_PREFIX + "****, tolerance=" + tolerance + "}";
  }
}
