package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.openaivideos.ApiError;
import io.github.openaivideos.BadRequestException;
import io.github.openaivideos.InternalServerException;
import io.github.openaivideos.RateLimitException;
import io.github.openaivideos.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedBackoffTest {
  private final FakeClock clock = new FakeClock(SimulatedCli.START);
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final Sleeper sleeper =
      delay -> {
        sleeps.add(delay);
        clock.advance(delay);
      };
  private final SharedBackoff gate = new SharedBackoff(clock, sleeper, () -> 0.5);

  @Test
  void a429OnOneWorkerMakesEveryOtherWorkerWaitForItsRetryAfter() throws Exception {
    gate.backOff(rateLimit(Map.of("retry-after", List.of("7"))));

    // Another worker's next request, on its own thread.
    Instant sentAt =
        CompletableFuture.supplyAsync(
                () -> gate.call(SharedBackoff.Retry.SAFE, () -> clock.instant()))
            .get();

    // 7 s, plus half (the random number) of a tenth of it: the stagger.
    assertThat(sentAt).isEqualTo(SimulatedCli.START.plusMillis(7350));
    assertThat(sleeps).containsExactly(Duration.ofMillis(7350));
  }

  @Test
  void aRateLimitedRequestIsSentAgainAfterRetryAfterMs() {
    AtomicInteger attempts = new AtomicInteger();
    List<Instant> sent = new CopyOnWriteArrayList<>();

    String result =
        gate.call(
            SharedBackoff.Retry.ONLY_RATE_LIMITS,
            () -> {
              sent.add(clock.instant());
              if (attempts.incrementAndGet() == 1) {
                throw rateLimit(Map.of("Retry-After-Ms", List.of("1500")));
              }
              return "ok";
            });

    assertThat(result).isEqualTo("ok");
    assertThat(sent).containsExactly(SimulatedCli.START, SimulatedCli.START.plusMillis(1575));
    assertThat(gate.rateLimits()).isEqualTo(1);
  }

  @Test
  void withoutAHintTheDelayDoublesWithEachFailureInARowAndResetsOnSuccess() {
    AtomicInteger attempts = new AtomicInteger();
    gate.call(
        SharedBackoff.Retry.SAFE,
        () -> {
          if (attempts.incrementAndGet() <= 3) {
            throw serverError();
          }
          return "ok";
        });
    gate.backOff(serverError());
    gate.call(SharedBackoff.Retry.SAFE, () -> "ok");

    // Jitter 0.5 of [0.5, 1]: three quarters of 1 s, 2 s, 4 s; after the success, 1 s again;
    // each plus the stagger, half of a tenth.
    assertThat(sleeps)
        .containsExactly(
            Duration.ofMillis(787),
            Duration.ofMillis(1575),
            Duration.ofMillis(3150),
            Duration.ofMillis(787));
  }

  @Test
  void aServerErrorOfARequestThatMayStartAJobIsNotSentAgainNorIsABadRequest() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                gate.call(
                    SharedBackoff.Retry.ONLY_RATE_LIMITS,
                    () -> {
                      attempts.incrementAndGet();
                      throw serverError();
                    }))
        .isInstanceOf(InternalServerException.class);
    assertThatThrownBy(
            () ->
                gate.call(
                    SharedBackoff.Retry.SAFE,
                    () -> {
                      attempts.incrementAndGet();
                      throw new BadRequestException(error(400, Map.of()));
                    }))
        .isInstanceOf(BadRequestException.class);
    assertThat(attempts).hasValue(2);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aHintLongerThanAMinuteIsCapped() {
    gate.backOff(rateLimit(Map.of("retry-after", List.of("3600"))));
    gate.call(SharedBackoff.Retry.SAFE, () -> "ok");

    assertThat(sleeps).containsExactly(Duration.ofMillis(60_500));
  }

  private static RateLimitException rateLimit(Map<String, List<String>> headers) {
    return new RateLimitException(error(429, headers));
  }

  private static InternalServerException serverError() {
    return new InternalServerException(error(503, Map.of()));
  }

  private static ApiError error(int status, Map<String, List<String>> headers) {
    return new ApiError(status, "simulated", null, null, null, null, headers);
  }
}
