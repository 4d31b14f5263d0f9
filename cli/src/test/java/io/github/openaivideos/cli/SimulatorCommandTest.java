package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
    Cli tool = Cli.withClients(ClientFactory.DEFAULT).stopSignal(stop::await);
    Future<Integer> running =
        thread.submit(
            () ->
                tool.run(
                    new String[] {"simulator", "--port", "0", "--queued-ms", "0"},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    Map.of()));

    String baseUrl = awaitBaseUrl(out);
    Map<String, String> env = Map.of("OPENAI_BASE_URL", baseUrl, "OPENAI_API_KEY", "sk-test");
    CliResult created =
        SimulatedCli.run(
            Cli.withClients(ClientFactory.DEFAULT), env, "create", "--prompt", "A cat");
    CliResult listed = SimulatedCli.run(Cli.withClients(ClientFactory.DEFAULT), env, "list");

    assertThat(created.exitCode()).isZero();
    assertThat(listed.out()).contains(CreateCommandTest.idIn(created.out()));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .endsWith("In another shell: export OPENAI_BASE_URL=" + baseUrl + "\n");

    stop.countDown();

    assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
    CliResult afterStop = SimulatedCli.run(Cli.withClients(ClientFactory.DEFAULT), env, "list");
    assertThat(afterStop.exitCode()).isEqualTo(1);
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
