package io.github.openaivideos.cli;

import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.simulator.Timing;
import io.github.openaivideos.simulator.VideosSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A simulator on a {@link FakeClock}, and the tool pointed at it through {@code OPENAI_BASE_URL}
 * with a client on the same clock whose sleeps advance that clock. Waiting is therefore instant and
 * every progress update happens at an exact, repeatable time.
 *
 * <p>Jobs stay queued for 1 s and in progress for 4 s of that clock; the simulator hints a poll
 * every second, so {@code --wait} sees 0:00 queued, 0:01 to 0:04 in progress, 0:05 completed.
 */
final class SimulatedCli implements AutoCloseable {
  static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
  static final Duration JOB_TIME = Duration.ofSeconds(5);

  final FakeClock clock = new FakeClock(START);
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  /** The live displays' ticker: ticks only when a test says so. */
  final ManualTicker ticker = new ManualTicker();

  /** What Ctrl-C would run in the tool's process; tests trigger it with {@code interrupt()}. */
  final Interrupts interrupts = new Interrupts();

  /** Runs after each (fake) sleep of the tool's client, e.g. to tick or to interrupt. */
  volatile Runnable afterSleep = () -> {};

  /** Terminal width of {@link #runOnTerminal}. */
  volatile int columns = Terminal.DEFAULT_COLUMNS;

  final VideosSimulator simulator;
  private final Map<String, String> env = new HashMap<>();

  SimulatedCli() {
    this(Timing.of(Duration.ofSeconds(1), Duration.ofSeconds(4)));
  }

  /** A simulator whose jobs take this long (only {@link #completedVideo} assumes the default). */
  SimulatedCli(Timing timing) {
    simulator = VideosSimulator.builder().clock(clock).timing(timing).build().start();
    env.put("OPENAI_BASE_URL", simulator.baseUrl().toString());
    env.put("OPENAI_API_KEY", "sk-test-0123456789");
  }

  /**
   * Builds clients on the fake clock that advance it instead of sleeping, without retries. Like
   * {@code Thread.sleep}, a sleep ends with {@link InterruptedException} when the thread was
   * interrupted (here: by {@link #afterSleep}).
   */
  ClientFactory clients() {
    return builder -> builder.clock(clock).sleeper(this::sleep).maxRetries(0).build();
  }

  /** Advances the fake clock instead of sleeping; see {@link #clients()}. */
  private void sleep(Duration delay) throws InterruptedException {
    sleeps.add(delay);
    clock.advance(delay);
    afterSleep.run();
    if (Thread.interrupted()) {
      throw new InterruptedException("sleep interrupted");
    }
  }

  /** The tool on the fake clock, the manual ticker and these interrupts. */
  Cli cli() {
    return Cli.withClients(clients()).live(new Live(clock, this::sleep, ticker, interrupts));
  }

  /** Runs the tool as if its output were redirected (no terminal). */
  CliResult run(String... args) {
    return run(cli(), env, args);
  }

  /** Runs the tool as if on a terminal {@link #columns} wide. */
  CliResult runOnTerminal(String... args) {
    int width = columns;
    return run(cli().terminal(Terminal.of(width)), env, args);
  }

  /** Runs the tool as if on this terminal, with these variables added to the environment. */
  CliResult runOn(Terminal terminal, Map<String, String> extraEnv, String... args) {
    Map<String, String> environment = new HashMap<>(env);
    environment.putAll(extraEnv);
    return run(Cli.withClients(clients()).terminal(terminal), environment, args);
  }

  /** Runs the tool with exactly this environment. */
  CliResult runWithEnv(Map<String, String> environment, String... args) {
    return run(cli(), environment, args);
  }

  static CliResult run(Cli cli, Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        cli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            environment);
    return new CliResult(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A client of the simulator for setting up a test, outside the tool. */
  VideosClient client() {
    return clients()
        .build(VideosClient.builder().baseUrl(simulator.baseUrl()).apiKey("sk-test-0123456789"));
  }

  /** A job created now and left where it is (queued). */
  Video queuedVideo(String prompt) {
    try (VideosClient client = client()) {
      return client.create(CreateVideoRequest.builder().prompt(prompt).build());
    }
  }

  /** A job created now and then completed by moving the clock past its running time. */
  Video completedVideo(String prompt) {
    Video video = queuedVideo(prompt);
    clock.advance(JOB_TIME);
    return video;
  }

  @Override
  public void close() {
    simulator.close();
  }
}
