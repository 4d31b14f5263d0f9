package io.github.openaivideos;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs test deliveries the Standard Webhooks way, independently of {@link Webhooks}. */
final class WebhookSigning {
  /** {@code whsec_} and the base64 of 32 bytes 0..31. */
  static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(bytes(32));

  static final String OTHER_SECRET = "whsec_" + Base64.getEncoder().encodeToString(bytes(24));

  private WebhookSigning() {}

  static String event(String eventId, String type, String videoId, long createdAt) {
    return "{\"id\":\""
        + eventId
        + "\",\"object\":\"event\",\"created_at\":"
        + createdAt
        + ",\"type\":\""
        + type
        + "\",\"data\":{\"id\":\""
        + videoId
        + "\"}}";
  }

  /** {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>} with the key of {@code secret}. */
  static String signature(String secret, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
      byte[] digest =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** The three headers of a delivery signed with {@code secret} at {@code at}. */
  static Map<String, List<String>> headers(String secret, String id, Instant at, String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("webhook-id", List.of(id));
    headers.put("webhook-timestamp", List.of(Long.toString(at.getEpochSecond())));
    headers.put("webhook-signature", List.of(signature(secret, id, at.getEpochSecond(), body)));
    return headers;
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 7 + 1);
    }
    return b;
  }
}
