package io.github.openaivideos.generated;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change to the spec changes the generated code: this runs this module's own generator
 * configuration (its pom and templates) on a changed copy of the spec, into a scratch folder, and
 * compares with this build's output.
 */
class RegenerationTest {

  @Test
  void newPropertiesEnumValuesAndAnOperationInTheSpecAppearInTheGeneratedSources(
      @TempDir Path scratch) throws Exception {
    Path spec = Path.of(System.getProperty("spec.file"));
    Path current = Path.of(System.getProperty("generated.output"));
    String original = Files.readString(spec, StandardCharsets.UTF_8);
    String changed =
        replaceOnce(
            original,
            "        remixed_from_video_id:\n          type: string\n          nullable: true\n",
            "        remixed_from_video_id:\n          type: string\n          nullable: true\n"
                + "        quality:\n          type: string\n          nullable: true\n");
    changed =
        replaceOnce(
            changed,
            "        input_reference:\n          $ref: '#/components/schemas/ImageInput'\n",
            "        input_reference:\n          $ref: '#/components/schemas/ImageInput'\n"
                + "        loop:\n          type: boolean\n");
    changed =
        replaceOnce(
            changed,
            "      enum: ['4', '8', '12', '16', '20']\n      x-enum-varnames: [S4, S8, S12, S16, S20]\n",
            "      enum: ['4', '8', '12', '16', '20', '24']\n"
                + "      x-enum-varnames: [S4, S8, S12, S16, S20, S24]\n");
    changed =
        replaceOnce(
            changed,
            "      enum: [queued, in_progress, completed, failed]\n",
            "      enum: [queued, in_progress, completed, failed, cancelled]\n");
    changed =
        replaceOnce(
            changed,
            "  /videos/characters/{character_id}:\n",
            "  /videos/{video_id}/cancel:\n"
                + "    post:\n"
                + "      tags: [Videos]\n"
                + "      operationId: cancelVideo\n"
                + "      parameters:\n"
                + "        - $ref: '#/components/parameters/VideoId'\n"
                + "      responses:\n"
                + "        '200':\n"
                + "          $ref: '#/components/responses/Video'\n"
                + "  /videos/characters/{character_id}:\n");
    Path changedSpec = scratch.resolve("videos.yaml");
    Files.writeString(changedSpec, changed, StandardCharsets.UTF_8);
    Path out = scratch.resolve("out");

    runGenerator(changedSpec, out);

    assertThat(read(out, "models/Video.java"))
        .contains(
            "public Optional<String> quality()",
            "public Builder quality(String quality)",
            "\"remixed_from_video_id\", \"quality\", \"error\")",
            "writer.name(\"quality\");");
    assertThat(read(out, "models/CreateVideoRequest.java"))
        .contains(
            "public Optional<Boolean> loop()",
            "public Builder loop(Boolean loop)",
            "writer.name(\"loop\");");
    assertThat(read(out, "models/ExtensionSeconds.java"))
        .contains(
            "public static final ExtensionSeconds S24 = new ExtensionSeconds(\"24\");",
            "List.of(S4, S8, S12, S16, S20, S24)");
    assertThat(read(out, "models/VideoStatus.java"))
        .contains(
            "public static final VideoStatus CANCELLED = new VideoStatus(\"cancelled\");",
            "List.of(QUEUED, IN_PROGRESS, COMPLETED, FAILED, CANCELLED)");
    assertThat(read(out, "generated/api/VideosApi.java"))
        .contains("Call<Video> cancelVideo(", "@retrofit2.http.POST(\"videos/{video_id}/cancel\")");

    assertThat(read(current, "models/Video.java")).doesNotContain("quality");
    assertThat(read(current, "models/CreateVideoRequest.java")).doesNotContain("loop");
    assertThat(read(current, "models/ExtensionSeconds.java"))
        .contains("List.of(S4, S8, S12, S16, S20)")
        .doesNotContain("S24");
    assertThat(read(current, "models/VideoStatus.java")).doesNotContain("CANCELLED");
    assertThat(read(current, "generated/api/VideosApi.java")).doesNotContain("cancelVideo");
  }

  /** Replaces the one occurrence of {@code target}; fails when the spec no longer has it once. */
  private static String replaceOnce(String text, String target, String replacement) {
    int at = text.indexOf(target);
    assertThat(at).as("the spec contains %n%s", target).isNotNegative();
    assertThat(text.indexOf(target, at + 1)).as("the spec contains once %n%s", target).isNegative();
    return text.substring(0, at) + replacement + text.substring(at + target.length());
  }

  private static String read(Path root, String file) throws IOException {
    return Files.readString(
        root.resolve("src/main/java/io/github/openaivideos").resolve(file), StandardCharsets.UTF_8);
  }

  private static void runGenerator(Path spec, Path out) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn");
    command.addAll(
        List.of(
            "-B",
            "-q",
            "-o",
            "-f",
            System.getProperty("generated.pom"),
            "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
            "-Dspec.file=" + spec,
            "-Dgenerated.output=" + out,
            "org.openapitools:openapi-generator-maven-plugin:generate@videos-api"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("generator finished").isTrue();
    assertThat(process.exitValue()).as("generator exit code; output:%n%s", log).isZero();
  }
}
