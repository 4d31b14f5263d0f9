package io.github.openaivideos.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook deliveries per Standard Webhooks: {@code webhook-signature: v1,<base64
 * HMAC-SHA256(key, id.timestamp.body)>}, the key being the base64-decoded part of a {@code
 * whsec_...} secret. The simulator's own code, independent of the SDK's verifier on purpose.
 */
final class WebhookSigner {
  private static final String PREFIX = "whsec_";

  private final SecretKeySpec key;

  private WebhookSigner(SecretKeySpec key) {
    this.key = key;
  }

  /**
   * @throws IllegalArgumentException if the secret is not {@code whsec_} and base64 (the message
   *     never quotes it)
   */
  static WebhookSigner of(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      throw new IllegalArgumentException("the webhook secret must start with " + PREFIX);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the webhook secret must be " + PREFIX + " followed by base64");
    }
    if (bytes.length == 0) {
      throw new IllegalArgumentException(
          "the webhook secret must be " + PREFIX + " followed by base64");
    }
    return new WebhookSigner(new SecretKeySpec(bytes, "HmacSHA256"));
  }

  /** The {@code v1,...} signature of one delivery. */
  String signature(String webhookId, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest =
          mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** The three Standard Webhooks headers of one delivery attempt. */
  Map<String, String> headers(String webhookId, long timestamp, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", webhookId);
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("webhook-signature", signature(webhookId, timestamp, body));
    return headers;
  }

  @Override
  public String toString() {
    return "WebhookSigner{secret=" + PREFIX + "****}";
  }
}
