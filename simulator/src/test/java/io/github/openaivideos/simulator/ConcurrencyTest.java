package io.github.openaivideos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  @Test
  void parallelCreatesAndListsLoseNoJobAndAnswerEveryRequest() throws Exception {
    int threads = 8;
    int perThread = 10;
    try (VideosSimulator sim = VideosSimulator.builder().timing(Timing.instant()).build().start()) {
      Api api = new Api(sim);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          results.add(
              pool.submit(
                  () -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                      ids.add(
                          api.create("{\"prompt\":\"t" + thread + " v" + i + "\"}")
                              .get("id")
                              .asText());
                      assertThat(api.get("videos?limit=5").statusCode()).isEqualTo(200);
                    }
                    return ids;
                  }));
        }
        Set<String> ids = new HashSet<>();
        for (Future<List<String>> result : results) {
          ids.addAll(result.get(60, TimeUnit.SECONDS));
        }

        assertThat(ids).hasSize(threads * perThread);
        assertThat(Api.json(api.get("videos?limit=100")).get("data").size())
            .isEqualTo(threads * perThread);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
