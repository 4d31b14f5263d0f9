package io.github.openaivideos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorMainTest {

  @Test
  void optionsConfigurePortDataDirKeyAndTiming(@TempDir Path dir) {
    VideosSimulator.Builder builder =
        SimulatorMain.parse(
            new String[] {
              "--port",
              "0",
              "--data-dir",
              dir.toString(),
              "--api-key",
              "sk-main",
              "--queued-ms",
              "0",
              "--in-progress-ms",
              "0"
            });

    try (VideosSimulator sim = builder.build().start()) {
      Api api = new Api(sim.baseUrl(), "sk-main");
      assertThat(api.create("{\"prompt\":\"p\"}").get("status").asText()).isEqualTo("completed");
      assertThat(api.withKey("sk-other").get("videos").statusCode()).isEqualTo(401);
    }
    assertThat(dir.resolve("videos")).isDirectory();
  }

  @Test
  void webhookOptionsMakeTheSimulatorDeliverSignedEvents() throws Exception {
    try (WebhookEndpoint endpoint = new WebhookEndpoint()) {
      VideosSimulator.Builder builder =
          SimulatorMain.parse(
              new String[] {
                "--port", "0",
                "--queued-ms", "0",
                "--in-progress-ms", "0",
                "--webhook-url", endpoint.url(),
                "--webhook-secret", "whsec_c2VjcmV0LWtleS1ieXRlcw=="
              });

      try (VideosSimulator sim = builder.build().start()) {
        String id = new Api(sim).create("{\"prompt\":\"p\"}").get("id").asText();

        WebhookEndpoint.Received received = endpoint.next();
        assertThat(received.body())
            .contains("\"type\":\"video.completed\",\"data\":{\"id\":\"" + id);
        assertThat(received.header("webhook-signature")).startsWith("v1,");
      }
    }
  }

  @Test
  void webhookOptionsComeInPairsAndTheSecretIsChecked() {
    assertThatThrownBy(
            () -> SimulatorMain.parse(new String[] {"--webhook-url", "http://127.0.0.1:9/h"}))
        .hasMessage("--webhook-url needs --webhook-secret");
    assertThatThrownBy(
            () -> SimulatorMain.parse(new String[] {"--webhook-secret", "whsec_c2VjcmV0"}))
        .hasMessage("--webhook-secret needs --webhook-url");
    assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--webhook-secret", "hunter2"}))
        .hasMessage("--webhook-secret: the webhook secret must start with whsec_");
  }

  @Test
  void helpReturnsNoBuilder() {
    assertThat(SimulatorMain.parse(new String[] {"--help"})).isNull();
  }

  @Test
  void unknownOptionAndMissingValueAreErrors() {
    assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--colour", "red"}))
        .hasMessage("Unknown option: --colour");
    assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port"}))
        .hasMessage("Missing value for --port");
    assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port", "http"}))
        .hasMessage("Not a number for --port: http");
  }
}
