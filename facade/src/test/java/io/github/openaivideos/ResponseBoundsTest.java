package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.json;
import static io.github.openaivideos.TestSupport.videoJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.openaivideos.TestSupport.TestTime;
import io.github.openaivideos.internal.CallExecutor;
import io.github.openaivideos.models.ContentVariant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Everything a server sends is bounded: a JSON body by {@code maxResponseBytes} (counted after
 * decompression), a JSON call as a whole by a default timeout; downloads stay streamed and bounded
 * by the read timeout only.
 */
class ResponseBoundsTest {
  private static final long MIB = 1024 * 1024;

  @StartStop final MockWebServer server = new MockWebServer();
  private final TestTime time = new TestTime();
  private final List<Long> callTimeouts = new CopyOnWriteArrayList<>();
  private final OkHttpClient observed =
      new OkHttpClient.Builder()
          .eventListenerFactory(
              call ->
                  new EventListener() {
                    @Override
                    public void callStart(Call call) {
                      callTimeouts.add(call.timeout().timeoutNanos());
                    }
                  })
          .build();
  private VideosClient client;

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
    observed.dispatcher().executorService().shutdown();
  }

  /**
   * A gzip body that inflates to {@code inflated} bytes of JSON: an object holding a video's id,
   * then whitespace. It compresses about a thousand to one.
   */
  private static Buffer gzipJson(long inflated) {
    Buffer gzip = new Buffer();
    byte[] spaces = new byte[64 * 1024];
    Arrays.fill(spaces, (byte) ' ');
    byte[] head = "{\"id\":\"video_1\"".getBytes(StandardCharsets.UTF_8);
    try (GZIPOutputStream out = new GZIPOutputStream(gzip.outputStream())) {
      out.write(head);
      long left = inflated - head.length - 1;
      while (left > 0) {
        int n = (int) Math.min(left, spaces.length);
        out.write(spaces, 0, n);
        left -= n;
      }
      out.write('}');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return gzip;
  }

  private static MockResponse gzipped(Buffer body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .addHeader("Content-Encoding", "gzip")
        .addHeader("x-request-id", "req_bomb")
        .body(body)
        .build();
  }

  @Test
  void aGzipBombFailsAsAnInvalidResponseAtTheDefaultBoundQuickly() {
    client = TestSupport.clientFor(server, time).build();
    Buffer bomb = gzipJson(64 * MIB);
    assertThat(bomb.size()).isLessThan(MIB);
    server.enqueue(gzipped(bomb));

    long start = System.nanoTime();
    assertThatThrownBy(() -> client.retrieve("video_1"))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "retrieve got status 200 but the body is larger than 16777216 bytes"
                + " (maxResponseBytes): response body over 16777216 bytes; request-id: req_bomb");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    // Not retried: a body that breaks the contract is not a transient failure.
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aGzipBombFailsAtAConfiguredSmallBound() {
    client = TestSupport.clientFor(server, time).maxResponseBytes(MIB).build();
    server.enqueue(gzipped(gzipJson(64 * MIB)));

    assertThatThrownBy(() -> client.retrieve("video_1"))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "retrieve got status 200 but the body is larger than 1048576 bytes"
                + " (maxResponseBytes): response body over 1048576 bytes; request-id: req_bomb");
  }

  @Test
  void aGzipBodyThatInflatesWithinTheBoundParses() {
    client = TestSupport.clientFor(server, time).maxResponseBytes(MIB).build();
    server.enqueue(gzipped(gzipJson(MIB - 1)));

    assertThat(client.retrieve("video_1").id()).isEqualTo("video_1");
  }

  @Test
  void aDownloadLargerThanTheBoundIsStreamedWhole() {
    client = TestSupport.clientFor(server, time).maxResponseBytes(64 * 1024).build();
    byte[] video = TestSupport.mp4((int) (4 * MIB));
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "video/mp4")
            .body(new Buffer().write(video))
            .build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    long written = client.download("video_1", ContentVariant.VIDEO, out);

    assertThat(written).isEqualTo(video.length);
    assertThat(out.toByteArray()).isEqualTo(video);
  }

  @Test
  void aJsonCallIsBoundedByTheDefaultWholeCallTimeoutAndADownloadIsNot() {
    client = TestSupport.clientFor(server, time).okHttpClient(observed).build();
    server.enqueue(json(videoJson("video_1", "queued", 0)));
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "video/mp4")
            .body(new Buffer().write(TestSupport.mp4(100)))
            .build());

    client.retrieve("video_1");
    client.download("video_1", ContentVariant.VIDEO, new ByteArrayOutputStream());

    // 10 minutes, as openai-java; 0 is OkHttp's "no call timeout".
    assertThat(CallExecutor.DEFAULT_JSON_TIMEOUT).isEqualTo(Duration.ofMinutes(10));
    assertThat(callTimeouts).containsExactly(TimeUnit.MINUTES.toNanos(10), 0L);
  }

  @Test
  void aConfiguredTimeoutReplacesTheDefaultAndAlsoBoundsDownloads() {
    client =
        TestSupport.clientFor(server, time)
            .okHttpClient(observed)
            .timeout(Duration.ofSeconds(5))
            .build();
    server.enqueue(json(videoJson("video_1", "queued", 0)));
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "video/mp4")
            .body(new Buffer().write(TestSupport.mp4(100)))
            .build());
    server.enqueue(json(videoJson("video_1", "queued", 0)));

    client.retrieve("video_1");
    client.download("video_1", ContentVariant.VIDEO, new ByteArrayOutputStream());
    client
        .withOptions(RequestOptions.builder().timeout(Duration.ofSeconds(2)).build())
        .retrieve("video_1");

    assertThat(callTimeouts)
        .containsExactly(
            TimeUnit.SECONDS.toNanos(5), TimeUnit.SECONDS.toNanos(5), TimeUnit.SECONDS.toNanos(2));
  }
}
