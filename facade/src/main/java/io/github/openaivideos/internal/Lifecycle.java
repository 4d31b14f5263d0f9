package io.github.openaivideos.internal;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;

/**
 * What one client has in flight: HTTP calls and pending futures. {@link #close()} cancels the calls
 * and completes the futures exceptionally at once, and every later call fails fast, so nothing of a
 * closed client keeps running or waiting (a caller-supplied OkHttpClient's other calls are left
 * alone).
 */
public final class Lifecycle {
  public static final String CLOSED = "client closed: build a new VideosClient";

  private final Set<Object> live = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * @throws IllegalStateException once the client is closed
   */
  public void checkOpen() {
    if (closed) {
      throw new IllegalStateException(CLOSED);
    }
  }

  /** Tracks a call until {@link #done(Call)}; cancels it at once if the client is closed. */
  public void started(Call call) {
    live.add(call);
    if (closed) {
      call.cancel();
    }
  }

  public void done(Call call) {
    live.remove(call);
  }

  /** Tracks a future until it completes; a closed client completes it with {@link #CLOSED}. */
  public <T> CompletableFuture<T> track(CompletableFuture<T> future) {
    live.add(future);
    future.whenComplete((r, t) -> live.remove(future));
    if (closed) {
      future.completeExceptionally(new IllegalStateException(CLOSED));
    }
    return future;
  }

  public boolean isClosed() {
    return closed;
  }

  public void close() {
    closed = true;
    for (Object thing : live.toArray()) {
      if (thing instanceof Call call) {
        call.cancel();
      } else if (thing instanceof CompletableFuture<?> future) {
        future.completeExceptionally(new IllegalStateException(CLOSED));
      }
    }
  }
}
