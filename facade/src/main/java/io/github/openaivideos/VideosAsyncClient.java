package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.internal.CallExecutor;
import io.github.openaivideos.internal.Downloads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The operations of a {@link VideosClient}, non-blocking. Each returns a {@link CompletableFuture}
 * that fails with the same {@link VideosException}s the blocking calls throw. Cancelling a future
 * cancels its HTTP call, or its retry or poll that is waiting; waits hold no thread between polls,
 * so thousands of jobs can be awaited at once.
 *
 * <p>Arguments are checked when the method is called: an invalid one throws {@link
 * IllegalArgumentException} at once, not through the future.
 */
public final class VideosAsyncClient {
  private final VideosClient client;

  VideosAsyncClient(VideosClient client) {
    this.client = requireNonNull(client, "client == null");
  }

  /** The blocking client this one belongs to. */
  public VideosClient sync() {
    return client;
  }

  public CompletableFuture<Video> create(CreateVideo request) {
    return value(client.createExchange(request), Mapping::video);
  }

  public CompletableFuture<VideoPage> list(ListVideos request) {
    return client.valueAsync(client.listExchange(request), client.pageOf(request));
  }

  public CompletableFuture<Video> retrieve(String videoId) {
    return value(client.retrieveExchange(videoId), Mapping::video);
  }

  public CompletableFuture<DeletedVideo> delete(String videoId) {
    return value(client.deleteExchange(videoId), Mapping::deleted);
  }

  public CompletableFuture<Video> remix(String videoId, String prompt) {
    return value(client.remixExchange(videoId, prompt), Mapping::video);
  }

  public CompletableFuture<Video> edit(EditVideo request) {
    return value(client.editExchange(request), Mapping::video);
  }

  public CompletableFuture<Video> extend(ExtendVideo request) {
    return value(client.extendExchange(request), Mapping::video);
  }

  public CompletableFuture<VideoCharacter> createCharacter(CreateCharacter request) {
    return value(client.createCharacterExchange(request), Mapping::character);
  }

  public CompletableFuture<VideoCharacter> retrieveCharacter(String characterId) {
    return value(client.retrieveCharacterExchange(characterId), Mapping::character);
  }

  /**
   * Downloads to a file atomically, as {@link VideosClient#download(String, ContentVariant, Path)}.
   */
  public CompletableFuture<Long> download(String videoId, ContentVariant variant, Path target) {
    requireNonNull(target, "target == null");
    Downloads.checkTarget(target);
    // Copied on the OkHttp thread that received the response, never on the shared scheduler thread
    // (which must stay free for the retries and polls of every other call).
    return client.thenAsync(
        client.downloadExchange(videoId, variant),
        null,
        r -> Downloads.toPath(r.body(), variant, target, videoId, r.requestId()));
  }

  /** Waits until the job is completed, within the client's wait timeout. */
  public CompletableFuture<Video> waitUntilDone(String videoId) {
    return waitUntilDone(videoId, client.waitTimeout(), p -> {});
  }

  /** Waits until the job is completed, reporting each change of status or progress. */
  public CompletableFuture<Video> waitUntilDone(String videoId, Consumer<Progress> listener) {
    return waitUntilDone(videoId, client.waitTimeout(), listener);
  }

  /**
   * Waits until the job is completed; fails with {@link VideoFailedException} or {@link
   * WaitTimeoutException}. The timeout bounds the whole wait.
   */
  public CompletableFuture<Video> waitUntilDone(
      String videoId, Duration timeout, Consumer<Progress> listener) {
    Checks.id("waitUntilDone", "videoId", videoId);
    requireNonNull(timeout, "timeout == null");
    requireNonNull(listener, "listener == null");
    return client
        .poller()
        .awaitAsync(
            videoId,
            timeout,
            listener,
            (id, deadline) ->
                client.callAsync(client.retrieveExchange(id), Mapping::video, deadline),
            client.executor().scheduler());
  }

  /** {@link #create} then {@link #waitUntilDone(String, Consumer)}. */
  public CompletableFuture<Video> createAndWait(CreateVideo request, Consumer<Progress> listener) {
    return create(request).thenCompose(v -> waitUntilDone(v.id(), listener));
  }

  /** {@link #remix} then {@link #waitUntilDone(String, Consumer)}. */
  public CompletableFuture<Video> remixAndWait(
      String videoId, String prompt, Consumer<Progress> listener) {
    return remix(videoId, prompt).thenCompose(v -> waitUntilDone(v.id(), listener));
  }

  /** {@link #edit} then {@link #waitUntilDone(String, Consumer)}. */
  public CompletableFuture<Video> editAndWait(EditVideo request, Consumer<Progress> listener) {
    return edit(request).thenCompose(v -> waitUntilDone(v.id(), listener));
  }

  /** {@link #extend} then {@link #waitUntilDone(String, Consumer)}. */
  public CompletableFuture<Video> extendAndWait(ExtendVideo request, Consumer<Progress> listener) {
    return extend(request).thenCompose(v -> waitUntilDone(v.id(), listener));
  }

  private <W, T> CompletableFuture<T> value(CallExecutor.Exchange<W> exchange, Function<W, T> map) {
    return client.valueAsync(exchange, map);
  }
}
