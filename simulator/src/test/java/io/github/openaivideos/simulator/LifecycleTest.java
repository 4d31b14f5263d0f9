package io.github.openaivideos.simulator;

import static io.github.openaivideos.simulator.CreateVideoTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private VideosSimulator sim;
  private Api api;

  @BeforeEach
  void start() {
    sim =
        VideosSimulator.builder()
            .clock(clock)
            .timing(Timing.of(Duration.ofSeconds(10), Duration.ofSeconds(100)))
            .build()
            .start();
    api = new Api(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void jobGoesFromQueuedThroughRisingProgressToCompleted() {
    String id = api.create("{\"prompt\":\"a sunrise\"}").get("id").asText();

    JsonNode queued = retrieve(id);
    assertThat(queued.get("status").asText()).isEqualTo("queued");
    assertThat(queued.get("created_at").asLong()).isEqualTo(START.getEpochSecond());

    clock.advance(Duration.ofSeconds(35));
    JsonNode quarter = retrieve(id);
    assertThat(quarter.get("status").asText()).isEqualTo("in_progress");
    assertThat(quarter.get("progress").asInt()).isEqualTo(25);
    assertThat(quarter.get("completed_at").isNull()).isTrue();

    clock.advance(Duration.ofSeconds(50));
    assertThat(retrieve(id).get("progress").asInt()).isEqualTo(75);

    clock.advance(Duration.ofSeconds(25));
    JsonNode done = retrieve(id);
    assertThat(done.get("status").asText()).isEqualTo("completed");
    assertThat(done.get("progress").asInt()).isEqualTo(100);
    long completedAt = START.getEpochSecond() + 110;
    assertThat(done.get("completed_at").asLong()).isEqualTo(completedAt);
    assertThat(done.get("expires_at").asLong()).isEqualTo(completedAt + 86_400);
    assertThat(done.get("error").isNull()).isTrue();
  }

  @Test
  void retrieveOfAnUnfinishedJobHintsWhenToPollAgain() {
    String id = api.create("{\"prompt\":\"p\"}").get("id").asText();

    assertThat(api.get("videos/" + id).headers().firstValue("openai-poll-after-ms"))
        .hasValue("1000");
    clock.advance(Duration.ofMillis(109_750));
    assertThat(api.get("videos/" + id).headers().firstValue("openai-poll-after-ms"))
        .hasValue("250");
    clock.advance(Duration.ofSeconds(1));
    assertThat(api.get("videos/" + id).headers().firstValue("openai-poll-after-ms")).isEmpty();
  }

  @Test
  void promptWithTheWordForbiddenFailsWithModerationBlockedAfterTheQueue() {
    String id = api.create("{\"prompt\":\"something Forbidden here\"}").get("id").asText();
    assertThat(retrieve(id).get("status").asText()).isEqualTo("queued");

    clock.advance(Duration.ofSeconds(10));
    JsonNode failed = retrieve(id);

    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("error").get("code").asText()).isEqualTo("moderation_blocked");
    assertThat(failed.get("error").get("message").asText())
        .isEqualTo("Your request was blocked by our moderation system.");
    assertThat(failed.get("completed_at").asLong()).isEqualTo(START.getEpochSecond() + 10);
    assertThat(failed.get("expires_at").isNull()).isTrue();
  }

  @Test
  void failureRuleIsConfigurable() {
    sim.close();
    sim =
        VideosSimulator.builder()
            .timing(Timing.instant())
            .failPrompts(Pattern.compile("explode"), "internal_error", "The job exploded.")
            .build()
            .start();
    api = new Api(sim);

    JsonNode failed = api.create("{\"prompt\":\"please explode\"}");
    JsonNode fine = api.create("{\"prompt\":\"forbidden is fine now\"}");

    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("error").get("code").asText()).isEqualTo("internal_error");
    assertThat(failed.get("error").get("message").asText()).isEqualTo("The job exploded.");
    assertThat(fine.get("status").asText()).isEqualTo("completed");
  }

  @Test
  void contentOfAQueuedVideoIsAConflict() {
    String id = api.create("{\"prompt\":\"p\"}").get("id").asText();

    assertError(
        api.get("videos/" + id + "/content"),
        409,
        "video_id",
        "video_not_completed",
        "Video '" + id + "' is not completed (status: queued).");
  }

  @Test
  void remixOfAnInProgressVideoIsAConflict() {
    String id = api.create("{\"prompt\":\"p\"}").get("id").asText();
    clock.advance(Duration.ofSeconds(20));

    assertError(
        api.postJson("videos/" + id + "/remix", "{\"prompt\":\"again\"}"),
        409,
        "video_id",
        "video_not_completed",
        "Video '" + id + "' is not completed (status: in_progress).");
  }

  @Test
  void extensionOfAFailedVideoIsAConflict() {
    String id = api.create("{\"prompt\":\"forbidden\"}").get("id").asText();
    clock.advance(Duration.ofMinutes(5));

    assertError(
        api.postJson(
            "videos/extensions",
            "{\"prompt\":\"more\",\"seconds\":\"4\",\"video\":{\"id\":\"" + id + "\"}}"),
        409,
        "video",
        "video_not_completed",
        "Video '" + id + "' is not completed (status: failed).");
  }

  private JsonNode retrieve(String id) {
    HttpResponse<String> response = api.get("videos/" + id);
    assertThat(response.statusCode()).isEqualTo(200);
    return Api.json(response);
  }
}
