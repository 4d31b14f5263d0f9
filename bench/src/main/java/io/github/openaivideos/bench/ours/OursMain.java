package io.github.openaivideos.bench.ours;

import io.github.openaivideos.VideoReference;
import io.github.openaivideos.VideosAsyncClient;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.bench.support.BenchEnv;
import io.github.openaivideos.bench.support.Scenarios;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.ExtensionSeconds;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The whole-process cases with our facade. */
public final class OursMain implements Scenarios.Client {
  private final VideosClient client;
  private final VideosAsyncClient async;

  private OursMain(Duration poll) {
    client =
        VideosClient.builder()
            .apiKey(BenchEnv.API_KEY)
            .baseUrl(BenchEnv.baseUrl())
            .pollInterval(poll)
            .maxPollInterval(poll)
            .build();
    async = client.async();
  }

  public static void main(String[] args) throws Exception {
    Duration poll = Duration.ofMillis(args[0].equals("fleet") ? Long.parseLong(args[2]) : 2000);
    Scenarios.run(new OursMain(poll), args);
    System.exit(0);
  }

  @Override
  public String retrieve(String id) {
    return client.retrieve(id).id();
  }

  @Override
  public long download(String id, OutputStream out) {
    return client.download(id, ContentVariant.VIDEO, out);
  }

  @Override
  public String extend(Path file) {
    return client
        .extend(
            ExtendVideoRequest.builder()
                .video(VideoReference.file(file))
                .prompt(BenchEnv.PROMPT)
                .seconds(ExtensionSeconds.S8)
                .build())
        .id();
  }

  @Override
  public CompletableFuture<?> awaitDone(String id, Duration pollInterval, Duration timeout) {
    return async.waitUntilDone(id, timeout, p -> {});
  }

  @Override
  public String awaitStyle() {
    return "built-in async waitUntilDone (scheduler + OkHttp async)";
  }

  @Override
  public void close() {
    client.close();
  }
}
