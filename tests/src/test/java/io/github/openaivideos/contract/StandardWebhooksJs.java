package io.github.openaivideos.contract;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The npm package {@code standardwebhooks} (pinned in .ci/install-tools), run with Node on a batch
 * of sign and verify cases through {@code webhooks/standardwebhooks-check.js}. The package
 * directory comes from {@code -Dstandardwebhooks.dir} (tests/pom.xml points it at .ci/tools); when
 * it or Node is missing, the test fails on CI ({@code CI=true}) and is skipped elsewhere.
 */
final class StandardWebhooksJs {
  static final ObjectMapper JSON = new ObjectMapper();

  private final Path packageDir;
  private final Path script;
  private final ArrayNode cases = JSON.createArrayNode();

  private StandardWebhooksJs(Path packageDir, Path script) {
    this.packageDir = packageDir;
    this.script = script;
  }

  /** The package, or a failed (CI) or skipped (elsewhere) test when it is not installed. */
  static StandardWebhooksJs locate(Path workDir) throws IOException {
    String configured = System.getProperty("standardwebhooks.dir", "").trim();
    Path dir = configured.isEmpty() ? searchUpwards() : Path.of(configured);
    if (dir == null || !Files.isRegularFile(dir.resolve("package.json"))) {
      unavailable(
          "the npm package standardwebhooks is not installed (looked for "
              + (dir == null ? ".ci/tools/node_modules/standardwebhooks" : dir)
              + "): run .ci/install-tools");
    }
    if (!nodeRuns()) {
      unavailable("node is not on the PATH: install Node.js, then run .ci/install-tools");
    }
    Path script = workDir.resolve("standardwebhooks-check.js");
    try (InputStream in =
        StandardWebhooksJs.class.getResourceAsStream("/webhooks/standardwebhooks-check.js")) {
      Files.write(script, in.readAllBytes());
    }
    return new StandardWebhooksJs(dir, script);
  }

  /** Adds a signing case; its result is {@code {"signature": "v1,..."}}. */
  StandardWebhooksJs sign(String secret, String id, long timestamp, String body) {
    ObjectNode c = cases.addObject();
    c.put("op", "sign").put("secret", secret).put("id", id).put("timestamp", timestamp);
    c.put("body", body);
    return this;
  }

  /** Adds a verifying case; its result is {@code {"ok": true, "payload": ...}} or an error. */
  StandardWebhooksJs verify(String secret, Map<String, String> headers, String body) {
    ObjectNode c = cases.addObject();
    c.put("op", "verify").put("secret", secret).put("body", body);
    ObjectNode h = c.putObject("headers");
    headers.forEach(h::put);
    return this;
  }

  /** Runs every case added since the last run, in one Node process; one result each, in order. */
  JsonNode run() throws IOException, InterruptedException {
    byte[] input = JSON.writeValueAsBytes(cases);
    cases.removeAll();
    ProcessBuilder builder =
        new ProcessBuilder("node", script.toString()).redirectErrorStream(false);
    builder.environment().put("STANDARDWEBHOOKS_DIR", packageDir.toAbsolutePath().toString());
    Process node = builder.start();
    try (OutputStream stdin = node.getOutputStream()) {
      stdin.write(input);
    }
    byte[] out = node.getInputStream().readAllBytes();
    String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
      node.destroyForcibly();
      fail("node failed: " + err);
    }
    return JSON.readTree(out);
  }

  private static boolean nodeRuns() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void unavailable(String message) {
    if ("true".equals(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
  }

  private static Path searchUpwards() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(".ci/tools/node_modules/standardwebhooks");
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
