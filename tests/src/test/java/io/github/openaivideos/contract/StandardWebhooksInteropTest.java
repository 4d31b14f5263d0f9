package io.github.openaivideos.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.openaivideos.VideoEvent;
import io.github.openaivideos.WebhookVerificationException;
import io.github.openaivideos.Webhooks;
import io.github.openaivideos.simulator.Timing;
import io.github.openaivideos.simulator.VideosSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook signatures cross-checked with an independent implementation, the npm package {@code
 * standardwebhooks}: what it signs, the SDK's {@link Webhooks} verifies; what the simulator sends,
 * it verifies. Each direction also shows that a change of one byte or of the secret is refused, so
 * agreement is not an accident of a check that passes everything.
 */
class StandardWebhooksInteropTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String OTHER_SECRET = "whsec_QkqzZlwqRVFbLdSkP7KxTQrTtaNRt2e3";
  private static final List<String> BODIES =
      List.of(
          "{\"id\":\"evt_1\",\"object\":\"event\",\"created_at\":1795608000,"
              + "\"type\":\"video.completed\",\"data\":{\"id\":\"video_1\"}}",
          "{\"id\":\"evt_2\",\"object\":\"event\",\"created_at\":1795608000,"
              + "\"type\":\"video.failed\",\"data\":{\"id\":\"video_2\"}}",
          // An unknown type, non-ASCII text and whitespace: signed as the exact UTF-8 bytes.
          "{\n  \"id\": \"evt_3\", \"object\": \"event\", \"created_at\": 1795608000,\n"
              + "  \"type\": \"video.archived\", \"data\": {\"id\": \"video_3\"}, \"note\": \"d\u00e9j\u00e0"
              + " vu \uD83C\uDFAC\"\n}");

  @TempDir Path work;
  private StandardWebhooksJs js;

  @BeforeEach
  void locate() throws IOException {
    js = StandardWebhooksJs.locate(work);
  }

  @Test
  void eventsSignedByStandardWebhooksVerifyWithTheSdk() throws Exception {
    long now = Instant.now().getEpochSecond();
    for (int i = 0; i < BODIES.size(); i++) {
      js.sign(SECRET, "msg_" + i, now, BODIES.get(i));
    }
    JsonNode signed = js.run();

    List<VideoEvent> events = new ArrayList<>();
    for (int i = 0; i < BODIES.size(); i++) {
      events.add(
          Webhooks.of(SECRET)
              .unwrap(
                  BODIES.get(i),
                  headers("msg_" + i, now, signed.get(i).get("signature").asText())));
    }

    assertThat(events.get(0)).isInstanceOf(VideoEvent.Completed.class);
    assertThat(((VideoEvent.Completed) events.get(0)).videoId()).isEqualTo("video_1");
    assertThat(events.get(1)).isInstanceOf(VideoEvent.Failed.class);
    assertThat(events.get(2)).isInstanceOf(VideoEvent.Unknown.class);
    assertThat(((VideoEvent.Unknown) events.get(2)).body()).isEqualTo(BODIES.get(2));
    assertThat(events.get(2).event().additionalProperties())
        .containsEntry("note", "d\u00e9j\u00e0 vu \uD83C\uDFAC");
  }

  @Test
  void theSdkRefusesWhatStandardWebhooksSignedWithAnotherSecretOrForAnotherBody() throws Exception {
    long now = Instant.now().getEpochSecond();
    JsonNode signed =
        js.sign(OTHER_SECRET, "msg_1", now, BODIES.get(0))
            .sign(SECRET, "msg_1", now, BODIES.get(0))
            .run();
    String signature = signed.get(0).get("signature").asText();
    String own = signed.get(1).get("signature").asText();

    assertThatThrownBy(
            () -> Webhooks.of(SECRET).unwrap(BODIES.get(0), headers("msg_1", now, signature)))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(
            () ->
                Webhooks.of(SECRET)
                    .unwrap(
                        BODIES.get(0).replace("video_1", "video_7"), headers("msg_1", now, own)))
        .isInstanceOf(WebhookVerificationException.class);
    // Both libraries agree on rotation: a list with the right signature among others passes.
    assertThat(
            Webhooks.of(SECRET).unwrap(BODIES.get(0), headers("msg_1", now, signature + " " + own)))
        .isInstanceOf(VideoEvent.Completed.class);
  }

  @Test
  void eventsTheSimulatorSendsVerifyWithStandardWebhooks() throws Exception {
    BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
    HttpServer endpoint =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    endpoint.createContext(
        "/hooks",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Delivery(
                  body,
                  Map.of(
                      "webhook-id", exchange.getRequestHeaders().getFirst("webhook-id"),
                      "webhook-timestamp",
                          exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                      "webhook-signature",
                          exchange.getRequestHeaders().getFirst("webhook-signature"))));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    endpoint.start();
    List<Delivery> deliveries = new ArrayList<>();
    try (VideosSimulator sim =
        VideosSimulator.builder()
            .timing(Timing.instant())
            .webhookUrl("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hooks")
            .webhookSecret(SECRET)
            .build()
            .start()) {
      String completed = create(sim.baseUrl(), "A calico cat");
      String failed = create(sim.baseUrl(), "A forbidden dance");
      for (int i = 0; i < 2; i++) {
        Delivery next = received.poll(10, TimeUnit.SECONDS);
        assertThat(next).as("delivery %s", i).isNotNull();
        deliveries.add(next);
      }
      if (!deliveries.get(0).body().contains(completed)) {
        deliveries.add(deliveries.remove(0)); // the completed job's event first
      }

      for (Delivery d : deliveries) {
        js.verify(SECRET, d.headers(), d.body());
      }
      js.verify(
          SECRET,
          deliveries.get(0).headers(),
          deliveries.get(0).body().replace("completed", "complete!"));
      js.verify(OTHER_SECRET, deliveries.get(0).headers(), deliveries.get(0).body());
      JsonNode results = js.run();

      assertThat(results.get(0).get("ok").asBoolean()).as(results.get(0).toString()).isTrue();
      assertThat(results.get(0).get("payload").get("type").asText()).isEqualTo("video.completed");
      assertThat(results.get(0).get("payload").get("data").get("id").asText()).isEqualTo(completed);
      assertThat(results.get(1).get("ok").asBoolean()).as(results.get(1).toString()).isTrue();
      assertThat(results.get(1).get("payload").get("type").asText()).isEqualTo("video.failed");
      assertThat(results.get(1).get("payload").get("data").get("id").asText()).isEqualTo(failed);
      assertThat(results.get(2).toString())
          .isEqualTo("{\"ok\":false,\"error\":\"No matching signature found\"}");
      assertThat(results.get(3).toString())
          .isEqualTo("{\"ok\":false,\"error\":\"No matching signature found\"}");
    } finally {
      endpoint.stop(0);
    }
  }

  record Delivery(String body, Map<String, String> headers) {}

  private static Map<String, String> headers(String id, long timestamp, String signature) {
    return Map.of(
        "webhook-id",
        id,
        "webhook-timestamp",
        Long.toString(timestamp),
        "webhook-signature",
        signature);
  }

  private static String create(URI baseUrl, String prompt) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(baseUrl.resolve("videos"))
                    .header("Authorization", "Bearer sk-test")
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            StandardWebhooksJs.JSON
                                .createObjectNode()
                                .put("prompt", prompt)
                                .toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return StandardWebhooksJs.JSON.readTree(response.body()).get("id").asText();
  }
}
