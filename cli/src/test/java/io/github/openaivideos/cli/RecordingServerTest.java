package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-written server on loopback that records the requests it receives, answers every retrieve
 * with a completed video whose id is a path ({@code ..\..\evil\x}, which no real server should
 * send; the SDK itself refuses an id with a {@code /}) and with a field the spec does not know, and
 * answers a create with a queued video.
 */
class RecordingServerTest {
  private static final String EVIL_ID = "..\\..\\evil\\x";
  private static final byte[] MP4 = {0, 0, 0, 8, 'f', 't', 'y', 'p'};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final List<Headers> requests = new CopyOnWriteArrayList<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @TempDir Path root;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/videos/", this::answer);
    server.createContext("/v1/videos", this::answerCreate);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void downloadedFilesStayInsideTheFolderWhateverTheIdSays() throws IOException {
    Path folder = Files.createDirectories(root.resolve("a").resolve("b").resolve("out"));
    CliResult result =
        SimulatedCli.run(
            Cli.withClients(ClientFactory.DEFAULT),
            Map.of("OPENAI_BASE_URL", baseUrl(), "OPENAI_API_KEY", "sk-test"),
            "wait",
            "video_1",
            "--download",
            folder.toString());

    assertThat(result.err()).endsWith("completed 100%\n");
    assertThat(result.exitCode()).isZero();
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).map(root::relativize).map(Path::toString))
          .containsExactlyInAnyOrder(
              "a/b/out/_._.._evil_x.mp4",
              "a/b/out/_._.._evil_x.thumbnail.png",
              "a/b/out/_._.._evil_x.spritesheet.png");
    }
  }

  @Test
  void keyOrganizationAndProjectComeFromTheEnvironment() {
    Map<String, String> env =
        Map.of(
            "OPENAI_BASE_URL", baseUrl(),
            "OPENAI_API_KEY", "sk-env-key",
            "OPENAI_ORG_ID", "org-123",
            "OPENAI_PROJECT_ID", "proj_456");

    CliResult result = SimulatedCli.run(Cli.withClients(ClientFactory.DEFAULT), env, "get", "v");

    assertThat(result.exitCode()).isZero();
    assertThat(requests)
        .singleElement()
        .satisfies(
            headers -> {
              assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer sk-env-key");
              assertThat(headers.getFirst("OpenAI-Organization")).isEqualTo("org-123");
              assertThat(headers.getFirst("OpenAI-Project")).isEqualTo("proj_456");
            });
  }

  @Test
  void jsonOutputKeepsTheFieldsTheSdkDoesNotKnowAndTheNullsTheSpecRequires() {
    CliResult result =
        SimulatedCli.run(
            Cli.withClients(ClientFactory.DEFAULT),
            Map.of("OPENAI_BASE_URL", baseUrl(), "OPENAI_API_KEY", "sk-test"),
            "get",
            "video_1",
            "--json");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("\"quality\": 3,").contains("\"tier\": \"hd\"");
    assertThat(JsonText.object(result.out()))
        .containsEntry("id", EVIL_ID)
        .containsEntry("quality", 3.0)
        .containsEntry("labels", Map.of("tier", "hd"))
        .containsEntry("expires_at", null)
        .containsEntry("prompt", null)
        .containsEntry("remixed_from_video_id", null)
        .containsEntry("error", null);
  }

  @Test
  void aSizeAndAModelTheSpecDoesNotListAreSentAsGiven() {
    CliResult result =
        SimulatedCli.run(
            Cli.withClients(ClientFactory.DEFAULT),
            Map.of("OPENAI_BASE_URL", baseUrl(), "OPENAI_API_KEY", "sk-test"),
            "create",
            "--prompt",
            "A cat",
            "--size",
            "2048x1152",
            "--model",
            "sora-3",
            "--seconds",
            "8");

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(bodies)
        .singleElement()
        .satisfies(
            body ->
                assertThat(JsonText.object(body))
                    .containsOnly(
                        Map.entry("prompt", "A cat"),
                        Map.entry("model", "sora-3"),
                        Map.entry("seconds", "8"),
                        Map.entry("size", "2048x1152")));
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestHeaders());
    String path = exchange.getRequestURI().getPath();
    if (path.endsWith("/content")) {
      String query = String.valueOf(exchange.getRequestURI().getQuery());
      boolean image = query.contains("variant=thumbnail") || query.contains("variant=spritesheet");
      send(exchange, image ? "image/png" : "video/mp4", image ? PNG : MP4);
      return;
    }
    String json =
        "{\"id\":\""
            + EVIL_ID.replace("\\", "\\\\") // a JSON string escapes each backslash
            + "\",\"object\":\"video\",\"model\":\"sora-2\",\"status\":\"completed\","
            + "\"progress\":100,\"created_at\":1767322000,\"completed_at\":1767322005,"
            + "\"size\":\"720x1280\",\"seconds\":\"4\",\"quality\":3,\"labels\":{\"tier\":\"hd\"}}";
    send(exchange, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private void answerCreate(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestHeaders());
    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String json =
        "{\"id\":\"video_2\",\"object\":\"video\",\"model\":\"sora-3\",\"status\":\"queued\","
            + "\"progress\":0,\"created_at\":1767322000,\"completed_at\":null,"
            + "\"expires_at\":null,\"prompt\":\"A cat\",\"size\":\"2048x1152\",\"seconds\":\"8\","
            + "\"remixed_from_video_id\":null,\"error\":null}";
    send(exchange, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
