package io.github.openaivideos.bench.peer;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import com.openai.core.http.HttpResponse;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoExtendParams;
import com.openai.models.videos.VideoSeconds;
import io.github.openaivideos.bench.support.BenchEnv;
import io.github.openaivideos.bench.support.PollLoop;
import io.github.openaivideos.bench.support.Scenarios;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The whole-process cases with the official SDK. It has no wait-for-job helper: the fleet uses its
 * asynchronous client ({@code OpenAIOkHttpClientAsync}) in the poll loop a user would write.
 */
public final class PeerMain implements Scenarios.Client {
  private final OpenAIClient client;
  private OpenAIClientAsync async;
  private ScheduledExecutorService scheduler;

  private PeerMain() {
    client =
        OpenAIOkHttpClient.builder().apiKey(BenchEnv.API_KEY).baseUrl(BenchEnv.baseUrl()).build();
  }

  public static void main(String[] args) throws Exception {
    Scenarios.run(new PeerMain(), args);
    System.exit(0);
  }

  @Override
  public String retrieve(String id) {
    return client.videos().retrieve(id).id();
  }

  @Override
  public long download(String id, OutputStream out) throws Exception {
    try (HttpResponse response = client.videos().downloadContent(id);
        InputStream in = response.body()) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
        total += n;
      }
      return total;
    }
  }

  @Override
  public String extend(Path file) {
    return client
        .videos()
        .extend(
            VideoExtendParams.builder()
                .video(file)
                .prompt(BenchEnv.PROMPT)
                .seconds(VideoSeconds._8)
                .build())
        .id();
  }

  @Override
  public synchronized CompletableFuture<?> awaitDone(
      String id, Duration pollInterval, Duration timeout) {
    if (async == null) {
      async =
          OpenAIOkHttpClientAsync.builder()
              .apiKey(BenchEnv.API_KEY)
              .baseUrl(BenchEnv.baseUrl())
              .build();
      scheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "poll-scheduler");
                t.setDaemon(true);
                return t;
              });
    }
    return PollLoop.await(
        id,
        jobId -> async.videos().retrieve(jobId),
        (Video v) ->
            v.status().equals(Video.Status.COMPLETED) || v.status().equals(Video.Status.FAILED),
        pollInterval,
        timeout,
        scheduler);
  }

  @Override
  public String awaitStyle() {
    return "no built-in wait: OpenAIOkHttpClientAsync retrieve in a user poll loop + 1 scheduler"
        + " thread";
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    if (async != null) {
      async.close();
    }
    client.close();
  }
}
