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
 * configuration (its pom) on a changed copy of the spec, into a scratch folder, and compares with
 * this build's output.
 */
class RegenerationTest {

  @Test
  void addingAFieldAndAnOperationToTheSpecRegeneratesModelAndInterface(@TempDir Path scratch)
      throws Exception {
    Path spec = Path.of(System.getProperty("spec.file"));
    Path current = Path.of(System.getProperty("generated.output"));
    String original = Files.readString(spec, StandardCharsets.UTF_8);
    String changed =
        original
            .replace(
                "        remixed_from_video_id:\n          type: string\n          nullable: true\n",
                "        remixed_from_video_id:\n          type: string\n          nullable: true\n"
                    + "        quality:\n          type: string\n          nullable: true\n")
            .replace(
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
    assertThat(changed)
        .as("the test's edit of the spec applied")
        .contains("quality:", "cancelVideo");
    Path changedSpec = scratch.resolve("videos.yaml");
    Files.writeString(changedSpec, changed, StandardCharsets.UTF_8);
    Path out = scratch.resolve("out");

    runGenerator(changedSpec, out);

    String model = read(out, "model/Video.java");
    String api = read(out, "api/VideosApi.java");
    assertThat(model).contains("@Json(name = \"quality\")", "public String getQuality()");
    assertThat(api)
        .contains("Call<Video> cancelVideo(", "@retrofit2.http.POST(\"videos/{video_id}/cancel\")");
    assertThat(read(current, "model/Video.java")).doesNotContain("quality");
    assertThat(read(current, "api/VideosApi.java")).doesNotContain("cancelVideo");
  }

  private static String read(Path root, String file) throws IOException {
    return Files.readString(
        root.resolve("src/main/java/io/github/openaivideos/generated").resolve(file),
        StandardCharsets.UTF_8);
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
