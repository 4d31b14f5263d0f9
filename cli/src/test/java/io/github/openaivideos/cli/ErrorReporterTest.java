package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.openaivideos.ApiError;
import io.github.openaivideos.ApiException;
import io.github.openaivideos.VideosException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every error is one clean line on stderr: no terminal escape sequence, no line break, no control
 * character, and never the API key the tool was given, whatever text the server sent.
 */
class ErrorReporterTest {
  private static final String KEY = "sk-Cli-Secret-0123456789abcdef";

  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private HttpServer server;

  @Command(name = "videos")
  static final class Videos {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/videos/", this::hostileError);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String report(Exception e, List<String> secrets) {
    ErrorReporter reporter =
        new ErrorReporter(new PrintStream(stderr, true, StandardCharsets.UTF_8), () -> secrets);
    reporter.handleExecutionException(e, new CommandLine(new Videos()), null);
    return stderr.toString(StandardCharsets.UTF_8);
  }

  @Test
  void escapeSequencesLineBreaksAndControlCharactersBecomeOneCleanLine() {
    String hostile =
        "Bad \u001b[31mred\u001b[0m text\r\nsecond line\nthird\ttabbed\u0007 "
            + "\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\ \u009b2Jend"
            + " \u202eright-to-left\u2028next";

    String printed = report(new VideosException(hostile), List.of());

    assertThat(printed)
        .isEqualTo("error: Bad red text second line third tabbed link end right-to-left next\n");
  }

  @Test
  void theApiKeyIsRedactedFromAnyErrorLineWhateverItsCase() {
    String printed =
        report(
            new IllegalStateException(
                "echo " + KEY + " and " + KEY.toUpperCase(java.util.Locale.ROOT)),
            List.of(KEY));

    assertThat(printed)
        .isEqualTo(
            "error: unexpected java.lang.IllegalStateException: echo [REDACTED] and [REDACTED]\n");
  }

  @Test
  void aKeySplitByAnEscapeSequenceIsStillRedacted() {
    String split = KEY.substring(0, 8) + "\u001b[0m" + KEY.substring(8);

    String printed =
        report(
            ApiException.of(
                new ApiError(400, "bad key " + split, null, null, null, "req_1", Map.of())),
            List.of(KEY));

    assertThat(printed).isEqualTo("error: 400: bad key [REDACTED]; request-id: req_1\n");
  }

  @Test
  void aServerErrorFullOfEscapesReachesStderrAsOneLineWithoutTheKey() {
    CliResult result =
        SimulatedCli.run(
            Cli.withClients(builder -> builder.maxRetries(0).build()),
            Map.of(
                "OPENAI_BASE_URL",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "OPENAI_API_KEY",
                KEY),
            "get",
            "video_1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "error: 400: Invalid key [REDACTED] cleared screen next line;"
                + " type: invalid_request_error; request-id: req_hostile\n");
  }

  @Test
  void aParseErrorQuotingAnEscapeSequenceIsOneCleanLine() {
    CliResult result =
        SimulatedCli.run(
            Cli.withClients(builder -> builder.build()),
            Map.of("OPENAI_API_KEY", KEY),
            "list",
            "--limit",
            "1\u001b[2J\n0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).doesNotContain("\u001b").hasLineCount(1).startsWith("error: ");
  }

  /** An error whose message clears the screen, breaks the line and echoes the key. */
  private void hostileError(HttpExchange exchange) throws IOException {
    String key = exchange.getRequestHeaders().getFirst("Authorization").substring(7);
    String body =
        "{\"error\":{\"message\":\"Invalid key "
            + key
            + " \\u001b[2Jcleared screen\\r\\nnext line\",\"type\":\"invalid_request_error\"}}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("x-request-id", "req_hostile");
    exchange.sendResponseHeaders(400, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void aFailureKeptForLaterIsDescribedInTheToolsWordsOnOneLineWithTheKeyRedacted() {
    Exception reset =
        new io.github.openaivideos.ApiConnectionException(
            "create failed to get a response: SocketException: Connection reset",
            new java.net.SocketException("Connection reset"));
    Exception echoed =
        new io.github.openaivideos.ApiConnectionException(
            "retrieve failed",
            new IOException("bad header\nAuthorization: Bearer " + KEY.toUpperCase()));

    assertThat(ErrorReporter.describe(reset, "http://127.0.0.1:1/v1", List.of(KEY)))
        .isEqualTo("cannot connect to http://127.0.0.1:1/v1: connection reset");
    assertThat(ErrorReporter.describe(echoed, "http://127.0.0.1:1/v1", List.of(KEY)))
        .isEqualTo(
            "cannot connect to http://127.0.0.1:1/v1: bad header Authorization: Bearer [REDACTED]");
  }
}
