package io.github.openaivideos.bench.floor;

import io.github.openaivideos.bench.support.BenchEnv;
import io.github.openaivideos.bench.support.PollLoop;
import io.github.openaivideos.bench.support.Scenarios;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The whole-process cases with the raw OkHttp + Moshi floor. */
public final class FloorMain implements Scenarios.Client {
  private final FloorClient client = new FloorClient(BenchEnv.baseUrl());
  private ScheduledExecutorService scheduler;

  public static void main(String[] args) throws Exception {
    Scenarios.run(new FloorMain(), args);
    System.exit(0);
  }

  @Override
  public String retrieve(String id) throws IOException {
    return Objects.requireNonNull(client.retrieve(id).id);
  }

  @Override
  public long download(String id, OutputStream out) throws IOException {
    return client.download(id, out);
  }

  @Override
  public String extend(Path file) throws IOException {
    return Objects.requireNonNull(client.extend(file, BenchEnv.PROMPT, "8").id);
  }

  @Override
  public synchronized CompletableFuture<?> awaitDone(
      String id, Duration pollInterval, Duration timeout) {
    if (scheduler == null) {
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
        client::retrieveAsync,
        v -> "completed".equals(v.status) || "failed".equals(v.status),
        pollInterval,
        timeout,
        scheduler);
  }

  @Override
  public String awaitStyle() {
    return "hand-written poll loop: OkHttp enqueue + 1 scheduler thread";
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    client.close();
  }
}
