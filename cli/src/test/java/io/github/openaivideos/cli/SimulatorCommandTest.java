package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code videos simulator}: runs in the foreground, serves other commands, stops when told. */
class SimulatorCommandTest {
  private static final Pattern LISTENING =
      Pattern.compile(
          "Simulator listening on (http://127\\.0\\.0\\.1:\\d+/v1/) \\(Ctrl-C to stop\\)\n");

  private final ExecutorService thread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    thread.shutdownNow();
  }

  @Test
  void theSimulatorPrintsItsUrlServesOtherCommandsAndStopsOnTheSignal() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Future<Integer> running = start(stop, out, "simulator", "--port", "0", "--queued-ms", "0");

    String baseUrl = awaitBaseUrl(out);
    Map<String, String> env = Map.of("OPENAI_BASE_URL", baseUrl, "OPENAI_API_KEY", "sk-test");
    CliResult created =
        SimulatedCli.run(
            Cli.withClients(ClientFactory.DEFAULT), env, "create", "--prompt", "A cat");
    CliResult listed = SimulatedCli.run(Cli.withClients(ClientFactory.DEFAULT), env, "list");

    assertThat(created.exitCode()).isZero();
    assertThat(listed.out()).contains(CreateCommandTest.idIn(created.out()));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "Simulator listening on "
                + baseUrl
                + " (Ctrl-C to stop)\n"
                + "In another shell: export OPENAI_BASE_URL="
                + baseUrl
                + " OPENAI_API_KEY=sk-simulator\n"
                + "Any non-empty API key is accepted; add --api-key KEY to require one.\n");

    stop.countDown();

    assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
    CliResult afterStop = SimulatedCli.run(Cli.withClients(ClientFactory.DEFAULT), env, "list");
    assertThat(afterStop.exitCode()).isEqualTo(1);
  }

  @Test
  void apiKeyMakesTheSimulatorRequireThatKeyAndTheHintNamesBothVariables() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Future<Integer> running =
        start(stop, out, "simulator", "--port", "0", "--api-key", "sk-only-this-one");

    String baseUrl = awaitBaseUrl(out);
    CliResult wrongKey =
        SimulatedCli.run(
            Cli.withClients(ClientFactory.DEFAULT),
            Map.of("OPENAI_BASE_URL", baseUrl, "OPENAI_API_KEY", "sk-some-other-key"),
            "list");
    CliResult rightKey =
        SimulatedCli.run(
            Cli.withClients(ClientFactory.DEFAULT),
            Map.of("OPENAI_BASE_URL", baseUrl, "OPENAI_API_KEY", "sk-only-this-one"),
            "list");
    stop.countDown();

    assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(wrongKey.exitCode()).as(wrongKey.err()).isEqualTo(1);
    assertThat(wrongKey.err()).contains("401");
    assertThat(rightKey.exitCode()).as(rightKey.err()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "Simulator listening on "
                + baseUrl
                + " (Ctrl-C to stop)\n"
                + "In another shell: export OPENAI_BASE_URL="
                + baseUrl
                + " OPENAI_API_KEY=<the key given to --api-key>\n")
        .doesNotContain("sk-only-this-one");
  }

  @Test
  void helpListsOnlyTheOptionsThatDoSomething() {
    CliResult help =
        SimulatedCli.run(Cli.withClients(ClientFactory.DEFAULT), Map.of(), "simulator", "--help");

    assertThat(help.exitCode()).isZero();
    TreeSet<String> options = new TreeSet<>();
    Matcher option = Pattern.compile("--[a-z][a-z-]*").matcher(help.out());
    while (option.find()) {
      options.add(option.group());
    }
    assertThat(options)
        .contains("--api-key", "--data-dir", "--help", "--in-progress-ms", "--port", "--queued-ms")
        .doesNotContain("--base-url", "--simulator", "--json", "--no-progress", "--version");
    assertThat(help.out()).contains("--api-key=KEY         Accept only this API key (default: any");
  }

  @Test
  void globalOptionsThatWouldDoNothingAreRejected() {
    for (String option :
        new String[] {
          "--json", "-q", "--quiet", "--debug", "--no-progress", "--simulator", "--version"
        }) {
      CliResult result =
          SimulatedCli.run(Cli.withClients(ClientFactory.DEFAULT), Map.of(), "simulator", option);

      assertThat(result.exitCode()).as(option).isEqualTo(2);
      assertThat(result.err()).as(option).startsWith("error: unknown option '" + option + "'");
    }
  }

  @Test
  void aTakenPortIsOneLineAndExitCodeOne() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      CliResult result =
          SimulatedCli.run(
              Cli.withClients(ClientFactory.DEFAULT),
              Map.of(),
              "simulator",
              "--port",
              Integer.toString(port));

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.out()).isEmpty();
      assertThat(result.err())
          .isEqualTo(
              "error: Cannot listen on 127.0.0.1:"
                  + port
                  + ": the port is already in use. Stop the other process, or pick another port"
                  + " with --port N (0 = any).\n");
    }
  }

  @Test
  void aDataDirectoryThatCannotBeWrittenIsOneLineAndExitCodeOne(@TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");

    CliResult result =
        SimulatedCli.run(
            Cli.withClients(ClientFactory.DEFAULT),
            Map.of(),
            "simulator",
            "--port",
            "0",
            "--data-dir",
            file.resolve("data").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: Cannot write the data directory "
                + file.resolve("data")
                + ": "
                + file
                + " is a file, not a directory. Pick another directory with --data-dir DIR.\n");
  }

  private Future<Integer> start(CountDownLatch stop, ByteArrayOutputStream out, String... args) {
    Cli tool = Cli.withClients(ClientFactory.DEFAULT).stopSignal(stop::await);
    return thread.submit(
        () ->
            tool.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of()));
  }

  private static String awaitBaseUrl(ByteArrayOutputStream out) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      Matcher m = LISTENING.matcher(out.toString(StandardCharsets.UTF_8));
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the simulator printed no URL: " + out);
  }
}
