package io.github.openaivideos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed webhook events when jobs finish: content, signature, retries, and what is not sent. */
class WebhookDeliveryTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final String SECRET =
      "whsec_"
          + Base64.getEncoder()
              .encodeToString(
                  "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

  private final MutableClock clock = new MutableClock(START);
  private final List<WebhookDelivery> logged = new CopyOnWriteArrayList<>();
  private WebhookEndpoint endpoint;
  private VideosSimulator sim;

  private Api start(Timing timing, WebhookEndpoint target) {
    return start(timing, target, Duration.ofMillis(20));
  }

  private Api start(Timing timing, WebhookEndpoint target, Duration firstRetryDelay) {
    endpoint = target;
    sim =
        VideosSimulator.builder()
            .clock(clock)
            .timing(timing)
            .webhookUrl(target.url())
            .webhookSecret(SECRET)
            .webhookRetries(3, firstRetryDelay)
            .onWebhookDelivery(logged::add)
            .build()
            .start();
    return new Api(sim);
  }

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Test
  void aCompletedJobSendsOneEventSignedPerStandardWebhooks() throws Exception {
    Api api =
        start(Timing.of(Duration.ofSeconds(10), Duration.ofSeconds(20)), new WebhookEndpoint());
    String id = api.create("{\"prompt\":\"a sunrise\"}").get("id").asText();
    endpoint.assertNothingWithin(Duration.ofMillis(300)); // still queued

    clock.advance(Duration.ofSeconds(30));
    WebhookEndpoint.Received received = endpoint.next();

    JsonNode event = Api.JSON.readTree(received.body());
    assertThat(event.get("id").asText()).matches("evt_[0-9a-f]{32}");
    assertThat(received.body())
        .isEqualTo(
            "{\"id\":\""
                + event.get("id").asText()
                + "\",\"object\":\"event\",\"created_at\":"
                + (START.getEpochSecond() + 30)
                + ",\"type\":\"video.completed\",\"data\":{\"id\":\""
                + id
                + "\"}}");
    String webhookId = received.header("webhook-id");
    String timestamp = received.header("webhook-timestamp");
    assertThat(webhookId).matches("wh_[0-9a-f]{32}");
    assertThat(timestamp).isEqualTo(Long.toString(START.getEpochSecond() + 30));
    assertThat(received.header("content-type")).isEqualTo("application/json");
    assertThat(received.header("webhook-signature"))
        .isEqualTo("v1," + hmac(webhookId + "." + timestamp + "." + received.body()));
    endpoint.assertNothingWithin(Duration.ofMillis(300)); // once
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0).toString())
        .isEqualTo(
            event.get("id").asText() + " video.completed " + id + " attempt 1/3: 204 delivered");
    assertThat(sim.webhookDeliveries()).isEqualTo(logged);
  }

  @Test
  void aFailedJobSendsVideoFailed() throws Exception {
    Api api = start(Timing.instant(), new WebhookEndpoint());

    String id = api.create("{\"prompt\":\"a forbidden dance\"}").get("id").asText();

    JsonNode event = Api.JSON.readTree(endpoint.next().body());
    assertThat(event.get("type").asText()).isEqualTo("video.failed");
    assertThat(event.get("data").get("id").asText()).isEqualTo(id);
  }

  @Test
  void aDeliveryWithoutA2xxIsRetriedWithTheSameIdsAndAFreshSignature() throws Exception {
    // Attempts at 0, 0.3 and 0.9 s: the clock moves before the later ones.
    Api api = start(Timing.instant(), new WebhookEndpoint(500, 503), Duration.ofMillis(300));

    String id = api.create("{\"prompt\":\"a sunrise\"}").get("id").asText();
    WebhookEndpoint.Received first = endpoint.next();
    clock.advance(Duration.ofSeconds(7));
    WebhookEndpoint.Received second = endpoint.next();
    WebhookEndpoint.Received third = endpoint.next();

    assertThat(List.of(first.body(), second.body(), third.body())).containsOnly(first.body());
    assertThat(List.of(second.header("webhook-id"), third.header("webhook-id")))
        .containsOnly(first.header("webhook-id"));
    assertThat(third.header("webhook-timestamp"))
        .isEqualTo(Long.toString(START.getEpochSecond() + 7));
    assertThat(third.header("webhook-signature"))
        .isEqualTo(
            "v1,"
                + hmac(
                    third.header("webhook-id")
                        + "."
                        + third.header("webhook-timestamp")
                        + "."
                        + third.body()));
    String eventId = Api.JSON.readTree(first.body()).get("id").asText();
    awaitDeliveries(3);
    assertThat(lines(logged))
        .containsExactly(
            eventId + " video.completed " + id + " attempt 1/3: 500 (will retry)",
            eventId + " video.completed " + id + " attempt 2/3: 503 (will retry)",
            eventId + " video.completed " + id + " attempt 3/3: 204 delivered");
  }

  @Test
  void deliveryGivesUpAfterTheLastAttempt() throws Exception {
    Api api = start(Timing.instant(), new WebhookEndpoint(500, 500, 500, 500));

    String id = api.create("{\"prompt\":\"a sunrise\"}").get("id").asText();
    endpoint.next();
    endpoint.next();
    endpoint.next();

    endpoint.assertNothingWithin(Duration.ofMillis(500));
    awaitDeliveries(3);
    assertThat(logged.get(2).toString()).endsWith(id + " attempt 3/3: 500 (gave up)");
    assertThat(logged).extracting(WebhookDelivery::delivered).containsOnly(false);
  }

  @Test
  void anUnreachableEndpointIsRetriedThenGivenUp() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    endpoint = new WebhookEndpoint();
    sim =
        VideosSimulator.builder()
            .clock(clock)
            .timing(Timing.instant())
            .webhookUrl("http://127.0.0.1:" + closedPort + "/hooks")
            .webhookSecret(SECRET)
            .webhookRetries(2, Duration.ofMillis(10))
            .onWebhookDelivery(logged::add)
            .build()
            .start();

    String id = new Api(sim).create("{\"prompt\":\"a sunrise\"}").get("id").asText();

    awaitDeliveries(2);
    assertThat(lines(logged))
        .allSatisfy(line -> assertThat(line).contains(" video.completed " + id + " attempt "))
        .extracting(line -> line.substring(line.indexOf(" attempt ")))
        .containsExactly(
            " attempt 1/2: connection refused (will retry)",
            " attempt 2/2: connection refused (gave up)");
  }

  @Test
  void aJobDeletedBeforeItFinishesSendsNothing() throws Exception {
    Api api =
        start(Timing.of(Duration.ofSeconds(10), Duration.ofSeconds(20)), new WebhookEndpoint());
    String id = api.create("{\"prompt\":\"a sunrise\"}").get("id").asText();

    assertThat(api.delete("videos/" + id).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(1));

    endpoint.assertNothingWithin(Duration.ofMillis(400));
    assertThat(sim.webhookDeliveries()).isEmpty();
  }

  @Test
  void afterARestartOnlyJobsThatFinishLaterSendAnEvent(@TempDir Path dir) throws Exception {
    String finished;
    String running;
    try (VideosSimulator first =
        VideosSimulator.builder()
            .dataDir(dir)
            .clock(clock)
            .timing(Timing.of(Duration.ofSeconds(10), Duration.ofSeconds(20)))
            .build()
            .start()) {
      Api api = new Api(first);
      finished = api.create("{\"prompt\":\"first\"}").get("id").asText();
      clock.advance(Duration.ofSeconds(40));
      running = api.create("{\"prompt\":\"second\"}").get("id").asText();
    }
    endpoint = new WebhookEndpoint();
    sim =
        VideosSimulator.builder()
            .dataDir(dir)
            .clock(clock)
            .timing(Timing.of(Duration.ofSeconds(10), Duration.ofSeconds(20)))
            .webhookUrl(endpoint.url())
            .webhookSecret(SECRET)
            .build()
            .start();

    clock.advance(Duration.ofSeconds(30));

    JsonNode event = Api.JSON.readTree(endpoint.next().body());
    assertThat(event.get("data").get("id").asText()).isEqualTo(running).isNotEqualTo(finished);
    endpoint.assertNothingWithin(Duration.ofMillis(400));
  }

  @Test
  void withoutAWebhookUrlNothingIsDelivered() {
    try (VideosSimulator plain =
        VideosSimulator.builder().timing(Timing.instant()).build().start()) {
      new Api(plain).create("{\"prompt\":\"a sunrise\"}");

      assertThat(plain.webhookDeliveries()).isEmpty();
    }
  }

  @Test
  void theBuilderRefusesHalfAConfigurationAndAMalformedSecretWithoutQuotingIt() {
    assertThatThrownBy(() -> VideosSimulator.builder().webhookUrl("http://127.0.0.1:1/h").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a webhook URL needs a webhook secret (whsec_...)");
    assertThatThrownBy(() -> VideosSimulator.builder().webhookSecret(SECRET).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a webhook secret needs a webhook URL");
    assertThatThrownBy(() -> VideosSimulator.builder().webhookSecret("s3cr3t-value"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the webhook secret must start with whsec_");
    assertThatThrownBy(() -> VideosSimulator.builder().webhookSecret("whsec_s3cr3t*value"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the webhook secret must be whsec_ followed by base64");
    assertThatThrownBy(() -> VideosSimulator.builder().webhookUrl("ftp://example.com/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("webhook URL must be an http or https URL: ftp://example.com/x");
  }

  private void awaitDeliveries(int count) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (logged.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(logged).hasSize(count);
  }

  private static List<String> lines(List<WebhookDelivery> deliveries) {
    List<String> lines = new ArrayList<>();
    deliveries.forEach(d -> lines.add(d.toString()));
    return lines;
  }

  private static String hmac(String content) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
    return Base64.getEncoder()
        .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
  }
}
