package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.VideoReference;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.ExtensionSeconds;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoSeconds;
import io.github.openaivideos.models.VideoSize;
import io.github.openaivideos.models.VideoStatus;
import io.github.openaivideos.simulator.Timing;
import io.github.openaivideos.simulator.VideosSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user's own test looks like: the published SDK against the published simulator. */
class ConsumerTest {

  @Test
  void createWaitExtendAndDownloadAgainstTheSimulator(@TempDir Path dir) throws Exception {
    try (VideosSimulator simulator =
            VideosSimulator.builder()
                .port(0)
                .timing(Timing.of(Duration.ofMillis(50), Duration.ofMillis(200)))
                .build()
                .start();
        VideosClient client =
            VideosClient.builder()
                .baseUrl(simulator.baseUrl())
                .apiKey("sk-consumer-test")
                .pollInterval(Duration.ofMillis(50))
                .maxPollInterval(Duration.ofMillis(100))
                .build()) {
      Video created =
          client.create(
              CreateVideoRequest.builder()
                  .prompt("A lighthouse at dusk")
                  .seconds(VideoSeconds.S4)
                  .size(VideoSize.S1280x720)
                  .build());
      Video done = client.waitUntilDone(created.id(), progress -> {});
      assertThat(done.status()).isEqualTo(VideoStatus.COMPLETED);
      assertThat(done.seconds()).isEqualTo("4");

      Video longer =
          client.extendAndWait(
              ExtendVideoRequest.builder()
                  .video(VideoReference.id(done.id()))
                  .prompt("the light turns on")
                  .seconds(ExtensionSeconds.S4)
                  .build(),
              progress -> {});
      assertThat(longer.status()).isEqualTo(VideoStatus.COMPLETED);
      assertThat(longer.seconds()).isEqualTo("8");

      Path mp4 = dir.resolve("longer.mp4");
      long bytes = client.download(longer.id(), ContentVariant.VIDEO, mp4);
      assertThat(bytes).isPositive().isEqualTo(Files.size(mp4));
      byte[] head = new byte[8];
      System.arraycopy(Files.readAllBytes(mp4), 0, head, 0, 8);
      assertThat(new String(head, 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("ftyp");
    }
  }
}
