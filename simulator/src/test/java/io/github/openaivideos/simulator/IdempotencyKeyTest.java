package io.github.openaivideos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencyKeyTest {
  private static final String BODY = "{\"prompt\":\"A calico cat\",\"seconds\":\"8\"}";

  @Test
  void aRepeatedKeyAnswersWithTheFirstJobInItsCurrentStateAndStartsNoOther() {
    MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-02T03:04:05Z"));
    try (VideosSimulator sim =
        VideosSimulator.builder().clock(clock).timing(Timing.defaults()).build().start()) {
      Api api = new Api(sim);
      HttpResponse<String> first = post(api, "videos", "key-1", BODY);
      clock.advance(java.time.Duration.ofSeconds(10));
      HttpResponse<String> again = post(api, "videos", "key-1", BODY);

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
      assertThat(Api.json(first).get("status").asText()).isEqualTo("queued");
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
      assertThat(Api.json(again).get("id")).isEqualTo(Api.json(first).get("id"));
      assertThat(Api.json(again).get("status").asText()).isEqualTo("completed");
      assertThat(count(api)).isEqualTo(1);
    }
  }

  @Test
  void theSameKeyWithOtherParametersIsRefusedWith422() {
    try (VideosSimulator sim = VideosSimulator.builder().timing(Timing.instant()).build().start()) {
      Api api = new Api(sim);
      post(api, "videos", "key-1", BODY);
      HttpResponse<String> other = post(api, "videos", "key-1", "{\"prompt\":\"A dog\"}");

      assertThat(other.statusCode()).isEqualTo(422);
      assertThat(Api.error(other).get("code").asText()).isEqualTo("idempotency_key_reused");
      assertThat(Api.error(other).get("message").asText())
          .isEqualTo(
              "Keys for idempotent requests can only be used with the same parameters they were"
                  + " first used with. Try using a key other than 'key-1' if you meant to execute"
                  + " a different request.");
      assertThat(count(api)).isEqualTo(1);
    }
  }

  @Test
  void keysAreScopedByApiKeyAndDifferentKeysStartDifferentJobs() {
    try (VideosSimulator sim = VideosSimulator.builder().timing(Timing.instant()).build().start()) {
      Api api = new Api(sim);
      String first = Api.json(post(api, "videos", "key-1", BODY)).get("id").asText();
      String otherKey = Api.json(post(api, "videos", "key-2", BODY)).get("id").asText();
      String otherAccount =
          Api.json(post(api.withKey("sk-other-account"), "videos", "key-1", BODY))
              .get("id")
              .asText();

      assertThat(Set.of(first, otherKey, otherAccount)).hasSize(3);
    }
  }

  @Test
  void remixEditAndExtendHonourTheKeyToo() {
    try (VideosSimulator sim = VideosSimulator.builder().timing(Timing.instant()).build().start()) {
      Api api = new Api(sim);
      String source = api.create(BODY).get("id").asText();
      String remix = "{\"prompt\":\"At night\"}";
      String edit = "{\"prompt\":\"At night\",\"video\":{\"id\":\"" + source + "\"}}";
      String extend =
          "{\"prompt\":\"At night\",\"seconds\":\"4\",\"video\":{\"id\":\"" + source + "\"}}";

      for (String[] call :
          List.of(
              new String[] {"videos/" + source + "/remix", remix},
              new String[] {"videos/edits", edit},
              new String[] {"videos/extensions", extend})) {
        JsonNode once = Api.json(post(api, call[0], "k-" + call[0], call[1]));
        JsonNode twice = Api.json(post(api, call[0], "k-" + call[0], call[1]));
        assertThat(twice.get("id")).as(call[0]).isEqualTo(once.get("id"));
      }
      assertThat(count(api)).isEqualTo(4);
    }
  }

  @Test
  void concurrentRequestsWithOneKeyStartOneJob() throws Exception {
    try (VideosSimulator sim = VideosSimulator.builder().timing(Timing.instant()).build().start()) {
      Api api = new Api(sim);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          ids.add(
              pool.submit(() -> Api.json(post(api, "videos", "same", BODY)).get("id").asText()));
        }
        Set<String> distinct = new HashSet<>();
        for (Future<String> id : ids) {
          distinct.add(id.get(30, TimeUnit.SECONDS));
        }
        assertThat(distinct).hasSize(1);
        assertThat(count(api)).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void keysSurviveARestartOnTheSameDataDirectory(@TempDir Path dataDir) {
    String id;
    try (VideosSimulator first =
        VideosSimulator.builder().dataDir(dataDir).timing(Timing.instant()).build().start()) {
      id = Api.json(post(new Api(first), "videos", "key/../1", BODY)).get("id").asText();
    }
    try (VideosSimulator second =
        VideosSimulator.builder().dataDir(dataDir).timing(Timing.instant()).build().start()) {
      Api api = new Api(second);
      assertThat(Api.json(post(api, "videos", "key/../1", BODY)).get("id").asText()).isEqualTo(id);
      assertThat(count(api)).isEqualTo(1);
    }
  }

  @Test
  void aSimulatorToldToIgnoreTheHeaderStartsAJobPerRequest() {
    try (VideosSimulator sim =
        VideosSimulator.builder().timing(Timing.instant()).idempotencyKeys(false).build().start()) {
      Api api = new Api(sim);
      JsonNode first = Api.json(post(api, "videos", "key-1", BODY));
      JsonNode again = Api.json(post(api, "videos", "key-1", BODY));

      assertThat(again.get("id")).isNotEqualTo(first.get("id"));
      assertThat(count(api)).isEqualTo(2);
    }
  }

  @Test
  void aBlankKeyIsA400() {
    try (VideosSimulator sim = VideosSimulator.builder().timing(Timing.instant()).build().start()) {
      Api api = new Api(sim);
      HttpResponse<String> blank = post(api, "videos", " ", BODY);

      assertThat(blank.statusCode()).isEqualTo(400);
      assertThat(Api.error(blank).get("code").asText()).isEqualTo("invalid_idempotency_key");
      assertThat(count(api)).isZero();
    }
  }

  private static HttpResponse<String> post(Api api, String path, String key, String json) {
    return api.send(
        api.request(path)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(BodyPublishers.ofString(json))
            .build());
  }

  private static int count(Api api) {
    return Api.json(api.get("videos?limit=100")).get("data").size();
  }
}
