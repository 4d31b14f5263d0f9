package io.github.openaivideos.cli;

import io.github.openaivideos.RequestOptions;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.simulator.Timing;
import io.github.openaivideos.simulator.VideosSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A simulator on a {@link FakeClock} for {@code videos batch}: the tool's clients, its shared
 * backoff and its polling all run on that clock, and every sleep advances it instead of sleeping,
 * so a batch runs at once whatever the jobs' timing. Jobs stay queued 1 s and run 4 s.
 */
final class BatchSimulator implements AutoCloseable {
  static final String KEY = "sk-test-0123456789";

  final FakeClock clock = new FakeClock(SimulatedCli.START);
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final VideosSimulator simulator;

  BatchSimulator() {
    this(builder -> builder);
  }

  /** A simulator with its builder changed by {@code options} (e.g. Idempotency-Key ignored). */
  BatchSimulator(UnaryOperator<VideosSimulator.Builder> options) {
    simulator =
        options
            .apply(
                VideosSimulator.builder()
                    .clock(clock)
                    .timing(Timing.of(Duration.ofSeconds(1), Duration.ofSeconds(4))))
            .build()
            .start();
  }

  /** Clients on the fake clock whose sleeps are recorded and advance it, without retries. */
  ClientFactory clients() {
    return configured -> configured.clock(clock).sleeper(this::sleep).maxRetries(0).build();
  }

  /** The sleeper of the clients and of the tool's own waits (backoff, polling). */
  void sleep(Duration delay) {
    sleeps.add(delay);
    clock.advance(delay);
  }

  /** The tool with its clients, its backoff and its polling on the fake clock. */
  Cli cli() {
    return Cli.withClients(clients())
        .live(new Live(clock, this::sleep, Ticker.NONE, new Interrupts()));
  }

  CliResult run(String... args) {
    return SimulatedCli.run(
        cli(),
        Map.of("OPENAI_BASE_URL", simulator.baseUrl().toString(), "OPENAI_API_KEY", KEY),
        args);
  }

  /** A client of the simulator for setting up a test, outside the tool. */
  VideosClient client() {
    return clients().build(VideosClient.builder().baseUrl(simulator.baseUrl()).apiKey(KEY));
  }

  /** A job started now with this idempotency key (null: none). */
  Video create(String prompt, String idempotencyKey) {
    try (VideosClient client = client()) {
      VideosClient keyed =
          idempotencyKey == null
              ? client
              : client.withOptions(
                  RequestOptions.builder().header("Idempotency-Key", idempotencyKey).build());
      return keyed.create(CreateVideoRequest.builder().prompt(prompt).build());
    }
  }

  /** Every job the simulator holds, newest first. */
  List<Video> jobs() {
    try (VideosClient client = client()) {
      List<Video> all = new ArrayList<>();
      client
          .list(io.github.openaivideos.ListVideos.defaults().limit(100))
          .autoPaging()
          .forEach(all::add);
      return all;
    }
  }

  static Path write(Path file, String... lines) {
    try {
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    simulator.close();
  }
}
