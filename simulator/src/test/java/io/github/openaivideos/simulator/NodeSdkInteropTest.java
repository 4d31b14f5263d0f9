package io.github.openaivideos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: the official OpenAI Node SDK (npm {@code openai}, the version pinned in {@code
 * .ci/install-tools}) drives every Videos operation it has against the simulator, in its normal
 * way: multipart bodies with bracket keys ({@code video[id]}), file uploads with and without a
 * declared type, auto-pagination, binary downloads, typed errors. The script ({@code
 * src/test/node/official-sdk-interop.cjs}) asserts what each call returns; this test then checks
 * the simulator's state against what the script reports. On CI ({@code CI=true}) Node and the
 * package must be installed; elsewhere the test is skipped without them.
 */
class NodeSdkInteropTest {
  private static final String KEY = "sk-node-interop-0123456789";

  @Test
  void theOfficialNodeSdkDrivesEveryVideosOperation(@TempDir Path dir) throws Exception {
    Path root = ExternalTools.repositoryRoot();
    Path node = requireNode();
    Path modules = requireOpenAiPackage(root);
    Path script = root.resolve("simulator/src/test/node/official-sdk-interop.cjs");
    Path png = Files.write(dir.resolve("first-frame.png"), Fixtures.image("png", 720, 1280));

    try (VideosSimulator sim =
        VideosSimulator.builder()
            .apiKey(KEY)
            .timing(Timing.of(Duration.ofMillis(100), Duration.ofMillis(200)))
            .build()
            .start()) {
      ProcessBuilder builder = new ProcessBuilder(node.toString(), script.toString());
      builder.environment().put("OPENAI_BASE_URL", sim.baseUrl().toString());
      builder.environment().put("OPENAI_API_KEY", KEY);
      builder.environment().put("OPENAI_NODE_MODULES", modules.toString());
      builder.environment().put("FIXTURE_PNG", png.toString());
      builder.environment().remove("OPENAI_ORG_ID");
      builder.environment().remove("OPENAI_PROJECT_ID");
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> out = readAll(process.getInputStream());
      CompletableFuture<String> err = readAll(process.getErrorStream());
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        Assertions.fail("the Node SDK script did not finish in 120 s; stderr: " + err.getNow(""));
      }

      assertThat(process.exitValue()).as("the Node SDK script failed:%n%s", err.get()).isZero();
      JsonNode report = Api.JSON.readTree(out.get().strip());
      assertThat(report.get("ok").asBoolean()).isTrue();
      assertThat(report.get("checks").asInt()).isGreaterThan(60);
      List<String> reported = new ArrayList<>();
      report.get("videos").forEach(id -> reported.add(id.asText()));
      assertThat(reported).hasSize(10);

      Api api = new Api(sim.baseUrl(), KEY);
      JsonNode all = Api.json(api.get("videos?order=asc&limit=100"));
      List<String> stored = new ArrayList<>();
      all.get("data").forEach(video -> stored.add(video.get("id").asText()));
      assertThat(stored).isEqualTo(reported);
      assertThat(api.get("videos/characters/" + report.get("character").asText()).statusCode())
          .isEqualTo(200);
    }
  }

  private static Path requireNode() {
    return ExternalTools.onPath("node")
        .orElseThrow(
            () ->
                ExternalTools.unavailable(
                    "node is not on the PATH (the Node SDK interop test needs it)"));
  }

  /** .ci/tools/node_modules, holding the {@code openai} version that .ci/install-tools pins. */
  private static Path requireOpenAiPackage(Path root) throws IOException {
    Path modules = root.resolve(".ci/tools/node_modules");
    Matcher pinned =
        Pattern.compile("(?m)^OPENAI_NODE_VERSION=(\\S+)$")
            .matcher(Files.readString(root.resolve(".ci/install-tools")));
    assertThat(pinned.find()).as("OPENAI_NODE_VERSION in .ci/install-tools").isTrue();
    Path manifest = modules.resolve("openai/package.json");
    if (!Files.isRegularFile(manifest)) {
      throw ExternalTools.unavailable(
          "the npm package openai is not installed: run .ci/install-tools");
    }
    String installed = Api.JSON.readTree(manifest.toFile()).get("version").asText();
    if (!installed.equals(pinned.group(1))) {
      throw ExternalTools.unavailable(
          "openai "
              + installed
              + " is installed but .ci/install-tools pins "
              + pinned.group(1)
              + ": run .ci/install-tools");
    }
    return modules;
  }

  private static CompletableFuture<String> readAll(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (InputStream in = stream) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
