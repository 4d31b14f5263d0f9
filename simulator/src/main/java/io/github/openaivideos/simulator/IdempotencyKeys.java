package io.github.openaivideos.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Idempotency-Key} header of the job-starting operations (create, remix, edit, extend),
 * as Stripe and other APIs define it: the first request with a key starts a job; a later request
 * with the same key and the same API key starts nothing and answers with that job (200, its current
 * state, header {@code Idempotent-Replayed: true}); the same key with different parameters is a 422
 * {@code idempotency_key_reused}. Keys are kept with the jobs (in the data directory when there is
 * one), scoped by a hash of the API key, never the key itself.
 */
final class IdempotencyKeys {
  static final String HEADER = "Idempotency-Key";
  static final int MAX_LENGTH = 255;

  /**
   * One key's first use.
   *
   * @param scope SHA-256 of the API key, hex
   * @param key the header's value
   * @param fingerprint the operation and parameters it was first used with
   * @param videoId the job it started
   */
  record Entry(String scope, String key, String fingerprint, String videoId) {}

  private final Persistence persistence;
  private final boolean honoured;
  private final Map<String, Entry> entries = new HashMap<>();

  /**
   * @param honoured false to ignore the header altogether, like a server that does not know it
   */
  IdempotencyKeys(Persistence persistence, boolean honoured) {
    this.persistence = persistence;
    this.honoured = honoured;
    for (Entry entry : persistence.loadIdempotencyKeys()) {
      entries.put(entry.scope() + "\n" + entry.key(), entry);
    }
  }

  /** What {@link #startOnce} did: the job, and whether it was an earlier request's. */
  record Outcome(VideoRecord video, boolean replayed) {}

  /**
   * Starts the job with {@code start}, unless {@code key} (when not null) was used before with this
   * API key: then the job it started, found with {@code find}.
   *
   * @param authorization the request's Authorization header, whose key scopes the idempotency key
   * @param fingerprint the operation and its parameters; a reused key must come with the same
   */
  synchronized Outcome startOnce(
      @Nullable String authorization,
      @Nullable String key,
      String fingerprint,
      Supplier<VideoRecord> start,
      java.util.function.Function<String, VideoRecord> find) {
    if (!honoured || key == null) {
      return new Outcome(start.get(), false);
    }
    check(key);
    String scope = sha256(String.valueOf(authorization));
    Entry earlier = entries.get(scope + "\n" + key);
    if (earlier != null) {
      if (!earlier.fingerprint().equals(fingerprint)) {
        throw new ApiException(
            422,
            ApiException.INVALID_REQUEST,
            "Keys for idempotent requests can only be used with the same parameters they were"
                + " first used with. Try using a key other than '"
                + key
                + "' if you meant to execute a different request.",
            null,
            "idempotency_key_reused");
      }
      return new Outcome(find.apply(earlier.videoId()), true);
    }
    VideoRecord video = start.get();
    Entry entry = new Entry(scope, key, fingerprint, video.id());
    persistence.saveIdempotencyKey(entry);
    entries.put(scope + "\n" + key, entry);
    return new Outcome(video, false);
  }

  private static void check(String key) {
    if (key.isBlank() || key.length() > MAX_LENGTH) {
      throw ApiException.invalid(
          null,
          "invalid_idempotency_key",
          "Invalid '"
              + HEADER
              + "' header: it must have 1 to "
              + MAX_LENGTH
              + " characters, not only spaces.");
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }
}
