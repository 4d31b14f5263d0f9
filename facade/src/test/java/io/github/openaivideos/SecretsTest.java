package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.KEY;
import static io.github.openaivideos.TestSupport.error;
import static io.github.openaivideos.TestSupport.json;
import static io.github.openaivideos.TestSupport.videoJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.openaivideos.TestSupport.TestTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The API key appears in no toString, exception message or log line. */
class SecretsTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void clientAndBuilderToStringHideTheKey() {
    VideosClient.Builder builder = TestSupport.clientFor(server, new TestTime());
    VideosClient client = builder.build();

    assertThat(builder.toString()).doesNotContain(KEY).contains("apiKey=****");
    assertThat(client.toString()).doesNotContain(KEY).contains("apiKey=****");
    client.close();
  }

  @Test
  void aServerEchoingTheKeyDoesNotPutItInTheExceptionMessage() {
    VideosClient client = TestSupport.clientFor(server, new TestTime()).maxRetries(0).build();
    server.enqueue(
        error(
            401,
            "Incorrect API key provided: " + KEY,
            "invalid_request_error",
            null,
            "invalid_api_key"));

    Throwable thrown = catchThrowable(() -> client.retrieve("video_1"));

    assertThat(thrown).isInstanceOf(AuthenticationException.class);
    assertThat(thrown.getMessage())
        .doesNotContain(KEY)
        .contains("Incorrect API key provided: [REDACTED]");
    assertThat(((ApiException) thrown).errorMessage()).doesNotContain(KEY);
    client.close();
  }

  @Test
  void debugLogsNeverContainTheKey() {
    Logger logger = Logger.getLogger("io.github.openaivideos");
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Level before = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
    try (VideosClient client = TestSupport.clientFor(server, new TestTime()).build()) {
      server.enqueue(json(videoJson("video_1", "queued", 0)));
      server.enqueue(error(400, "bad key " + KEY, "invalid_request_error", null, null));
      client.retrieve("video_1");
      Throwable ignored = catchThrowable(() -> client.retrieve("video_1"));
      assertThat(ignored).isInstanceOf(BadRequestException.class);
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(before);
    }

    assertThat(lines).isNotEmpty().noneMatch(line -> line.contains(KEY));
    assertThat(lines.get(0)).startsWith("retrieve GET /v1/videos/video_1 attempt 1 in ");
  }

  @Test
  void loggingIsOffByDefault() {
    Logger logger = Logger.getLogger("io.github.openaivideos");
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    handler.setLevel(Level.ALL);
    logger.addHandler(handler);
    try (VideosClient client = TestSupport.clientFor(server, new TestTime()).build()) {
      // A success, a retried failure and a final failure: each would log a line at DEBUG.
      server.enqueue(json(videoJson("video_1", "queued", 0)));
      server.enqueue(error(503, "Busy.", "server_error", null, null));
      server.enqueue(json(videoJson("video_1", "queued", 0)));
      server.enqueue(error(400, "bad key " + KEY, "invalid_request_error", null, null));
      client.retrieve("video_1");
      client.retrieve("video_1");
      assertThat(catchThrowable(() -> client.retrieve("video_1")))
          .isInstanceOf(BadRequestException.class);
      // The SDK set no level of its own on its logger...
      assertThat(logger.getLevel()).isNull();
    } finally {
      logger.removeHandler(handler);
    }

    // ...so with the JDK's default configuration its calls publish nothing.
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(lines).isEmpty();
  }
}
