package io.github.openaivideos;

import static io.github.openaivideos.TestSupport.error;
import static io.github.openaivideos.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.openaivideos.TestSupport.TestTime;
import io.github.openaivideos.models.ContentVariant;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads land whole or not at all, and never as anything but the asked-for media. */
class DownloadTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;
  private VideosClient client;

  @org.junit.jupiter.api.BeforeEach
  void setUp() {
    client = TestSupport.clientFor(server, new TestTime()).maxRetries(0).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static MockResponse asset(String type, byte[] bytes) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", type)
        .body(new Buffer().write(bytes))
        .build();
  }

  @Test
  void downloadWritesTheFileAndAsksForTheVariant() throws Exception {
    byte[] video = TestSupport.mp4(100_000);
    server.enqueue(asset("video/mp4", video));
    server.enqueue(asset("image/webp", TestSupport.webp(64, 36)));
    Path target = dir.resolve("cat.mp4");

    long written = client.download("video_1", ContentVariant.VIDEO, target);
    client.download("video_1", ContentVariant.THUMBNAIL, dir.resolve("cat.webp"));

    assertThat(written).isEqualTo(100_000);
    assertThat(Files.readAllBytes(target)).isEqualTo(video);
    RecordedRequest first = server.takeRequest();
    assertThat(first.getTarget()).isEqualTo("/v1/videos/video_1/content?variant=video");
    assertThat(first.getHeaders().get("Accept")).isEqualTo("video/mp4, application/json;q=0.5");
    RecordedRequest second = server.takeRequest();
    assertThat(second.getTarget()).isEqualTo("/v1/videos/video_1/content?variant=thumbnail");
    assertThat(second.getHeaders().get("Accept"))
        .isEqualTo("image/webp, image/png, image/jpeg, application/json;q=0.5");
    assertThat(onlyFiles()).containsExactlyInAnyOrder("cat.mp4", "cat.webp");
  }

  @Test
  void asyncDownloadWritesTheFileOffTheSchedulerThread() throws Exception {
    byte[] video = TestSupport.mp4(50_000);
    // Trickled out over about half a second, so that the copy can be caught in the act.
    server.enqueue(
        new MockResponse.Builder(asset("video/mp4", video))
            .throttleBody(5_000, 50, TimeUnit.MILLISECONDS)
            .build());
    Path target = dir.resolve("async.mp4");
    String caller = Thread.currentThread().getName();

    CompletableFuture<Long> download =
        client.async().download("video_1", ContentVariant.VIDEO, target);
    Set<String> copyingThreads = new HashSet<>();
    while (!download.isDone()) {
      copyingThreads.addAll(threadsRunning("io.github.openaivideos.internal.Downloads", "copy"));
      Thread.sleep(5);
    }

    assertThat(download.get(10, TimeUnit.SECONDS)).isEqualTo(50_000);
    assertThat(Files.readAllBytes(target)).isEqualTo(video);
    assertThat(copyingThreads)
        .isNotEmpty()
        .allSatisfy(name -> assertThat(name).startsWith("OkHttp "))
        .doesNotContain("openai-videos-scheduler", caller);
  }

  /** Names of the threads whose stack currently holds {@code className.method}. */
  private static Set<String> threadsRunning(String className, String method) {
    Set<String> names = new HashSet<>();
    Thread.getAllStackTraces()
        .forEach(
            (thread, stack) -> {
              for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals(className)
                    && frame.getMethodName().equals(method)) {
                  names.add(thread.getName());
                }
              }
            });
    return names;
  }

  @Test
  void downloadReplacesAnExistingFileOnlyWhenComplete() throws Exception {
    Path target = dir.resolve("cat.mp4");
    Files.writeString(target, "old");
    server.enqueue(asset("video/mp4", TestSupport.mp4(64)));

    client.download("video_1", ContentVariant.VIDEO, target);

    assertThat(Files.size(target)).isEqualTo(64);
  }

  @Test
  void truncatedDownloadLeavesNoPartialFileAndTheOldFileUntouched() throws Exception {
    Path target = dir.resolve("cat.mp4");
    Files.writeString(target, "old");
    server.enqueue(
        new MockResponse.Builder(asset("video/mp4", TestSupport.mp4(200_000)))
            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
            .build());

    assertThatThrownBy(() -> client.download("video_1", ContentVariant.VIDEO, target))
        .isExactlyInstanceOf(ApiConnectionException.class)
        .hasMessageStartingWith("download of video of video video_1 failed");
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(onlyFiles()).containsExactly("cat.mp4");
  }

  @Test
  void jsonBodyWithSuccessStatusNeverLandsInTheFile() throws Exception {
    Path target = dir.resolve("cat.mp4");
    server.enqueue(json("{\"error\":{\"message\":\"not ready\"}}"));

    assertThatThrownBy(() -> client.download("video_1", ContentVariant.VIDEO, target))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "download of video of video video_1 came as application/json, expected video/*;"
                + " nothing was written; request-id: req_200");
    assertThat(onlyFiles()).isEmpty();
  }

  @Test
  void errorStatusIsThrownBeforeAnyByteIsWritten() throws Exception {
    server.enqueue(error(409, "Video is not ready.", "invalid_request_error", null, "not_ready"));

    assertThatThrownBy(() -> client.download("video_1", ContentVariant.VIDEO, dir.resolve("a.mp4")))
        .isExactlyInstanceOf(ConflictException.class);
    assertThat(onlyFiles()).isEmpty();
  }

  @Test
  void downloadToAStreamCopiesEveryByteAndLeavesTheStreamOpen() {
    byte[] sprite = "sprite-bytes".getBytes(StandardCharsets.US_ASCII);
    server.enqueue(asset("image/png", sprite));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    long n = client.download("video_1", ContentVariant.SPRITESHEET, out);

    assertThat(n).isEqualTo(sprite.length);
    assertThat(out.toByteArray()).isEqualTo(sprite);
  }

  private java.util.List<String> onlyFiles() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
