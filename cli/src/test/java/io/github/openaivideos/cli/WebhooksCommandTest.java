package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.VideosClient;
import io.github.openaivideos.simulator.Timing;
import io.github.openaivideos.simulator.VideosSimulator;
import io.github.openaivideos.simulator.WebhookDelivery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code videos webhooks listen}: prints verified events from the simulator, refuses the rest; and
 * {@code videos simulator --webhook-url} sends them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebhooksCommandTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Pattern LISTENING =
      Pattern.compile(
          "Listening for webhooks on (http://127\\.0\\.0\\.1:\\d+/webhooks) \\(Ctrl-C to stop\\)\n");
  private static final Pattern SIMULATOR =
      Pattern.compile("Simulator listening on (http://127\\.0\\.0\\.1:\\d+/v1/)");

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch stop = new CountDownLatch(1);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stopAll() throws InterruptedException {
    stop.countDown();
    threads.shutdown();
    threads.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** A command running in the background until {@link #stop}. */
  private final class Running {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Future<Integer> exit;

    Running(Map<String, String> env, String... args) {
      Cli tool = Cli.withClients(ClientFactory.DEFAULT).stopSignal(stop::await);
      exit =
          threads.submit(
              () ->
                  tool.run(
                      args,
                      new PrintStream(out, true, StandardCharsets.UTF_8),
                      new PrintStream(err, true, StandardCharsets.UTF_8),
                      env));
    }

    String out() {
      return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
      return err.toString(StandardCharsets.UTF_8);
    }

    String await(Pattern pattern, ByteArrayOutputStream stream) throws InterruptedException {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
      while (Instant.now().isBefore(deadline)) {
        Matcher m = pattern.matcher(stream.toString(StandardCharsets.UTF_8));
        if (m.find()) {
          return m.group(1);
        }
        Thread.sleep(20);
      }
      throw new AssertionError("no match of " + pattern + " in: " + stream);
    }
  }

  @Test
  void listenPrintsEachEventTheSimulatorCommandSendsAsOneLine() throws Exception {
    Running listener =
        new Running(Map.of(), "webhooks", "listen", "--port", "0", "--secret", SECRET);
    String url = listener.await(LISTENING, listener.out);
    Running simulator =
        new Running(
            Map.of(),
            "simulator",
            "--port",
            "0",
            "--queued-ms",
            "0",
            "--in-progress-ms",
            "0",
            "--webhook-url",
            url,
            "--webhook-secret",
            SECRET);
    String baseUrl = simulator.await(SIMULATOR, simulator.out);
    Map<String, String> env = Map.of("OPENAI_BASE_URL", baseUrl, "OPENAI_API_KEY", "sk-test");

    CliResult created =
        SimulatedCli.run(
            Cli.withClients(ClientFactory.DEFAULT), env, "create", "--prompt", "A cat");
    String videoId = CreateCommandTest.idIn(created.out());
    String eventLine =
        listener.await(
            Pattern.compile("(video\\.completed " + videoId + " evt_\\S+ \\S+)\n"), listener.out);
    String delivered =
        simulator.await(
            Pattern.compile("(webhook evt_\\S+ video\\.completed " + videoId + " .*)\n"),
            simulator.err);
    stop.countDown();

    String eventId = eventLine.split(" ", -1)[2];
    assertThat(eventLine)
        .matches(
            "video\\.completed video_[0-9a-f]{32} evt_[0-9a-f]{32} \\d{4}-\\d\\d-\\d\\dT[0-9:]+Z");
    assertThat(delivered)
        .isEqualTo(
            "webhook " + eventId + " video.completed " + videoId + " attempt 1/5: 204 delivered");
    assertThat(listener.exit.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(simulator.exit.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(listener.out())
        .isEqualTo("Listening for webhooks on " + url + " (Ctrl-C to stop)\n" + eventLine + "\n");
    assertThat(listener.err()).isEmpty();
    assertThat(listener.out() + listener.err() + simulator.out() + simulator.err())
        .doesNotContain(SECRET.substring(6));
  }

  @Test
  void withJsonEachEventIsOneLineOfTheEventAsSent() throws Exception {
    Running listener =
        new Running(
            Map.of("OPENAI_WEBHOOK_SECRET", SECRET), "webhooks", "listen", "--port", "0", "--json");
    String url = listener.await(LISTENING, listener.out);
    List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    try (VideosSimulator sim =
        VideosSimulator.builder()
            .timing(Timing.instant())
            .webhookUrl(url)
            .webhookSecret(SECRET)
            .onWebhookDelivery(deliveries::add)
            .build()
            .start()) {
      String videoId = createVideo(sim.baseUrl(), "A cat");
      String line = listener.await(Pattern.compile("(\\{.*\\})\n"), listener.out);
      awaitUntil(deliveries, d -> !d.isEmpty());

      long completedAt;
      try (VideosClient client =
          VideosClient.builder().baseUrl(sim.baseUrl()).apiKey("sk-test").build()) {
        completedAt = client.retrieve(videoId).completedAt().orElseThrow();
      }
      assertThat(line)
          .isEqualTo(
              "{\"id\":\""
                  + deliveries.get(0).eventId()
                  + "\",\"object\":\"event\",\"created_at\":"
                  + completedAt
                  + ",\"type\":\"video.completed\",\"data\":{\"id\":\""
                  + videoId
                  + "\"}}");
    }
  }

  @Test
  void anUnverifiedDeliveryIsRefusedWithTheReasonOnStderr() throws Exception {
    Running listener =
        new Running(Map.of(), "webhooks", "listen", "--port", "0", "--secret", SECRET);
    String url = listener.await(LISTENING, listener.out);
    String body =
        "{\"id\":\"evt_1\",\"object\":\"event\",\"created_at\":1,\"type\":\"video.completed\",\"data\":{\"id\":\"video_1\"}}";

    HttpResponse<String> forged =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("webhook-id", "msg_1")
                .header("webhook-timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("webhook-signature", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> stale =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("webhook-id", "msg_1")
                .header("webhook-timestamp", "1000")
                .header("webhook-signature", "v1,AAAA")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    stop.countDown();

    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(stale.statusCode()).isEqualTo(400);
    assertThat(listener.exit.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(listener.err())
        .startsWith(
            "refused: no signature matches (1 checked): the secret differs, or the body, id or"
                + " timestamp was changed\n"
                + "refused: the timestamp 1970-01-01T00:16:40Z is ")
        .endsWith(" s in the past; tolerance 300 s (a replay or a late delivery)\n");
    assertThat(listener.out())
        .isEqualTo("Listening for webhooks on " + url + " (Ctrl-C to stop)\n");
  }

  @Test
  void listenWithoutASecretIsABadUsage() {
    CliResult result =
        SimulatedCli.run(Cli.withClients(ClientFactory.DEFAULT), Map.of(), "webhooks", "listen");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: no webhook secret: pass --secret whsec_... or set OPENAI_WEBHOOK_SECRET\n");
  }

  @Test
  void aMalformedSecretIsABadUsageThatDoesNotQuoteIt() {
    CliResult result =
        SimulatedCli.run(
            Cli.withClients(ClientFactory.DEFAULT),
            Map.of(),
            "webhooks",
            "listen",
            "--secret",
            "whsec_hunter2!");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: the webhook secret is malformed: the part after whsec_ is not base64\n");
  }

  @Test
  void theSimulatorsWebhookUrlNeedsASecret() {
    CliResult result =
        SimulatedCli.run(
            Cli.withClients(ClientFactory.DEFAULT).stopSignal(() -> {}),
            Map.of(),
            "simulator",
            "--port",
            "0",
            "--webhook-url",
            "http://127.0.0.1:9/webhooks");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --webhook-url needs --webhook-secret whsec_... (or OPENAI_WEBHOOK_SECRET)\n");
  }

  private static String createVideo(URI baseUrl, String prompt) {
    Map<String, String> env =
        Map.of("OPENAI_BASE_URL", baseUrl.toString(), "OPENAI_API_KEY", "sk-test");
    CliResult created =
        SimulatedCli.run(Cli.withClients(ClientFactory.DEFAULT), env, "create", "--prompt", prompt);
    return CreateCommandTest.idIn(created.out());
  }

  private static <T> void awaitUntil(T value, Predicate<T> condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (!condition.test(value) && Instant.now().isBefore(deadline)) {
      Thread.sleep(10);
    }
  }
}
