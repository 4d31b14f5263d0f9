package io.github.openaivideos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private static VideosSimulator sim;
  private static Api api;
  private static String video;

  @BeforeAll
  static void start() {
    sim = VideosSimulator.builder().timing(Timing.instant()).build().start();
    api = new Api(sim);
    video = api.create("{\"prompt\":\"p\"}").get("id").asText();
  }

  @AfterEach
  void clear() {
    sim.faults().clear();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void rateLimitFaultAnswers429WithRetryAfterOnceThenRecovers() {
    sim.faults().next(Fault.status(429).retryAfterSeconds(2));

    HttpResponse<String> limited = api.get("videos");
    HttpResponse<String> after = api.get("videos");

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("retry-after")).hasValue("2");
    assertThat(limited.headers().firstValue("retry-after-ms")).hasValue("2000");
    assertThat(limited.headers().firstValue("x-request-id")).isPresent();
    JsonNode error = Api.error(limited);
    assertThat(error.get("type").asText()).isEqualTo("requests");
    assertThat(error.get("code").asText()).isEqualTo("rate_limit_exceeded");
    assertThat(error.get("message").asText())
        .isEqualTo("Rate limit reached (simulated fault). Please try again later.");
    assertThat(error.get("param").isNull()).isTrue();
    assertThat(after.statusCode()).isEqualTo(200);
  }

  @Test
  void countedServerErrorFaultHitsExactlyTheNextRequests() {
    sim.faults().next(2, Fault.status(503));
    assertThat(sim.faults().pending()).isEqualTo(2);

    assertThat(api.get("videos").statusCode()).isEqualTo(503);
    HttpResponse<String> second = api.postJson("videos", "{\"prompt\":\"p\"}");
    assertThat(api.get("videos").statusCode()).isEqualTo(200);

    assertThat(second.statusCode()).isEqualTo(503);
    JsonNode error = Api.error(second);
    assertThat(error.get("type").asText()).isEqualTo("server_error");
    assertThat(error.get("message").asText()).isEqualTo("Simulated fault: HTTP 503.");
    assertThat(second.headers().firstValue("retry-after")).isEmpty();
    assertThat(sim.faults().pending()).isZero();
  }

  @Test
  void internalServerErrorFault() {
    sim.faults().next(Fault.status(500));

    assertThat(api.get("videos/" + video).statusCode()).isEqualTo(500);
  }

  @Test
  void pathFilteredFaultSkipsOtherPathsAndStaysQueued() {
    sim.faults().next(Fault.status(500).onPaths("/v1/videos/[^/]+/content"));

    assertThat(api.get("videos").statusCode()).isEqualTo(200);
    assertThat(api.get("videos/" + video).statusCode()).isEqualTo(200);
    assertThat(sim.faults().pending()).isEqualTo(1);
    assertThat(api.get("videos/" + video + "/content?variant=thumbnail").statusCode())
        .isEqualTo(500);
    assertThat(sim.faults().pending()).isZero();
  }

  @Test
  void delayFaultSlowsTheResponseDown() {
    sim.faults().next(Fault.delay(Duration.ofMillis(400)));

    long start = System.nanoTime();
    HttpResponse<String> slow = api.get("videos");
    long slowMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(slow.statusCode()).isEqualTo(200);
    assertThat(slowMillis).isGreaterThanOrEqualTo(400);
  }

  @Test
  void droppedConnectionFailsTheClientMidBody() {
    sim.faults().next(Fault.dropConnectionMidBody());

    assertThatThrownBy(() -> api.getBytes("videos/" + video + "/content?variant=thumbnail"))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(api.getBytes("videos/" + video + "/content?variant=thumbnail").statusCode())
        .isEqualTo(200);
  }

  @Test
  void droppedConnectionSendsTheFullContentLengthButHalfTheBytes() throws IOException {
    long fullLength = api.getBytes("videos/" + video + "/content?variant=thumbnail").body().length;
    sim.faults().next(Fault.dropConnectionMidBody());

    byte[] raw;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /v1/videos/"
                  + video
                  + "/content?variant=thumbnail HTTP/1.1\r\n"
                  + "Host: 127.0.0.1\r\nAuthorization: Bearer k\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      raw = in.readAllBytes();
    }
    String response = new String(raw, StandardCharsets.ISO_8859_1);
    int headerEnd = response.indexOf("\r\n\r\n") + 4;

    assertThat(response).startsWith("HTTP/1.1 200");
    assertThat(response.substring(0, headerEnd).toLowerCase(Locale.ROOT))
        .contains("content-length: " + fullLength + "\r\n");
    assertThat(raw.length - headerEnd).isEqualTo((int) (fullLength / 2));
  }

  @Test
  void faultsRejectNonsense() {
    assertThatThrownBy(() -> Fault.status(200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.delay(Duration.ofSeconds(1)).retryAfterSeconds(1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sim.faults().next(0, Fault.status(500)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Fault.status(429).retryAfterSeconds(1).onPaths("/v1/videos").toString())
        .isEqualTo("Fault.status(429).retryAfterSeconds(1).onPaths(\"/v1/videos\")");
  }
}
