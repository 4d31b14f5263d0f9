package io.github.openaivideos.simulator;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happens to every request before its operation runs, in this order: it gets a request id, a
 * queued {@link Fault} may take it over, and its API key is checked.
 */
final class RequestGuards {
  private static final String BEARER = "Bearer ";

  private final Faults faults;
  private final @Nullable String apiKey;

  /** {@code apiKey} null accepts any non-empty key. */
  RequestGuards(Faults faults, @Nullable String apiKey) {
    this.faults = faults;
    this.apiKey = apiKey;
  }

  void before(Context ctx) throws InterruptedException {
    Replies.assignRequestId(ctx);
    Fault fault = faults.take(ctx.path());
    if (fault != null) {
      apply(fault, ctx);
    }
    authenticate(ctx.header("Authorization"));
  }

  private static void apply(Fault fault, Context ctx) throws InterruptedException {
    switch (fault.kind) {
      case DELAY -> Thread.sleep(Objects.requireNonNull(fault.delay, "delay").toMillis());
      case DROP_CONNECTION_MID_BODY -> Replies.dropMidBody(ctx);
      case STATUS -> throw simulatedError(fault);
    }
  }

  private static ApiException simulatedError(Fault fault) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (fault.retryAfter != null) {
      headers.put("Retry-After", Long.toString(fault.retryAfter.toSeconds()));
      headers.put("retry-after-ms", Long.toString(fault.retryAfter.toMillis()));
    }
    if (fault.status == 429) {
      return new ApiException(
          429,
          "requests",
          "Rate limit reached (simulated fault). Please try again later.",
          null,
          "rate_limit_exceeded",
          headers);
    }
    boolean server = fault.status >= 500;
    return new ApiException(
        fault.status,
        server ? "server_error" : ApiException.INVALID_REQUEST,
        "Simulated fault: HTTP " + fault.status + ".",
        null,
        server ? "server_error" : null,
        headers);
  }

  private void authenticate(String authorization) {
    if (authorization == null
        || !authorization.startsWith(BEARER)
        || authorization.substring(BEARER.length()).isBlank()) {
      throw new ApiException(
          401,
          ApiException.INVALID_REQUEST,
          "You didn't provide an API key. You need to provide your API key in an Authorization"
              + " header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
          null,
          "missing_api_key");
    }
    String key = authorization.substring(BEARER.length()).trim();
    if (apiKey != null && !apiKey.equals(key)) {
      throw new ApiException(
          401,
          ApiException.INVALID_REQUEST,
          "Incorrect API key provided: " + mask(key) + ".",
          null,
          "invalid_api_key");
    }
  }

  /** Shows only the ends of a key, like the real service: {@code sk-t****1234}. */
  static String mask(String key) {
    return key.length() <= 8
        ? "****"
        : key.substring(0, 4) + "****" + key.substring(key.length() - 4);
  }
}
