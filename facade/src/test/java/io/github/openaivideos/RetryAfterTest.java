package io.github.openaivideos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ApiException#retryAfter}: the server's wait, for callers that pace retries themselves. */
class RetryAfterTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  private static ApiException rateLimited(Map<String, List<String>> headers) {
    return ApiException.of(new ApiError(429, "Slow down.", null, null, null, null, headers));
  }

  @Test
  void retryAfterMillisecondsWinsOverSeconds() {
    ApiException e =
        rateLimited(Map.of("retry-after-ms", List.of("1500"), "retry-after", List.of("9")));

    assertThat(e).isInstanceOf(RateLimitException.class);
    assertThat(e.retryAfter(clock)).contains(Duration.ofMillis(1500));
  }

  @Test
  void retryAfterIsReadInSecondsWhateverTheHeaderNamesCase() {
    assertThat(rateLimited(Map.of("Retry-After", List.of("3"))).retryAfter(clock))
        .contains(Duration.ofSeconds(3));
  }

  @Test
  void anHttpDateIsMeasuredOnTheGivenClock() {
    assertThat(
            rateLimited(Map.of("retry-after", List.of("Fri, 02 Jan 2026 03:04:15 GMT")))
                .retryAfter(clock))
        .contains(Duration.ofSeconds(10));
  }

  @Test
  void unusableHintsAreEmpty() {
    assertThat(rateLimited(Map.of()).retryAfter(clock)).isEmpty();
    assertThat(rateLimited(Map.of("retry-after", List.of("-5"))).retryAfter(clock)).isEmpty();
    assertThat(rateLimited(Map.of("retry-after", List.of("NaN"))).retryAfter(clock)).isEmpty();
    assertThat(rateLimited(Map.of("retry-after", List.of("soon"))).retryAfter(clock)).isEmpty();
    assertThat(
            rateLimited(Map.of("retry-after", List.of("Fri, 02 Jan 2026 03:04:00 GMT")))
                .retryAfter(clock))
        .isEmpty();
  }
}
