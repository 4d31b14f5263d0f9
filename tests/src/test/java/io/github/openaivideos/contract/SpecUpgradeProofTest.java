package io.github.openaivideos.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of the design, proved end to end: a compatible change to the spec reaches users with
 * no hand edit. On a copy of the spec with a new optional response field, a new optional request
 * field, a new extension length and a new status, this regenerates the models with the project's
 * own generator configuration, compiles the facade's unchanged sources against them, and runs a
 * program that uses each new thing through the public API against a local server.
 */
class SpecUpgradeProofTest {
  private static final String PROBE =
"""
      package probe;

      import io.github.openaivideos.VideoReference;
      import io.github.openaivideos.VideosClient;
      import io.github.openaivideos.models.*;
      import java.util.List;
      import java.util.function.Function;
import java.util.regex.Pattern;

      public final class Probe implements Function<String, List<String>> {
        @Override
        public List<String> apply(String baseUrl) {
          try (VideosClient client =
              VideosClient.builder().baseUrl(baseUrl).apiKey("sk-proof").maxRetries(0).build()) {
            Video video = client.retrieve("video_1");
            client.create(CreateVideoRequest.builder().prompt("a cat").quality("high").build());
            client.extend(
                ExtendVideoRequest.builder()
                    .video(VideoReference.id("video_1"))
                    .prompt("and then")
                    .seconds(ExtensionSeconds.S24)
                    .build());
            return List.of(
                video.quality().orElse("absent"),
                String.valueOf(video.status() == VideoStatus.CANCELLED),
                String.valueOf(VideoStatus.CANCELLED.isKnown()),
                // What a tool reading its own requests (videos batch) accepts:
                String.join(",", CreateVideoRequest.propertyNames()));
          }
        }
      }
      """;

  private static final String VIDEO_JSON =
      "{\"id\":\"video_1\",\"object\":\"video\",\"model\":\"sora-2\",\"status\":\"cancelled\","
          + "\"progress\":40,\"created_at\":1,\"completed_at\":null,\"expires_at\":null,"
          + "\"prompt\":\"p\",\"size\":\"720x1280\",\"seconds\":\"8\","
          + "\"remixed_from_video_id\":null,\"error\":null,\"quality\":\"high\"}";

  @Test
  void compatibleSpecChangesReachUsersByRegenerationAlone(@TempDir Path scratch) throws Exception {
    Path spec = scratch.resolve("videos.yaml");
    Files.writeString(spec, upgraded(Files.readString(Path.of(property("spec.file")))));
    Path generated = scratch.resolve("generated");
    regenerate(spec, generated);
    Path classes = scratch.resolve("classes");
    compile(generated, scratch, classes);

    try (MockWebServer server = new MockWebServer()) {
      server.start();
      for (int i = 0; i < 3; i++) {
        server.enqueue(
            new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body(VIDEO_JSON)
                .build());
      }

      List<String> seen = runProbe(classes, server.url("/v1/").toString());

      assertThat(seen)
          .as("quality read, status named and known, quality among the request's properties")
          .containsExactly(
              "high", "true", "true", "prompt,model,seconds,size,input_reference,quality");
      assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/videos/video_1");
      RecordedRequest create = server.takeRequest();
      assertThat(create.getBody().utf8()).isEqualTo("{\"prompt\":\"a cat\",\"quality\":\"high\"}");
      RecordedRequest extend = server.takeRequest();
      assertThat(extend.getTarget()).isEqualTo("/v1/videos/extensions");
      assertThat(extend.getBody().utf8())
          .isEqualTo("{\"video\":{\"id\":\"video_1\"},\"prompt\":\"and then\",\"seconds\":\"24\"}");
    }
  }

