package io.github.openaivideos.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.simulator.Timing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo runs offline against the embedded simulator and leaves real assets behind. */
class DemoTest {
  @TempDir Path folder;

  @Test
  void withoutAKeyTheDemoRunsAgainstTheSimulatorAndDownloadsAllThreeAssets() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    Map<ContentVariant, Path> files =
        new Demo(new PrintStream(log, true, StandardCharsets.UTF_8))
            .run(Map.of(), folder, Timing.of(Duration.ofMillis(100), Duration.ofMillis(400)));

    String output = log.toString(StandardCharsets.UTF_8);
    assertThat(output)
        .contains("OPENAI_API_KEY is not set: using the embedded simulator at http://127.0.0.1:")
        .contains("completed: 8 s")
        .contains("completed: 12 s in total")
        .contains("Done.");
    assertThat(files.get(ContentVariant.VIDEO))
        .hasFileName(files.get(ContentVariant.VIDEO).getFileName().toString())
        .exists();
    assertThat(files.get(ContentVariant.VIDEO).toString()).endsWith(".mp4");
    assertThat(Demo.extensionOf(files.get(ContentVariant.THUMBNAIL))).isIn(".png", ".jpg", ".webp");
    assertThat(Demo.extensionOf(files.get(ContentVariant.SPRITESHEET)))
        .isIn(".png", ".jpg", ".webp");
    assertThat(Files.size(files.get(ContentVariant.VIDEO))).isGreaterThan(1000);
    try (var listing = Files.list(folder)) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .hasSize(3)
          .noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void serverSuppliedIdsCannotEscapeTheOutputFolder() {
    assertThat(Demo.inside(folder, "../../etc/passwd"))
        .isEqualTo(folder.resolve("_._.._etc_passwd"));
    assertThat(Demo.inside(folder, "video_1-video")).isEqualTo(folder.resolve("video_1-video"));
    assertThat(Demo.inside(folder, "..")).isEqualTo(folder.resolve("_."));
  }
}
