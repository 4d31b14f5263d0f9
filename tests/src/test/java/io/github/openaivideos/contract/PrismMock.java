package io.github.openaivideos.contract;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Stoplight Prism ({@code prism mock SPEC --errors}) as a child process on a free loopback port.
 * Prism serves the spec's paths without the server URL's base path, so the SDK's base URL is {@code
 * http://127.0.0.1:PORT/} (not {@code .../v1}).
 *
 * <p>The binary comes from {@code -Dprism.bin} (tests/pom.xml points it at what .ci/install-tools
 * installs), else from {@code .ci/tools/node_modules/.bin/prism} above the working directory. If it
 * is missing the test fails on CI ({@code CI=true}) and is skipped elsewhere.
 */
final class PrismMock implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  private final int port;

  private PrismMock(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts Prism on the spec and waits until it answers. */
  static PrismMock start(Path spec, Path workDir) throws IOException, InterruptedException {
    Path binary = locateBinary();
    int port = freePort();
    Path log = workDir.resolve("prism.log");
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "mock",
                spec.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--errors")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    PrismMock prism = new PrismMock(process, log, port);
    try {
      prism.awaitReady();
    } catch (RuntimeException | Error | InterruptedException e) {
      prism.close();
      throw e;
    }
    return prism;
  }

  /** The base URL to give the SDK. */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** What Prism has printed so far. */
  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops Prism and anything it started; waits for it to end. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(baseUrl().resolve("videos"))
            .header("Authorization", "Bearer probe")
            .timeout(Duration.ofSeconds(2))
            .build();
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        fail("Prism exited with " + process.exitValue() + " before serving:\n" + log());
      }
      try {
        http.send(probe, HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    fail("Prism did not answer within " + STARTUP + ":\n" + log());
  }

  private static Path locateBinary() {
    String configured = System.getProperty("prism.bin", "").trim();
    Path binary = configured.isEmpty() ? searchUpwards() : Path.of(configured);
    if (binary == null || !Files.isExecutable(binary)) {
      String message =
          "Stoplight Prism is not installed (looked for "
              + (binary == null ? ".ci/tools/node_modules/.bin/prism" : binary)
              + "): run .ci/install-tools";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    return binary;
  }

  private static Path searchUpwards() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(".ci/tools/node_modules/.bin/prism");
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