  /** The compatible changes, each checked to have applied. */
  private static String upgraded(String spec) {
    String out =
        replaceOnce(
            spec,
            "        remixed_from_video_id:\n          type: string\n          nullable: true\n",
            "        remixed_from_video_id:\n          type: string\n          nullable: true\n"
                + "        quality:\n          type: string\n");
    out =
        replaceOnce(
            out,
            "        input_reference:\n          $ref: '#/components/schemas/ImageInput'\n",
            "        input_reference:\n          $ref: '#/components/schemas/ImageInput'\n"
                + "        quality:\n          type: string\n");
    out =
        replaceOnce(
            out,
            "        input_reference: { $ref: '#/components/schemas/ImageReferenceParam' }\n",
            "        input_reference: { $ref: '#/components/schemas/ImageReferenceParam' }\n"
                + "        quality:\n          type: string\n");
    out =
        replaceOnce(
            out,
            "      enum: ['4', '8', '12', '16', '20']\n      x-enum-varnames: [S4, S8, S12, S16, S20]\n",
            "      enum: ['4', '8', '12', '16', '20', '24']\n"
                + "      x-enum-varnames: [S4, S8, S12, S16, S20, S24]\n");
    return replaceOnce(
        out,
        "      enum: [queued, in_progress, completed, failed]\n",
        "      enum: [queued, in_progress, completed, failed, cancelled]\n");
  }

  private static String replaceOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    assertThat(at).as("the spec still contains %s", from).isNotNegative();
    assertThat(text.indexOf(from, at + 1)).as("only once: %s", from).isNegative();
    return text.substring(0, at) + to + text.substring(at + from.length());
  }

  private static void regenerate(Path spec, Path out) throws Exception {
    List<String> command =
        List.of(
            System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn",
            "-B",
            "-q",
            "-o",
            "-f",
            property("generated.pom"),
            "-Dmaven.repo.local=" + property("maven.repo.local"),
            "-Dspec.file=" + spec,
            "-Dgenerated.output=" + out,
            "org.openapitools:openapi-generator-maven-plugin:generate@videos-api");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("generator finished").isTrue();
    assertThat(process.exitValue()).as("generator exit code; output:%n%s", log).isZero();
  }

  /** Compiles the regenerated sources and the facade's own sources, unchanged, and the probe. */
  private static void compile(Path generated, Path scratch, Path classes) throws IOException {
    Path probe = scratch.resolve("probe/probe/Probe.java");
    Files.createDirectories(probe.getParent());
    Files.writeString(probe, PROBE);
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-nowarn"));
    args.add("-classpath");
    args.add(String.join(File.pathSeparator, dependencies()));
    try (Stream<Path> files =
        Stream.of(
                generated.resolve("src/main/java"),
                Path.of(property("facade.sources")),
                probe.getParent())
            .flatMap(SpecUpgradeProofTest::javaFiles)) {
      files.forEach(f -> args.add(f.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    boolean ok = javac.run(null, errors, errors, args.toArray(new String[0])) == 0;
    assertThat(ok)
        .as(
            "the facade compiles unchanged against the regenerated models:%n%s",
            errors.toString(java.nio.charset.StandardCharsets.UTF_8))
        .isTrue();
  }

  private static Stream<Path> javaFiles(Path root) {
    try {
      return Files.walk(root).filter(p -> p.toString().endsWith(".java")).toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** This test's classpath without this build's own SDK classes, which the proof replaces. */
  private static List<String> dependencies() {
    List<String> out = new ArrayList<>();
    for (String entry :
        Pattern.compile(Pattern.quote(File.pathSeparator))
            .splitAsStream(System.getProperty("java.class.path"))
            .toList()) {
      String name = Path.of(entry).toString();
      boolean ours =
          name.contains("openai-videos-generated")
              || name.matches(".*openai-videos-0[^/]*\\.jar")
              || name.contains("facade" + File.separator + "target")
              || name.contains("generated" + File.separator + "target");
      if (!ours) {
        out.add(entry);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<String> runProbe(Path classes, String baseUrl) throws Exception {
    List<URL> urls = new ArrayList<>();
    urls.add(classes.toUri().toURL());
    for (String entry : dependencies()) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      Function<String, List<String>> probe =
          (Function<String, List<String>>)
              loader.loadClass("probe.Probe").getDeclaredConstructor().newInstance();
      return probe.apply(baseUrl);
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property %s (set by tests/pom.xml)", name).isNotBlank();
    return value;
  }
}
