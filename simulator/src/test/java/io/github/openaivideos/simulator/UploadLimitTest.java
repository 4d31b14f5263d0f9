package io.github.openaivideos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class UploadLimitTest {

  @Test
  void uploadAboveTheConfiguredMaximumIsRejectedWith413() {
    try (VideosSimulator sim = VideosSimulator.builder().maxUploadBytes(4096).build().start()) {
      Api api = new Api(sim);
      byte[] big = new byte[8192];
      System.arraycopy(Fixtures.mp4MagicOnly(), 0, big, 0, 16);

      HttpResponse<String> response =
          api.postMultipart(
              "videos/characters",
              new Multipart().text("name", "n").file("video", "c.mp4", "video/mp4", big));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
      JsonNode error = Api.error(response);
      assertThat(error.get("code").asText()).isEqualTo("file_too_large");
      assertThat(error.get("message").asText())
          .isEqualTo("The upload is too large. The maximum upload size is 4096 bytes.");
      assertThat(response.headers().firstValue("x-request-id")).isPresent();
    }
  }

  @Test
  void brokenMultipartBodyIsA400() {
    try (VideosSimulator sim = VideosSimulator.builder().build().start()) {
      Api api = new Api(sim);
      HttpResponse<String> response =
          api.send(
              api.request("videos")
                  .header("Content-Type", "multipart/form-data; boundary=nope")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString("garbage"))
                  .build());

      CreateVideoTest.assertError(
          response,
          400,
          null,
          "invalid_multipart",
          "The multipart/form-data body could not be parsed.");
    }
  }

  @Test
  void uploadAtTheMaximumIsAccepted() {
    try (VideosSimulator sim = VideosSimulator.builder().maxUploadBytes(4096).build().start()) {
      byte[] exact = new byte[4096];
      System.arraycopy(Fixtures.mp4MagicOnly(), 0, exact, 0, 16);

      HttpResponse<String> response =
          new Api(sim)
              .postMultipart(
                  "videos/characters",
                  new Multipart().text("name", "n").file("video", "c.mp4", "video/mp4", exact));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
  }
}
