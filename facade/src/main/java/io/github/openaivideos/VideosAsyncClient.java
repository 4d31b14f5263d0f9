package io.github.openaivideos;

import static java.util.Objects.requireNonNull;

import io.github.openaivideos.internal.CallExecutor;
import io.github.openaivideos.internal.Downloads;
import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.CreateCharacterRequest;
import io.github.openaivideos.models.CreateVideoRequest;
import io.github.openaivideos.models.DeletedVideo;
import io.github.openaivideos.models.EditVideoRequest;
import io.github.openaivideos.models.ExtendVideoRequest;
import io.github.openaivideos.models.RemixVideoRequest;
import io.github.openaivideos.models.Video;
import io.github.openaivideos.models.VideoCharacter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

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

  public CompletableFuture<Video> create(CreateVideoRequest request) {
    return client.runAsync(client.ops().create(request));
  }

  /** One page; {@link AsyncVideoPage#nextPage()} fetches the next without blocking. */
  public CompletableFuture<AsyncVideoPage> list(ListVideos query) {
    return client
        .runAsync(client.ops().list(query))
        .thenApply(
            list -> new AsyncVideoPage(list, query, this::list, client.executor().redactor()));
  }

  public CompletableFuture<Video> retrieve(String videoId) {
    return client.runAsync(client.ops().retrieve(videoId));
  }

  public CompletableFuture<DeletedVideo> delete(String videoId) {
    return client.runAsync(client.ops().delete(videoId));
  }

  public CompletableFuture<Video> remix(String videoId, RemixVideoRequest request) {
    return client.runAsync(client.ops().remix(videoId, request));
  }

  public CompletableFuture<Video> remix(String videoId, String prompt) {
    return remix(videoId, RemixVideoRequest.builder().prompt(prompt).build());
  }

  public CompletableFuture<Video> edit(EditVideoRequest request) {
    return client.runAsync(client.ops().edit(request));
  }

  public CompletableFuture<Video> extend(ExtendVideoRequest request) {
    return client.runAsync(client.ops().extend(request));
  }

  public CompletableFuture<VideoCharacter> createCharacter(CreateCharacterRequest request) {
    return client.runAsync(client.ops().createCharacter(request));
  }

  public CompletableFuture<VideoCharacter> retrieveCharacter(String characterId) {
    return client.runAsync(client.ops().retrieveCharacter(characterId));
  }

  /**
   * Downloads to a file atomically, as {@link VideosClient#download(String, ContentVariant, Path)}.
   * The bytes are copied on the OkHttp thread that received the response, never on the shared
   * scheduler thread (which must stay free for the retries and polls of every other call).
   */
  public CompletableFuture<Long> download(String videoId, ContentVariant variant, Path target) {
    requireNonNull(target, "target == null");
    Downloads.checkTarget(target);
    CallExecutor.Exchange<okhttp3.ResponseBody> exchange = client.ops().download(videoId, variant);
    return client.finishAsync(
        exchange,
        r ->
            Downloads.toPath(
                r.value(),
                variant,
                target,
                videoId,
                r.requestId().orElse(null),
                client.executor().redactor()));
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
        .executor()
        .lifecycle()
        .track(
            client
                .poller()
                .awaitAsync(
                    videoId,
                    timeout,
                    listener,
                    (id, deadline) -> client.rawAsync(client.ops().retrieve(id), deadline),
                    client.executor().scheduler()));
  }

  /** {@link #create} then {@link #waitUntilDone(String, Consumer)}. */
  public CompletableFuture<Video> createAndWait(
      CreateVideoRequest request, Consumer<Progress> listener) {
    return create(request)
        .thenCompose(
            v -> waitUntilDone(Checks.idOf("create", v, client.executor().redactor()), listener));
  }

  /** {@link #remix} then {@link #waitUntilDone(String, Consumer)}. */
  public CompletableFuture<Video> remixAndWait(
      String videoId, String prompt, Consumer<Progress> listener) {
    return remix(videoId, prompt)
        .thenCompose(
            v -> waitUntilDone(Checks.idOf("remix", v, client.executor().redactor()), listener));
  }

  /** {@link #edit} then {@link #waitUntilDone(String, Consumer)}. */
  public CompletableFuture<Video> editAndWait(
      EditVideoRequest request, Consumer<Progress> listener) {
    return edit(request)
        .thenCompose(
            v -> waitUntilDone(Checks.idOf("edit", v, client.executor().redactor()), listener));
  }

  /** {@link #extend} then {@link #waitUntilDone(String, Consumer)}. */
  public CompletableFuture<Video> extendAndWait(
      ExtendVideoRequest request, Consumer<Progress> listener) {
    return extend(request)
        .thenCompose(
            v -> waitUntilDone(Checks.idOf("extend", v, client.executor().redactor()), listener));
  }
}
